import type { ComponentProps, KeyboardEvent, ReactNode } from 'react';

import { checkboxClass, inputClass, radioClass } from './styles';

// Form fields for every form (server or client components: no hooks here). Each control has a
// visible label (or one for screen readers where its row already says what it is for), a hint
// where the format matters, and an error region linked with aria-describedby that always exists,
// so a message that appears is announced (aria-live), and aria-invalid while it has messages.

export interface FieldFrameProps {
  /** The control's id; the label points at it. */
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly errors?: readonly string[] | undefined;
  /** The hint region's id; `${id}-hint` unless given. */
  readonly hintId?: string;
  /** The error region's id; `${id}-error` unless given. */
  readonly errorId?: string;
  /** The label only for screen readers. */
  readonly hiddenLabel?: boolean;
  /** Classes for the wrapper. */
  readonly className?: string;
  /** Classes added to the control (width, size). */
  readonly controlClassName?: string;
  /** Keep one line of room for a message, so a message appearing moves nothing below it. */
  readonly reserveErrorSpace?: boolean;
  /** Shown on the message line's right, e.g. "95 of 100 characters"; described by `counterId`. */
  readonly counter?: ReactNode;
  /** The counter's id; `${id}-count` unless given. */
  readonly counterId?: string;
}

/** The accessibility attributes that tie a control to its hint and error regions. */
export interface ControlAria {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

export function controlAria({
  id,
  hint,
  errors,
  hintId = `${id}-hint`,
  errorId = `${id}-error`,
  counter,
  counterId = `${id}-count`,
}: Pick<FieldFrameProps, 'id' | 'hint' | 'errors' | 'hintId' | 'errorId' | 'counter' | 'counterId'>): ControlAria {
  const invalid = Boolean(errors?.length);
  const ids = [hint ? hintId : null, invalid ? errorId : null, counter ? counterId : null].filter(
    (value): value is string => value !== null,
  );
  return { id, 'aria-invalid': invalid || undefined, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined };
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-0.5 text-sm text-slate-700">
      {children}
    </p>
  );
}

/** The messages for one field; the region always exists so a new message is announced. */
export function FieldErrors({
  id,
  errors,
  reserveSpace,
}: {
  id: string;
  errors?: readonly string[] | undefined;
  /** Room for one message even when there is none (see FieldFrameProps.reserveErrorSpace). */
  reserveSpace?: boolean;
}) {
  return (
    <div id={id} aria-live="polite" className={`text-sm font-medium text-red-800 ${reserveSpace ? 'min-h-6' : ''}`}>
      {errors?.map((error) => (
        // Reserved: one line of exactly the reserved height (no margin to collapse out of the box).
        <p key={error} className={reserveSpace ? 'leading-6' : 'mt-1'}>
          {error}
        </p>
      ))}
    </div>
  );
}

/** Label, hint, the control (drawn by `children` with the attributes it needs) and its errors. */
export function Field({ children, ...frame }: FieldFrameProps & { children: (aria: ControlAria) => ReactNode }) {
  const { id, label, hint, errors, hintId = `${id}-hint`, errorId = `${id}-error`, hiddenLabel, className } = frame;
  const { reserveErrorSpace, counter, counterId = `${id}-count` } = frame;
  return (
    <div className={className}>
      <label htmlFor={id} className={hiddenLabel ? 'sr-only' : 'block font-medium text-slate-900'}>
        {label}
      </label>
      <FieldHint id={hintId}>{hint}</FieldHint>
      {children(controlAria(frame))}
      {counter ? (
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0 flex-1">
            <FieldErrors id={errorId} errors={errors} reserveSpace={reserveErrorSpace} />
          </div>
          <p id={counterId} className={`shrink-0 text-sm text-slate-700 ${reserveErrorSpace ? 'leading-6' : 'mt-1'}`}>
            {counter}
          </p>
        </div>
      ) : (
        <FieldErrors id={errorId} errors={errors} reserveSpace={reserveErrorSpace} />
      )}
    </div>
  );
}

const FRAME_KEYS = [
  'id',
  'label',
  'hint',
  'errors',
  'hintId',
  'errorId',
  'hiddenLabel',
  'className',
  'controlClassName',
  'reserveErrorSpace',
  'counter',
  'counterId',
] as const satisfies readonly (keyof FieldFrameProps)[];

/** Splits a field's props into its frame and the attributes for its control. */
function splitFrame<Props extends FieldFrameProps>(
  props: Props,
): [FieldFrameProps, Omit<Props, keyof FieldFrameProps>] {
  const isFrameKey = (key: string) => (FRAME_KEYS as readonly string[]).includes(key);
  const entries = Object.entries(props);
  const frame = Object.fromEntries(entries.filter(([key]) => isFrameKey(key))) as unknown as FieldFrameProps;
  const control = Object.fromEntries(entries.filter(([key]) => !isFrameKey(key))) as Omit<Props, keyof FieldFrameProps>;
  return [frame, control];
}

