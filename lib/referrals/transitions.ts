// The BSeR referral status moves (issue 11 item 2) as data, in one place. Pure.
import { REFERRAL_STATUSES, type ReferralStatus } from './export-source';

/** From each status, where a referral may go next. declined, completed and cancelled are terminal. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  created: ['sent', 'cancelled'],
  sent: ['accepted', 'declined', 'cancelled'],
  accepted: ['scheduled', 'declined', 'cancelled'],
  scheduled: ['completed', 'no-show', 'cancelled'],
  'no-show': ['scheduled', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

/** Statuses whose change must say why. */
export const REASON_REQUIRED: readonly ReferralStatus[] = ['declined', 'cancelled'];

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  created: 'Created',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  scheduled: 'Scheduled',
  'no-show': 'No-show',
  completed: 'Completed (admitted)',
  cancelled: 'Cancelled',
};

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return typeof value === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(value);
}

export function allowedNextStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return REFERRAL_TRANSITIONS[from];
}

export type TransitionCheck =
  | { readonly ok: true; readonly reason: string | null }
  | { readonly ok: false; readonly field: 'status' | 'reason'; readonly message: string };

/** Whether `from` → `to` is allowed, with the reason it needs (trimmed; null when not required). */
export function checkTransition(from: ReferralStatus, to: string, reason: string): TransitionCheck {
  if (!isReferralStatus(to)) return { ok: false, field: 'status', message: 'Choose a referral status' };
  if (!REFERRAL_TRANSITIONS[from].includes(to))
    return {
      ok: false,
      field: 'status',
      message: `A referral that is ${REFERRAL_STATUS_LABELS[from].toLowerCase()} cannot become ${REFERRAL_STATUS_LABELS[to].toLowerCase()}`,
    };
  const trimmed = reason.trim();
  if (REASON_REQUIRED.includes(to) && trimmed === '')
    return { ok: false, field: 'reason', message: `Give the reason the referral was ${to}` };
  if (trimmed.length > 2000) return { ok: false, field: 'reason', message: 'At most 2000 characters' };
  return { ok: true, reason: trimmed === '' ? null : trimmed };
}
