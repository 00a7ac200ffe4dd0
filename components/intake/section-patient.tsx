'use client';

import { SEXES, SEX_LABELS } from '@/lib/intake';

import { ChoiceField, TextField, YesNoField, optionsFrom } from './fields';

export function PatientSection() {
  return (
    <div className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField path="patient.firstName" label="First name" />
        <TextField path="patient.lastName" label="Last name" />
      </div>
      <TextField
        path="patient.dateOfBirth"
        label="Date of birth"
        hint="Year-month-day, for example 1984-03-09"
        inputMode="numeric"
        width="medium"
      />
      <ChoiceField path="patient.sex" legend="Sex" options={optionsFrom(SEXES, SEX_LABELS)} />
      <YesNoField path="patient.pregnant" legend="Pregnant?" hint="Answer No when it does not apply." />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField path="patient.mrn" label="Medical record number (optional)" width="medium" />
        <TextField path="patient.phone" label="Phone number (optional)" inputMode="tel" width="medium" />
      </div>
    </div>
  );
}
