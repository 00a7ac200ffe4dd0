/**
 * What the case services return: the value, or an expected failure as data (never a thrown error
 * for something a person can fix or should be told about). The server actions turn these into
 * form state; nothing here is shown raw.
 */
import type { FormIssue } from '@/lib/intake/form/to-intake';

export type CaseFailureReason =
  /** The role does not allow it (also recorded as a DENIED audit event). */
  | 'forbidden'
  /** No such case or draft for this person — also when it exists but belongs to someone else. */
  | 'not_found'
  /** Someone saved a newer version first; nothing was overwritten. */
  | 'conflict'
  /** The input breaks a rule; `issues` names each field. */
  | 'invalid';

export interface CaseFailure {
  readonly ok: false;
  readonly reason: CaseFailureReason;
  readonly message: string;
  readonly issues?: readonly FormIssue[];
}

export type CaseOutcome<T> = ({ readonly ok: true } & T) | CaseFailure;

export function failure(reason: CaseFailureReason, message: string, issues?: readonly FormIssue[]): CaseFailure {
  return issues ? { ok: false, reason, message, issues } : { ok: false, reason, message };
}

/** The staff member acting, as the guards provide it (StaffSession fits). */
export interface CaseActor {
  readonly id: string;
  readonly role: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and forms; anything that is not a UUID cannot name a row. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
