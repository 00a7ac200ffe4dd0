// The case workflow (issue 9 item 1) as data: every status change a case can make, which roles may
// make it, and what it needs (a reason, a decline reason code). The server (change-status.ts) and
// the case page's form both read this table; nothing else decides. Pure and client-safe.
//
//   NEW ──► IN_REVIEW ──► REFERRED ──► ADMITTED ──► CLOSED
//    │          │             │
//    │          ├──► DECLINED ◄┤
//    └──────────┴──► CLOSED ◄──┘
//   DECLINED, CLOSED ──reopen──► IN_REVIEW   (SUPERVISOR, with a reason)
//
// ADMITTED is not reopened: an admitted patient's episode ends with CLOSED (with a reason), and a
// closed case can be reopened like any other. Existing rows keep their meaning: the statuses are
// the same values as before, DECLINED is new.
import type { StaffRole } from '@/lib/auth/permissions';

import type { CaseStatusValue } from '../status';

export const DECLINE_REASON_CODES = ['NO_BED', 'NOT_ELIGIBLE', 'PATIENT_DECLINED', 'NO_CONTACT', 'OTHER'] as const;
export type DeclineReasonCode = (typeof DECLINE_REASON_CODES)[number];

export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReasonCode, string>> = {
  NO_BED: 'No bed available',
  NOT_ELIGIBLE: 'Not eligible',
  PATIENT_DECLINED: 'Patient declined',
  NO_CONTACT: 'Could not reach the patient',
  OTHER: 'Other',
};

export function isDeclineReasonCode(value: unknown): value is DeclineReasonCode {
  return typeof value === 'string' && (DECLINE_REASON_CODES as readonly string[]).includes(value);
}

/** What a move needs besides the role: a free-text reason, and for DECLINED a reason code. */
export type TransitionNeeds = 'nothing' | 'reason' | 'reason_and_code';

export interface CaseTransition {
  readonly from: CaseStatusValue;
  readonly to: CaseStatusValue;
  /** A reopen sends a finished case back to IN_REVIEW. */
  readonly kind: 'forward' | 'reopen';
  readonly roles: readonly StaffRole[];
  readonly needs: TransitionNeeds;
}

const ANY_CLINICAL: readonly StaffRole[] = ['INTAKE', 'CLINICIAN', 'SUPERVISOR'];
const CLINICAL_DECISION: readonly StaffRole[] = ['CLINICIAN', 'SUPERVISOR'];
const SUPERVISOR_ONLY: readonly StaffRole[] = ['SUPERVISOR'];

/**
 * Every allowed move. INTAKE starts the review and nothing else; CLINICIAN makes the clinical
 * decisions; SUPERVISOR makes every move, and is the only one who reopens. ADMIN has no clinical
 * rights (lib/auth/permissions.ts) and appears nowhere.
 */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { from: 'NEW', to: 'IN_REVIEW', kind: 'forward', roles: ANY_CLINICAL, needs: 'nothing' },
  { from: 'NEW', to: 'CLOSED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'reason' },
  { from: 'IN_REVIEW', to: 'REFERRED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'nothing' },
  { from: 'IN_REVIEW', to: 'DECLINED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'reason_and_code' },
  { from: 'IN_REVIEW', to: 'CLOSED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'reason' },
  { from: 'REFERRED', to: 'ADMITTED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'nothing' },
  { from: 'REFERRED', to: 'DECLINED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'reason_and_code' },
  { from: 'REFERRED', to: 'CLOSED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'reason' },
  { from: 'ADMITTED', to: 'CLOSED', kind: 'forward', roles: CLINICAL_DECISION, needs: 'reason' },
  { from: 'DECLINED', to: 'IN_REVIEW', kind: 'reopen', roles: SUPERVISOR_ONLY, needs: 'reason' },
  { from: 'CLOSED', to: 'IN_REVIEW', kind: 'reopen', roles: SUPERVISOR_ONLY, needs: 'reason' },
];

/** The move from `from` to `to`, whoever may make it (undefined: no such move exists). */
export function findTransition(from: CaseStatusValue, to: CaseStatusValue): CaseTransition | undefined {
  return CASE_TRANSITIONS.find((transition) => transition.from === from && transition.to === to);
}

/** Fails closed: an unknown role, or a move not in the table, is never allowed. */
export function canTransition(role: unknown, from: CaseStatusValue, to: CaseStatusValue): boolean {
  const transition = findTransition(from, to);
  return transition !== undefined && (transition.roles as readonly unknown[]).includes(role);
}

/** The moves this role may make from this status, in table order (what the case page offers). */
export function allowedTransitions(role: unknown, from: CaseStatusValue): readonly CaseTransition[] {
  return CASE_TRANSITIONS.filter(
    (transition) => transition.from === from && (transition.roles as readonly unknown[]).includes(role),
  );
}

/** The words for a move, e.g. "Reopen (back to In review)". */
export function transitionLabel(transition: CaseTransition, labels: Readonly<Record<CaseStatusValue, string>>): string {
  return transition.kind === 'reopen' ? `Reopen (back to ${labels[transition.to]})` : labels[transition.to];
}

export const STATUS_REASON_MIN = 5;
export const STATUS_REASON_MAX = 2000;

export type StatusChangeField = 'toStatus' | 'reason' | 'reasonCode';

export type StatusChangeCheck =
  | {
      readonly ok: true;
      readonly transition: CaseTransition;
      readonly reason: string | null;
      readonly reasonCode: DeclineReasonCode | null;
    }
  | { readonly ok: false; readonly refusal: 'no_such_move' | 'role'; readonly message: string }
  | {
      readonly ok: false;
      readonly refusal: 'missing';
      readonly message: string;
      readonly fieldErrors: Partial<Record<StatusChangeField, string[]>>;
    };

/**
 * Checks one requested move against the table: that it exists from the case's current status,
 * that the role may make it, and that it carries what it needs. A reason given where none is
 * needed is kept (trimmed); a reason code is kept only for DECLINED.
 */
export function checkStatusChange(
  role: unknown,
  from: CaseStatusValue,
  request: { readonly to: CaseStatusValue; readonly reason: string; readonly reasonCode: string },
): StatusChangeCheck {
  const transition = findTransition(from, request.to);
  if (transition === undefined)
    return { ok: false, refusal: 'no_such_move', message: 'A case with this status cannot move to that status.' };
  if (!(transition.roles as readonly unknown[]).includes(role))
    return { ok: false, refusal: 'role', message: 'Your role does not allow this status change. Nothing was changed.' };
  const reason = request.reason.trim();
  const fieldErrors: Partial<Record<StatusChangeField, string[]>> = {};
  if (transition.needs !== 'nothing' && reason.length < STATUS_REASON_MIN)
    fieldErrors.reason = [`Give a reason of at least ${STATUS_REASON_MIN} characters`];
  if (reason.length > STATUS_REASON_MAX) fieldErrors.reason = [`At most ${STATUS_REASON_MAX} characters`];
  const code = transition.needs === 'reason_and_code' ? request.reasonCode : '';
  if (transition.needs === 'reason_and_code' && !isDeclineReasonCode(code))
    fieldErrors.reasonCode = ['Choose why the case is declined'];
  if (Object.keys(fieldErrors).length > 0)
    return {
      ok: false,
      refusal: 'missing',
      message: 'The status was not changed. Check the fields marked below.',
      fieldErrors,
    };
  return {
    ok: true,
    transition,
    reason: reason === '' ? null : reason,
    reasonCode: isDeclineReasonCode(code) ? code : null,
  };
}
