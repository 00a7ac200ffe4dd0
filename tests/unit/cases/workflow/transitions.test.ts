import { describe, expect, it } from 'vitest';

import { STAFF_ROLES, type StaffRole } from '@/lib/auth/permissions';
import { CASE_STATUSES, type CaseStatusValue } from '@/lib/cases/status';
import {
  allowedTransitions,
  canTransition,
  checkStatusChange,
  DECLINE_REASON_CODES,
  STATUS_REASON_MIN,
} from '@/lib/cases/workflow/transitions';

// The workflow written out longhand, per role, so a change to the table must be deliberate.
// Every (role, from, to) not listed here must be refused — the test walks all 4 × 6 × 6 of them.
const ALLOWED: Record<StaffRole, readonly string[]> = {
  INTAKE: ['NEW→IN_REVIEW'],
  CLINICIAN: [
    'NEW→IN_REVIEW',
    'NEW→CLOSED',
    'IN_REVIEW→REFERRED',
    'IN_REVIEW→DECLINED',
    'IN_REVIEW→CLOSED',
    'REFERRED→ADMITTED',
    'REFERRED→DECLINED',
    'REFERRED→CLOSED',
    'ADMITTED→CLOSED',
  ],
  SUPERVISOR: [
    'NEW→IN_REVIEW',
    'NEW→CLOSED',
    'IN_REVIEW→REFERRED',
    'IN_REVIEW→DECLINED',
    'IN_REVIEW→CLOSED',
    'REFERRED→ADMITTED',
    'REFERRED→DECLINED',
    'REFERRED→CLOSED',
    'ADMITTED→CLOSED',
    'DECLINED→IN_REVIEW',
    'CLOSED→IN_REVIEW',
  ],
  ADMIN: [],
};

/** What each move needs: none, a reason, or a reason and a decline code. */
const NEEDS: Record<string, 'nothing' | 'reason' | 'reason_and_code'> = {
  'NEW→IN_REVIEW': 'nothing',
  'NEW→CLOSED': 'reason',
  'IN_REVIEW→REFERRED': 'nothing',
  'IN_REVIEW→DECLINED': 'reason_and_code',
  'IN_REVIEW→CLOSED': 'reason',
  'REFERRED→ADMITTED': 'nothing',
  'REFERRED→DECLINED': 'reason_and_code',
  'REFERRED→CLOSED': 'reason',
  'ADMITTED→CLOSED': 'reason',
  'DECLINED→IN_REVIEW': 'reason',
  'CLOSED→IN_REVIEW': 'reason',
};

const EVERY_MOVE = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));
const GOOD_REASON = 'Patient moved out of the county.';

describe('the transition table, per role', () => {
  describe.each(STAFF_ROLES)('%s', (role) => {
    it.each(EVERY_MOVE)(`%s → %s is allowed exactly when listed`, (from, to) => {
      const listed = ALLOWED[role].includes(`${from}→${to}`);
      expect(canTransition(role, from, to)).toBe(listed);
      const check = checkStatusChange(role, from, { to, reason: GOOD_REASON, reasonCode: 'NO_BED' });
      expect(check.ok).toBe(listed);
    });

    it('offers exactly the listed moves from each status', () => {
      for (const from of CASE_STATUSES) {
        const offered = allowedTransitions(role, from).map((transition) => `${from}→${transition.to}`);
        expect(offered.sort()).toEqual(ALLOWED[role].filter((move) => move.startsWith(`${from}→`)).sort());
      }
    });
  });

  it('refuses unknown roles and a move to the same status', () => {
    for (const [from, to] of EVERY_MOVE) {
      expect(canTransition('OWNER', from, to)).toBe(false);
      expect(canTransition(undefined, from, to)).toBe(false);
    }
    for (const status of CASE_STATUSES) expect(canTransition('SUPERVISOR', status, status)).toBe(false);
  });

  it('tells a move that does not exist from one the role may not make', () => {
    expect(checkStatusChange('INTAKE', 'IN_REVIEW', { to: 'REFERRED', reason: '', reasonCode: '' })).toMatchObject({
      ok: false,
      refusal: 'role',
    });
    expect(checkStatusChange('SUPERVISOR', 'NEW', { to: 'ADMITTED', reason: '', reasonCode: '' })).toMatchObject({
      ok: false,
      refusal: 'no_such_move',
    });
  });
});

describe('what a move needs', () => {
  const supervisorMoves = Object.entries(NEEDS).map(([move, needs]) => {
    const [from, to] = move.split('→') as [CaseStatusValue, CaseStatusValue];
    return { move, from, to, needs };
  });

  it.each(supervisorMoves)('$move needs $needs', ({ from, to, needs }) => {
    const bare = checkStatusChange('SUPERVISOR', from, { to, reason: '', reasonCode: '' });
    expect(bare.ok).toBe(needs === 'nothing');
    if (needs === 'nothing') return;
    expect(bare).toMatchObject({ ok: false, refusal: 'missing', fieldErrors: { reason: [expect.any(String)] } });
    // Just below and at the minimum length (after trimming).
    const short = checkStatusChange('SUPERVISOR', from, {
      to,
      reason: `  ${'x'.repeat(STATUS_REASON_MIN - 1)}  `,
      reasonCode: 'OTHER',
    });
    expect(short.ok).toBe(false);
    const enough = checkStatusChange('SUPERVISOR', from, {
      to,
      reason: 'x'.repeat(STATUS_REASON_MIN),
      reasonCode: needs === 'reason_and_code' ? 'OTHER' : '',
    });
    expect(enough.ok).toBe(true);
    if (needs !== 'reason_and_code') return;
    const noCode = checkStatusChange('SUPERVISOR', from, { to, reason: GOOD_REASON, reasonCode: '' });
    expect(noCode).toMatchObject({ ok: false, fieldErrors: { reasonCode: [expect.any(String)] } });
    const badCode = checkStatusChange('SUPERVISOR', from, { to, reason: GOOD_REASON, reasonCode: 'BORED' });
    expect(badCode.ok).toBe(false);
  });

  it.each(DECLINE_REASON_CODES)('keeps the decline code %s, and only for DECLINED', (code) => {
    expect(
      checkStatusChange('CLINICIAN', 'REFERRED', { to: 'DECLINED', reason: GOOD_REASON, reasonCode: code }),
    ).toMatchObject({ ok: true, reasonCode: code, reason: GOOD_REASON });
    expect(
      checkStatusChange('CLINICIAN', 'REFERRED', { to: 'CLOSED', reason: GOOD_REASON, reasonCode: code }),
    ).toMatchObject({ ok: true, reasonCode: null });
  });

  it('keeps an optional reason, trimmed, and stores none as null', () => {
    expect(
      checkStatusChange('INTAKE', 'NEW', { to: 'IN_REVIEW', reason: '  Called back.  ', reasonCode: '' }),
    ).toMatchObject({ ok: true, reason: 'Called back.' });
    expect(checkStatusChange('INTAKE', 'NEW', { to: 'IN_REVIEW', reason: '   ', reasonCode: '' })).toMatchObject({
      ok: true,
      reason: null,
    });
  });
});
