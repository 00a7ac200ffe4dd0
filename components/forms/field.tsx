import type { ComponentProps, ReactNode } from 'react';

/** Ids for a field's hint and error regions, for aria-describedby. */
export function describedBy(id: string, options: { hint?: boolean; errors?: readonly string[] | undefined }): string | undefined {
  const ids = [options.hint ? `${id}-hint` : null, options.errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The messages for one field, announced when they appear. */
export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] | undefined }) {
  return (
    <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
      {errors?.map((error) => (
        <p key={error} className="mt-1">
          {error}
        </p>
      ))}
    </div>
  );
}

export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 aria-[invalid=true]:border-red-600 disabled:bg-slate-100';

type TextFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: readonly string[] | undefined;
} & Omit<ComponentProps<'input'>, 'id'>;

/** A labelled input with its hint and error regions wired up for screen readers. */
export function TextField({ id, label, hint, errors, className, ...input }: TextFieldProps) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, { hint: Boolean(hint), errors })} className={`mt-1 ${inputClass}`} {...input} />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}
