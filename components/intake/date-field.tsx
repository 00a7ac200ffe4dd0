'use client';

import { TextField as KitTextField } from '@/components/forms/field';

import { useBoundField } from './fields';

/** What every date question says about its format (issue 12 item 5). */
export const DATE_FORMAT_HINT =
  'Type it in the order the box shows (for example mm/dd/yyyy), or pick it from the calendar. It is stored as YYYY-MM-DD.';

/**
 * A date question as the browser's own date input: the browser shows the local format and a
 * calendar, and the value it gives is always YYYY-MM-DD, the intake's format. A value kept from an
 * older draft that the date input cannot show (a half-typed date) is reported at review.
 */
export function DateField({ path, label, hint }: { path: string; label: string; hint?: string }) {
  // The one binding every intake field uses (value, change, leave, errors, reserved message line).
  const { frame, control } = useBoundField(path);
  return (
    <KitTextField
      {...frame}
      {...control}
      label={label}
      hint={hint ? `${hint} ${DATE_FORMAT_HINT}` : DATE_FORMAT_HINT}
      type="date"
      autoComplete="off"
      controlClassName="max-w-xs"
    />
  );
}
