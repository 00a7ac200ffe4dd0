'use client';

import { Plus, Trash2 } from 'lucide-react';

import { CheckboxField } from '@/components/forms/field';
import { buttonClass } from '@/components/forms/styles';
import { errorDomId, fieldDomId } from '@/lib/intake/form/sections';
import {
  CURRENT_MEDICATIONS,
  CURRENT_MEDICATION_LABELS,
  INTAKE_LIMITS,
  ROUTES,
  ROUTE_LABELS,
  SUBSTANCE_CATEGORIES_V2,
  SUBSTANCE_CATEGORY_HINTS,
  SUBSTANCE_CATEGORY_LABELS,
} from '@/lib/intake';

import { DateField } from './date-field';
import { ChoiceField, FieldProblems, TextAreaField, TextField, YesNoField, optionsFrom } from './fields';
import { useIntakeFields } from './form-context';

const NALOXONE_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Unknown' },
] as const;

interface SubstancesSectionProps {
  readonly onAdd: () => void;
  readonly onRemove: (rowId: string) => void;
  readonly onSetPrimary: (rowId: string, primary: boolean) => void;
}

/** 1 to 12 substances, exactly one marked primary; then current medication and overdose risk (intake v2). */
export function SubstancesSection({ onAdd, onRemove, onSetPrimary }: SubstancesSectionProps) {
  const { values, errorsFor, disabled } = useIntakeFields();
  const rows = values.substances;
  const listErrors = errorsFor('substances');
  return (
    <div className="space-y-5">
      <p className="text-slate-800">
        List every substance used; mark the one the person most wants help with as primary.
      </p>
      <div
        id={fieldDomId('substances')}
        aria-describedby={listErrors.length > 0 ? errorDomId('substances') : undefined}
      >
        <FieldProblems path="substances" errors={listErrors} />
      </div>
      <ol className="space-y-5">
        {rows.map((row, index) => {
          const base = `substances[${index}]`;
          const title = `Substance ${index + 1}${row.name.trim() ? `: ${row.name.trim()}` : ''}`;
          return (
            <li key={row.rowId}>
              <fieldset
                className="space-y-4 rounded-lg border border-slate-300 bg-white p-4"
                aria-labelledby={`${fieldDomId(base)}-legend`}
              >
                <legend id={`${fieldDomId(base)}-legend`} className="px-1 text-lg font-semibold text-slate-900">
                  {title}
                  {row.primary ? (
                    <span className="ml-2 rounded bg-sky-100 px-2 py-0.5 text-sm font-medium text-sky-900">
                      Primary
                    </span>
                  ) : null}
                </legend>
                <div>
                  <ChoiceField
                    path={`${base}.category`}
                    legend="Category"
                    hint="Enter kratom as an opioid. GHB/GBL and gabapentinoids (gabapentin, pregabalin) have their own categories."
                    options={optionsFrom(SUBSTANCE_CATEGORIES_V2, SUBSTANCE_CATEGORY_LABELS)}
                  />
                  {row.category !== '' && SUBSTANCE_CATEGORY_HINTS[row.category] ? (
                    <p className="mt-1 text-sm text-slate-700">{SUBSTANCE_CATEGORY_HINTS[row.category]}</p>
                  ) : null}
                </div>
                <TextField
                  path={`${base}.name`}
                  label="Name"
                  hint="As the person calls it, e.g. Klonopin, vodka, fentanyl"
                  width="medium"
                />
                <ChoiceField path={`${base}.route`} legend="Route" options={optionsFrom(ROUTES, ROUTE_LABELS)} />
                <div className="grid gap-4 sm:grid-cols-3">
                  <TextField
                    path={`${base}.daysUsedLast30`}
                    label="Days used in the last 30"
                    hint="0 to 30"
                    inputMode="numeric"
                    width="short"
                  />
                  <TextField
                    path={`${base}.durationMonths`}
                    label="Months of regular use"
                    hint="0 to 600"
                    inputMode="numeric"
                    width="short"
                  />
                </div>
                <DateField path={`${base}.lastUse`} label="Date of last use (optional)" />
                <YesNoField
                  path={`${base}.prescribed`}
                  legend="Taken as prescribed?"
                  hint="Yes only when taken as prescribed by the patient's own prescriber, including methadone or buprenorphine from their program."
                />
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <CheckboxField
                    id={fieldDomId(`${base}.primary`)}
                    label="Primary substance"
                    checked={row.primary}
                    disabled={disabled}
                    onChange={(event) => onSetPrimary(row.rowId, event.target.checked)}
                  />
                  <button
                    type="button"
                    className={buttonClass.danger}
                    disabled={disabled || rows.length <= 1}
                    onClick={() => onRemove(row.rowId)}
                  >
                    <Trash2 aria-hidden="true" className="h-4 w-4" />
                    Remove substance {index + 1}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={disabled || rows.length >= INTAKE_LIMITS.maxSubstances}
          onClick={onAdd}
        >
          <Plus aria-hidden="true" className="h-4 w-4" />
          Add another substance
        </button>
        {rows.length >= INTAKE_LIMITS.maxSubstances ? (
          <p className="mt-1 text-sm text-slate-700">
            An intake lists at most {INTAKE_LIMITS.maxSubstances} substances.
          </p>
        ) : null}
      </div>
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Current treatment</legend>
        <ChoiceField
          path="treatment.currentMedication"
          legend="Medication for opioid or alcohol use disorder taken now"
          options={optionsFrom(CURRENT_MEDICATIONS, CURRENT_MEDICATION_LABELS)}
        />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Overdose risk</legend>
        <YesNoField path="overdoseRisk.overdoseLast12Months" legend="Overdose in the last 12 months?" />
        <YesNoField
          path="overdoseRisk.lostTolerance"
          legend="Lost tolerance?"
          hint="Released in the last 30 days from jail or prison, a hospital, or residential treatment or detox, after a time without use."
        />
        <YesNoField path="overdoseRisk.usesAlone" legend="Uses alone?" />
        <ChoiceField path="overdoseRisk.naloxoneOnHand" legend="Naloxone on hand?" options={NALOXONE_OPTIONS} />
      </fieldset>
      <TextAreaField path="notes.substances" label="Substance use notes (optional)" />
    </div>
  );
}
