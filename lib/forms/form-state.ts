// The state a form's server action returns (useActionState): saved, or not saved and why, with
// messages per field. Shared by every form so a denied action looks the same everywhere.

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

