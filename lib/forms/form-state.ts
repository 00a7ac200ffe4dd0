// The state a form's server action returns (useActionState): saved, or not saved and why, with
// messages per field. Shared by every form so a denied action looks the same everywhere.

import { z } from 'zod';

export type FormState<Field extends string = string> = {
  status: 'idle' | 'success' | 'error';
  /** One sentence for the whole form: what was saved, or why nothing was. */
  message?: string;
  /** Messages per field name, shown next to the field (aria-describedby). */
  fieldErrors?: Partial<Record<Field, string[]>>;
  /** What was typed (never passwords), so the form keeps it after an error. */
  values?: Partial<Record<Field, string>>;
  /**
   * Set when the action refused to run for this caller: 401 not signed in (or session ended),
   * 403 role not allowed. The authorization matrix test looks for it.
   */
  authError?: 401 | 403;
};

export const INITIAL_FORM_STATE: FormState<never> = { status: 'idle' };

/** The state for an action that authorizeAction refused. */
export function deniedState(denial: { status: 401 | 403; message: string }): FormState<never> {
  return { status: 'error', message: denial.message, authError: denial.status };
}

/** Field messages from a failed zod parse, keyed by top-level field name. */
export function fieldErrorsOf<Field extends string>(error: z.ZodError): Partial<Record<Field, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<Field, string[]>>;
}

/** A FormData value as a string ('' when missing or a file). */
export function formString(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
