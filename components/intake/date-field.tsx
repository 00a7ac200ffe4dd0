'use client';

import { TextField as KitTextField } from '@/components/forms/field';
import { getFormValue } from '@/lib/intake/form/paths';
import { errorDomId, fieldDomId } from '@/lib/intake/form/sections';

import { useIntakeFields } from './form-context';

/** What every date question says about its format (issue 12 item 5). */
export const DATE_FORMAT_HINT =
  'Type it in the order the box shows (for example mm/dd/yyyy), or pick it from the calendar. It is stored as YYYY-MM-DD.';

/**
 * A date question as the browser's own date input: the browser shows the local format and a
 * calendar, and the value it gives is always YYYY-MM-DD, the intake's format. A value kept from an
 * older draft that the date input cannot show (a half-typed date) is reported at review.
 */
export function DateField({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const { values, setValue, leaveField, errorsFor, disabled } = useIntakeFields();
  const value = getFormValue(values, path);
  return (
    <KitTextField
      id={fieldDomId(path)}
      hintId={`hint-${fieldDomId(path)}`}
      errorId={errorDomId(path)}
      errors={errorsFor(path)}
      label={label}
      hint={hint ? `${hint} ${DATE_FORMAT_HINT}` : DATE_FORMAT_HINT}
      type="date"
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      onChange={(event) => setValue(path, event.target.value)}
      onBlur={() => leaveField(path)}
      autoComplete="off"
      controlClassName="max-w-xs"
      // One line kept for the message, as every intake field does, so a message appearing never
      // moves the question below it (issue 12 item 1).
      reserveErrorSpace
    />
  );
}
