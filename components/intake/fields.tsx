'use client';

import type { KeyboardEvent, ReactNode } from 'react';

import {
  ChoiceGroup,
  FieldErrors,
  TextAreaField as KitTextAreaField,
  TextField as KitTextField,
  type ChoiceOption,
} from '@/components/forms/field';
import { getFormValue } from '@/lib/intake/form/paths';
import { errorDomId, fieldDomId } from '@/lib/intake/form/sections';
import { textLengthFeedback } from '@/lib/intake/form/text-limits';

import { useIntakeFields } from './form-context';

// Intake fields: the form kit's fields, each bound to one field path of the intake's answers.
// Their problems appear once the field was left (see IntakeForm), and leaving a field saves.
// Each keeps one line of room for its message, so a message appearing never moves the question
// below it (a click on "Male" just after typing a date of birth lands where it was aimed). A text
// field carries its schema's length limit as `maxLength`, and counts characters as it nears it.

/** The ids and bindings every intake control shares. */
export function useBoundField(path: string) {
  const { values, setValue, leaveField, errorsFor, disabled } = useIntakeFields();
  const value = getFormValue(values, path);
  return {
    frame: {
      id: fieldDomId(path),
      hintId: `hint-${fieldDomId(path)}`,
      errorId: errorDomId(path),
      errors: errorsFor(path),
      reserveErrorSpace: true,
    },
    control: {
      value: typeof value === 'string' ? value : '',
      disabled,
      onChange: (event: { target: { value: string } }) => setValue(path, event.target.value),
      onBlur: () => leaveField(path),
    },
    value,
    setValue,
    leaveField,
    disabled,
  };
}

/**
 * The messages for a path that has no control of its own (a list, an instrument), with a line
 * reserved like every field's, so a message appearing does not move what is below it (issue 12.1).
 */
export function FieldProblems({ path, errors }: { path: string; errors: readonly string[] }) {
  return <FieldErrors id={errorDomId(path)} errors={errors} reserveSpace />;
}

/**
 * A text control bound to `path` with its length limit (see textLengthFeedback): the `maxLength`
 * attribute, the count near the limit, and a message when a value is over it, which replaces the
 * server's own words. The props the kit's TextField and TextAreaField share.
 */
function useLimitedTextField(path: string, label: string, hint: ReactNode) {
  const { frame, control } = useBoundField(path);
  const feedback = textLengthFeedback(path, label, control.value.length);
  return {
    ...frame,
    ...control,
    errors: feedback.tooLong
      ? [feedback.tooLong, ...frame.errors.filter((error) => !/must be at most \d+ characters/.test(error))]
      : frame.errors,
    counter: feedback.counter,
    maxLength: feedback.maxLength,
    label,
    hint,
  };
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

export function TextField({
  path,
  label,
  hint,
  inputMode = 'text',
  width = 'full',
  autoComplete = 'off',
}: TextFieldProps) {
  const field = useLimitedTextField(path, label, hint);
  return (
    <KitTextField
      {...field}
      type="text"
      inputMode={inputMode}
      autoComplete={autoComplete}
      spellCheck={false}
      controlClassName={WIDTH[width]}
    />
  );
}

export function TextAreaField({
  path,
  label,
  hint,
  rows = 3,
}: {
  path: string;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  const field = useLimitedTextField(path, label, hint);
  return <KitTextAreaField {...field} rows={rows} controlClassName="max-w-2xl" />;
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
  /** A key pressed on one of its radios (instrument items answer to their digits). */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** One question with fixed answers, as a native radio group. */
export function ChoiceField({
  path,
  legend,
  options,
  hint,
  layout,
  toValue,
  isChecked,
  legendClassName,
  onKeyDown,
}: ChoiceFieldProps) {
  const { frame, value, setValue, leaveField, disabled } = useBoundField(path);
  const stored = (option: ChoiceOption) => (toValue ? toValue(option) : option.value);
  return (
    <ChoiceGroup
      {...frame}
      legend={legend}
      legendClassName={legendClassName}
      hint={hint}
      options={options}
      layout={layout}
      disabled={disabled}
      isChecked={(option) => (isChecked ? isChecked(option, value) : value === stored(option))}
      onChoose={(option) => setValue(path, stored(option))}
      onLeave={() => leaveField(path)}
      onKeyDown={onKeyDown}
    />
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
export function optionsFrom<Code extends string>(
  codes: readonly Code[],
  labels: Readonly<Record<Code, string>>,
): ChoiceOption[] {
  return codes.map((code) => ({ value: code, label: labels[code] }));
}
