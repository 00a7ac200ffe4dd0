'use client';

import {
  COVERAGE_TYPES,
  COVERAGE_TYPE_LABELS,
  INTAKE_V2_LIMITS,
  PREGNANCY_STATUSES,
  PREGNANCY_STATUS_LABELS,
  SEXES,
  SEX_LABELS,
} from '@/lib/intake';
import { asksPregnancy } from '@/lib/intake/form/values';

import { DateField } from './date-field';
import { ChoiceField, TextField, YesNoField, optionsFrom } from './fields';
import { useIntakeFields } from './form-context';

const L = INTAKE_V2_LIMITS;

export function PatientSection() {
  const { values } = useIntakeFields();
  const { sex, pregnancy, emergencyContact } = values.patient;
  return (
    <div className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField path="patient.firstName" label="First name" />
        <TextField path="patient.lastName" label="Last name" />
      </div>
      <DateField path="patient.dateOfBirth" label="Date of birth" />
      <ChoiceField path="patient.sex" legend="Sex" options={optionsFrom(SEXES, SEX_LABELS)} />
      {asksPregnancy(sex) ? (
        <>
          <ChoiceField
            path="patient.pregnancy"
            legend="Pregnant?"
            hint="Unknown when it is not known or was not asked: the review then lists the assessment as incomplete."
            options={optionsFrom(PREGNANCY_STATUSES, PREGNANCY_STATUS_LABELS)}
          />
          {pregnancy === 'yes' ? (
            <TextField
              path="patient.gestationalWeeks"
              label="Weeks of pregnancy (optional)"
              hint={`${L.minGestationalWeeks} to ${L.maxGestationalWeeks}; leave empty if not known`}
              inputMode="numeric"
              width="short"
            />
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-700" data-testid="pregnancy-not-asked">
          Pregnancy is not asked for a male patient; the intake records “not pregnant”.
        </p>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField path="patient.mrn" label="Medical record number (optional)" width="medium" />
        <TextField path="patient.phone" label="Phone number (optional)" inputMode="tel" width="medium" />
      </div>
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Language and coverage</legend>
        <TextField
          path="patient.preferredLanguage"
          label="Preferred language (optional)"
          hint={`For example Spanish; at most ${L.maxPreferredLanguageLength} characters`}
          width="medium"
        />
        <YesNoField path="patient.interpreterNeeded" legend="Interpreter needed?" />
        <ChoiceField
          path="patient.coverage"
          legend="Coverage"
          options={optionsFrom(COVERAGE_TYPES, COVERAGE_TYPE_LABELS)}
        />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Emergency contact</legend>
        <YesNoField
          path="patient.emergencyContact.given"
          legend="Does the patient name an emergency contact?"
          hint="Answer No when there is nobody or the patient declines."
        />
        {emergencyContact.given === 'yes' ? (
          <div className="grid gap-5 sm:grid-cols-3">
            <TextField path="patient.emergencyContact.name" label="Contact name" width="full" />
            <TextField path="patient.emergencyContact.phone" label="Contact phone" inputMode="tel" width="full" />
            <TextField
              path="patient.emergencyContact.relationship"
              label="Relationship to the patient"
              hint="For example mother, friend"
              width="full"
            />
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
