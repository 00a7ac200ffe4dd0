// The BSeR referral status moves as a table: every (from, to) pair is either allowed or refused,
// and declined / cancelled need a reason.
import { describe, expect, it } from 'vitest';

import { REFERRAL_STATUSES, type ReferralStatus } from '@/lib/referrals/export-source';
import { allowedNextStatuses, checkTransition, REFERRAL_TRANSITIONS } from '@/lib/referrals/transitions';

const ALLOWED: ReadonlyArray<readonly [ReferralStatus, ReferralStatus]> = [
  ['created', 'sent'],
  ['created', 'cancelled'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'cancelled'],
  ['accepted', 'scheduled'],
  ['accepted', 'declined'],
  ['accepted', 'cancelled'],
  ['scheduled', 'completed'],
  ['scheduled', 'no-show'],
  ['scheduled', 'cancelled'],
  ['no-show', 'scheduled'],
  ['no-show', 'cancelled'],
];
const key = (from: string, to: string) => `${from}→${to}`;
const allowedKeys = new Set(ALLOWED.map(([from, to]) => key(from, to)));

describe('referral transitions', () => {
  const pairs = REFERRAL_STATUSES.flatMap((from) => REFERRAL_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s is allowed exactly when the BSeR table says so', (from, to) => {
    const result = checkTransition(from, to, 'patient chose another program');
    expect(result.ok).toBe(allowedKeys.has(key(from, to)));
    if (!result.ok) expect(result.field).toBe('status');
  });

  it.each(['declined', 'completed', 'cancelled'] as const)('%s is terminal', (status) => {
    expect(allowedNextStatuses(status)).toEqual([]);
  });

  it('lists the same moves as the table above', () => {
    const listed = Object.entries(REFERRAL_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => key(from, to)));
    expect(new Set(listed)).toEqual(allowedKeys);
  });

  it.each([
    ['sent', 'declined'],
    ['created', 'cancelled'],
  ] as const)('%s → %s needs a reason', (from, to) => {
    expect(checkTransition(from, to, '   ')).toEqual({
      ok: false,
      field: 'reason',
      message: `Give the reason the referral was ${to}`,
    });
    expect(checkTransition(from, to, ' no bed ')).toEqual({ ok: true, reason: 'no bed' });
  });

  it('keeps no empty reason for a move that does not need one', () => {
    expect(checkTransition('created', 'sent', '')).toEqual({ ok: true, reason: null });
  });

  it('refuses an unknown status naming the status field', () => {
    expect(checkTransition('created', 'admitted', '')).toMatchObject({ ok: false, field: 'status' });
  });
});
