// The one outcome type. Services (lib/cases, lib/staff) return an expected failure as a value —
// never a thrown error for something a person can fix or should be told about — and the action
// wrapper (lib/actions/define-action.ts) turns it into what the browser receives. Client-safe:
// forms import the types; only `fieldErrorsOf` touches zod, and only when it is called.
import type { z } from 'zod';

export type FailureReason =
  /** The input breaks a rule; `fieldErrors` or `issues` name each field. */
  | 'invalid'
  /** Someone saved a newer version first, or the record already exists; nothing was overwritten. */
  | 'conflict'
  /** The role does not allow it (also recorded as a DENIED audit event). */
  | 'forbidden'
  /** Not signed in, or the session ended. */
  | 'unauthenticated'
  /** No such record for this person — also when it exists but belongs to someone else. */
  | 'not_found'
  /** The database could not serialise the change with another one; trying again will work. */
  | 'retry'
  /** Something went wrong that the person cannot fix (logged with the request id). */
  | 'unexpected';

/** Messages per field name, shown next to the field (aria-describedby). */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, string[]>>;

/** A problem at a path of a nested form, e.g. "substances[0].daysUsedLast30". */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface Failure<Field extends string = string, Issue extends FieldIssue = FieldIssue> {
  readonly ok: false;
  readonly reason: FailureReason;
  readonly message: string;
  readonly fieldErrors?: FieldErrors<Field>;
  readonly issues?: readonly Issue[];
}

export type Outcome<T extends object = object, Field extends string = string, Issue extends FieldIssue = FieldIssue> =
  ({ readonly ok: true } & T) | Failure<Field, Issue>;

export function fail<Field extends string = string, Issue extends FieldIssue = FieldIssue>(
  reason: FailureReason,
  message: string,
  details: { fieldErrors?: FieldErrors<Field>; issues?: readonly Issue[] } = {},
): Failure<Field, Issue> {
  return {
    ok: false,
    reason,
    message,
    ...(details.fieldErrors ? { fieldErrors: details.fieldErrors } : {}),
    ...(details.issues ? { issues: details.issues } : {}),
  };
}

/** The one field-error helper: a failed zod parse as messages per top-level field. */
export function fieldErrorsOf<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (field === '') continue;
    (errors[field] ??= []).push(issue.message);
  }
  return errors as FieldErrors<Field>;
}

/** Every message the person can be shown for a failure the server did not expect, in one place. */
export const OUTCOME_MESSAGES = {
  unauthenticated: 'Your session has ended. Sign in again — nothing was saved.',
  forbidden: 'Your role does not allow this. Nothing was changed.',
  conflict: 'Someone changed this since you opened it. Nothing was overwritten: reload to see the change.',
  /** Every case write based on an older version of the case (lib/cases/case-version.ts). */
  caseChanged: 'This case changed since you opened it — reload to see the change. Nothing was saved.',
  not_found: 'That record no longer exists, or you cannot open it. Nothing was changed.',
  retry: 'The database was busy with another change. Nothing was saved: try again.',
  badRequest: 'The page sent something the server cannot read. Reload the page — nothing was saved.',
  /** Anything else: logged with the request id, which the person can quote. */
  notSaved: (requestId: string) =>
    `Not saved (request ${requestId}). Try again; if it keeps happening, give this request id to your administrator.`,
} as const;

/**
 * What a server action answers (the browser's side of an Outcome): `status` for the form, and on
 * a refusal `authError` (401 not signed in, 403 role not allowed) — the authorization matrix
 * test looks for it — and `requestId` when the server logged an unexpected error.
 */
export type ActionFailure<Field extends string = string, Issue extends FieldIssue = FieldIssue> = {
  status: 'error';
  reason: FailureReason;
  message: string;
  fieldErrors?: FieldErrors<Field>;
  issues?: readonly Issue[];
  /** What was typed (never passwords), so the form keeps it after an error. */
  values?: Partial<Record<Field, string>>;
  authError?: 401 | 403;
  requestId?: string;
};

export type ActionResult<
  T extends object = object,
  Field extends string = string,
  Issue extends FieldIssue = FieldIssue,
> = ({ status: 'success'; message?: string } & T) | ActionFailure<Field, Issue>;

/**
 * The state of a form driven by useActionState: nothing sent yet ('idle'), saved, or not saved
 * and why. One flat shape (every ActionFailure fits it) so a form reads `fieldErrors` and
 * `values` without narrowing first.
 */
export type FormState<Field extends string = string> = {
  status: 'idle' | 'success' | 'error';
  reason?: FailureReason;
  /** One sentence for the whole form: what was saved, or why nothing was. */
  message?: string;
  fieldErrors?: FieldErrors<Field>;
  values?: Partial<Record<Field, string>>;
  authError?: 401 | 403;
  requestId?: string;
};

export const INITIAL_FORM_STATE: FormState<never> = { status: 'idle' };
