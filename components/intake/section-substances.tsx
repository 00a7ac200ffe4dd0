'use client';

import { Plus, Trash2 } from 'lucide-react';

import { CheckboxField } from '@/components/forms/field';
import { buttonClass } from '@/components/forms/styles';
import { errorDomId, fieldDomId } from '@/lib/intake/form/sections';
import { ROUTES, ROUTE_LABELS, SUBSTANCE_CATEGORIES, SUBSTANCE_CATEGORY_LABELS, INTAKE_LIMITS } from '@/lib/intake';

import { ChoiceField, FieldProblems, TextAreaField, TextField, optionsFrom } from './fields';
import { useIntakeFields } from './form-context';

interface SubstancesSectionProps {
  readonly onAdd: () => void;
  readonly onRemove: (rowId: string) => void;
  readonly onSetPrimary: (rowId: string, primary: boolean) => void;
}

/** 1 to 12 substances, exactly one marked primary. */
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
                <ChoiceField
                  path={`${base}.category`}
                  legend="Category"
                  options={optionsFrom(SUBSTANCE_CATEGORIES, SUBSTANCE_CATEGORY_LABELS)}
                />
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
                  <TextField
                    path={`${base}.lastUse`}
                    label="Date of last use (optional)"
                    hint="YYYY-MM-DD"
                    inputMode="numeric"
                    width="medium"
                  />
                </div>
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
      <TextAreaField path="notes.substances" label="Substance use notes (optional)" />
    </div>
  );
}
