'use client';

import type { ReactNode } from 'react';

import { getFormValue } from '@/lib/intake/form/paths';
import { errorDomId, fieldDomId } from '@/lib/intake/form/sections';

import { useIntakeFields } from './form-context';
import { radioClass, textInputClass } from './ui';

// Intake fields, each bound to one field path. Every control has a visible label, a hint where
// the format matters, and an error region linked with aria-describedby that is announced when a
// problem appears. Choices are native radio groups in a fieldset with a legend: one Tab stop per
// question, arrow keys to choose.

function hintId(path: string): string {
  return `hint-${fieldDomId(path)}`;
}

function describedBy(path: string, hasHint: boolean, errors: readonly string[]): string | undefined {
  const ids = [hasHint ? hintId(path) : null, errors.length > 0 ? errorDomId(path) : null].filter((id): id is string => id !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The messages for one field; the region always exists so a new message is announced. */
export function FieldProblems({ path, errors }: { path: string; errors: readonly string[] }) {
  return (
    <div id={errorDomId(path)} aria-live="polite" className="text-sm font-medium text-red-800">
      {errors.map((error) => (
        <p key={error} className="mt-1">
          {error}
        </p>
      ))}
    </div>
  );
}

function Hint({ path, hint }: { path: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={hintId(path)} className="mt-0.5 text-sm text-slate-700">
      {hint}
    </p>
  );
}

interface TextFieldProps {
  readonly path: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly inputMode?: 'text' | 'numeric' | 'tel';
  readonly width?: 'short' | 'medium' | 'full';
  readonly autoComplete?: string;
}

const WIDTH = { short: 'max-w-[9rem]', medium: 'max-w-xs', full: 'max-w-xl' } as const;

export function TextField({ path, label, hint, inputMode = 'text', width = 'full', autoComplete = 'off' }: TextFieldProps) {
  const { values, setValue, leaveField, errorsFor, disabled } = useIntakeFields();
  const errors = errorsFor(path);
  const id = fieldDomId(path);
  const value = getFormValue(values, path);
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      <Hint path={path} hint={hint} />
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        onChange={(event) => setValue(path, event.target.value)}
        onBlur={() => leaveField(path)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(path, Boolean(hint), errors)}
        className={`mt-1 ${textInputClass} ${WIDTH[width]}`}
      />
      <FieldProblems path={path} errors={errors} />
    </div>
  );
}

export function TextAreaField({ path, label, hint, rows = 3 }: { path: string; label: string; hint?: ReactNode; rows?: number }) {
  const { values, setValue, leaveField, errorsFor, disabled } = useIntakeFields();
  const errors = errorsFor(path);
  const id = fieldDomId(path);
  const value = getFormValue(values, path);
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      <Hint path={path} hint={hint} />
      <textarea
        id={id}
        rows={rows}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        onChange={(event) => setValue(path, event.target.value)}
        onBlur={() => leaveField(path)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(path, Boolean(hint), errors)}
        className={`mt-1 ${textInputClass} max-w-2xl`}
      />
      <FieldProblems path={path} errors={errors} />
    </div>
  );
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /** Extra words under the label (e.g. an instrument anchor). */
  readonly detail?: string;
}

interface ChoiceFieldProps {
  readonly path: string;
  readonly legend: ReactNode;
  readonly options: readonly ChoiceOption[];
  readonly hint?: ReactNode;
  readonly layout?: 'row' | 'column';
  /** Stored value for each option; defaults to the option's value string. */
  readonly toValue?: (option: ChoiceOption) => unknown;
  /** The radio whose stored value equals the current answer is checked. */
  readonly isChecked?: (option: ChoiceOption, current: unknown) => boolean;
  readonly legendClassName?: string;
}

/** One question with fixed answers: a fieldset, its legend, and a native radio group. */
export function ChoiceField({ path, legend, options, hint, layout = 'row', toValue, isChecked, legendClassName }: ChoiceFieldProps) {
  const { values, setValue, leaveField, errorsFor, disabled } = useIntakeFields();
  const errors = errorsFor(path);
  const id = fieldDomId(path);
  const current = getFormValue(values, path);
  return (
    <fieldset id={id} aria-describedby={describedBy(path, Boolean(hint), errors)} className="min-w-0">
      <legend className={legendClassName ?? 'font-medium text-slate-900'}>{legend}</legend>
      <Hint path={path} hint={hint} />
      <div
        className={`mt-1 flex ${layout === 'row' ? 'flex-wrap gap-x-5 gap-y-1' : 'flex-col gap-1'} ${errors.length > 0 ? 'rounded-md ring-2 ring-red-700 ring-offset-2' : ''}`}
        onBlur={(event) => {
          // Leaving the group (not moving between its radios) counts as leaving the field.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) leaveField(path);
        }}
      >
        {options.map((option) => {
          const optionId = `${id}-${option.value.replace(/[^A-Za-z0-9]+/g, '-')}`;
          const stored = toValue ? toValue(option) : option.value;
          const checked = isChecked ? isChecked(option, current) : current === stored;
          return (
            <label key={option.value} htmlFor={optionId} className="flex cursor-pointer items-start gap-2 py-0.5">
              <input
                id={optionId}
                type="radio"
                name={id}
                value={option.value}
                checked={checked}
                disabled={disabled}
                onChange={() => setValue(path, stored)}
                className={`mt-1 ${radioClass}`}
              />
              <span>
                <span className="text-slate-900">{option.label}</span>
                {option.detail ? <span className="block text-sm text-slate-700">{option.detail}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldProblems path={path} errors={errors} />
    </fieldset>
  );
}

const YES_NO_OPTIONS: readonly ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A yes/no question with no default: safety questions must be answered, not assumed. */
export function YesNoField({ path, legend, hint }: { path: string; legend: ReactNode; hint?: ReactNode }) {
  return <ChoiceField path={path} legend={legend} hint={hint} options={YES_NO_OPTIONS} />;
}

/** Options from a code → label table, in the table's order. */
export function optionsFrom<Code extends string>(codes: readonly Code[], labels: Readonly<Record<Code, string>>): ChoiceOption[] {
  return codes.map((code) => ({ value: code, label: labels[code] }));
}