const controlClass = (frame: FieldFrameProps) =>
  frame.controlClassName ? `mt-1 ${inputClass} ${frame.controlClassName}` : `mt-1 ${inputClass}`;

type ControlProps<Element extends 'input' | 'textarea' | 'select'> = FieldFrameProps &
  Omit<ComponentProps<Element>, keyof FieldFrameProps>;

/** A labelled text input. Attributes given here (aria-* included) win over the computed ones. */
export function TextField(props: ControlProps<'input'>) {
  const [frame, input] = splitFrame(props);
  return <Field {...frame}>{(aria) => <input {...aria} className={controlClass(frame)} {...input} />}</Field>;
}

export function TextAreaField(props: ControlProps<'textarea'>) {
  const [frame, textarea] = splitFrame(props);
  return <Field {...frame}>{(aria) => <textarea {...aria} className={controlClass(frame)} {...textarea} />}</Field>;
}

/** A labelled select; its options are the children. */
export function SelectField(props: ControlProps<'select'>) {
  const [frame, select] = splitFrame(props);
  return <Field {...frame}>{(aria) => <select {...aria} className={controlClass(frame)} {...select} />}</Field>;
}

/** A checkbox inside its label, with an error region when it can be wrong (`errors` given). */
export function CheckboxField({
  id,
  label,
  errors,
  errorId = `${id}-error`,
  className,
  ...input
}: {
  id: string;
  label: ReactNode;
  errors?: readonly string[] | undefined;
  errorId?: string;
  className?: string;
} & Omit<ComponentProps<'input'>, 'id' | 'type' | 'children'>) {
  return (
    <div className={className}>
      <label className="flex items-start gap-2 font-medium text-slate-900">
        <input
          type="checkbox"
          {...controlAria({ id, errors, errorId })}
          className={`mt-1 ${checkboxClass}`}
          {...input}
        />
        {label}
      </label>
      {errors !== undefined ? <FieldErrors id={errorId} errors={errors} /> : null}
    </div>
  );
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /** Extra words under the label (e.g. an instrument anchor). */
  readonly detail?: string;
}

interface ChoiceGroupProps {
  /** The fieldset's id; each radio's id is `${id}-${value}` and its group name is `id`. */
  readonly id: string;
  readonly legend: ReactNode;
  readonly legendClassName?: string;
  readonly options: readonly ChoiceOption[];
  readonly isChecked: (option: ChoiceOption) => boolean;
  readonly onChoose: (option: ChoiceOption) => void;
  /** Focus left the group (not moving between its radios). */
  readonly onLeave?: () => void;
  readonly hint?: ReactNode;
  readonly hintId?: string;
  readonly errors: readonly string[];
  readonly errorId?: string;
  readonly disabled?: boolean;
  readonly layout?: 'row' | 'column';
  /** See FieldFrameProps.reserveErrorSpace. */
  readonly reserveErrorSpace?: boolean;
  /** A key pressed on one of the radios (e.g. a digit that answers an instrument item). */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * One question with fixed answers: a fieldset, its legend, and a native radio group (one Tab
 * stop per question, arrow keys to choose).
 */
export function ChoiceGroup({
  id,
  legend,
  legendClassName,
  options,
  isChecked,
  onChoose,
  onLeave,
  hint,
  hintId = `${id}-hint`,
  errors,
  errorId = `${id}-error`,
  disabled,
  layout = 'row',
  reserveErrorSpace,
  onKeyDown,
}: ChoiceGroupProps) {
  const invalid = errors.length > 0;
  return (
    <fieldset
      id={id}
      aria-describedby={controlAria({ id, hint, errors, hintId, errorId })['aria-describedby']}
      className="min-w-0"
    >
      <legend className={legendClassName ?? 'font-medium text-slate-900'}>{legend}</legend>
      <FieldHint id={hintId}>{hint}</FieldHint>
      <div
        className={`mt-1 flex ${layout === 'row' ? 'flex-wrap gap-x-5 gap-y-1' : 'flex-col gap-1'} ${invalid ? 'rounded-md ring-2 ring-red-700 ring-offset-2' : ''}`}
        onBlur={(event) => {
          if (onLeave && !event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave();
        }}
      >
        {options.map((option) => {
          const optionId = `${id}-${option.value.replace(/[^A-Za-z0-9]+/g, '-')}`;
          return (
            <label key={option.value} htmlFor={optionId} className="flex cursor-pointer items-start gap-2 py-0.5">
              <input
                id={optionId}
                type="radio"
                name={id}
                value={option.value}
                checked={isChecked(option)}
                disabled={disabled}
                onChange={() => onChoose(option)}
                onKeyDown={onKeyDown}
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
      <FieldErrors id={errorId} errors={errors} reserveSpace={reserveErrorSpace} />
    </fieldset>
  );
}
