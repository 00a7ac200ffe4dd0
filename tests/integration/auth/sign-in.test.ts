// Sign-in against a real PostgreSQL: lockout after 5 failures and unlock after the window (time
// passed in, no sleeping), the same answer for unknown emails, audit events for every outcome.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { authenticate } from '@/lib/auth/authenticate';
import { BoundedSemaphore, readSignInLimits, signInThrottleKey } from '@/lib/auth/sign-in-limits';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';
import { createTestStaff, TEST_PASSWORD, uniqueEmail } from '../support/staff';

let db: PrismaClient;
const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(() => {
  db = prismaFor(inject('databaseUrl'));
});
afterAll(async () => {
  await db.$disconnect();
});

// The per-account rules only: the address and global throttles (sign-in-flood.test.ts) set high.
const limits = { ...readSignInLimits({}), perIp: 100_000, global: 100_000 };
const gate = new BoundedSemaphore(4, 100);

async function attempt(email: string, password: string, now: Date) {
  return authenticate(
    { email, password },
    { db, now, limits, gate, context: { requestId: 'test-request', ip: '192.0.2.1', userAgent: 'vitest' } },
  );
}

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively on the email, and records it', async () => {
    const user = await createTestStaff(db, { role: 'CLINICIAN' });
    const result = await attempt(`  ${user.email.toUpperCase()} `, TEST_PASSWORD, T0);
    expect(result).toEqual({
      ok: true,
      staff: { id: user.id, email: user.email, displayName: user.displayName, role: 'CLINICIAN', sessionVersion: 0 },
    });

    const events = await db.auditEvent.findMany({ where: { actorId: user.id, action: 'auth.signin.success' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: 'SUCCESS',
      entityType: 'StaffUser',
      entityId: user.id,
      requestId: 'test-request',
      ip: '192.0.2.1',
      userAgent: 'vitest',
      detail: { role: 'CLINICIAN' },
    });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(T0);
  });

  it('refuses a wrong password with the generic error and records the failure', async () => {
    const user = await createTestStaff(db);
    expect(await attempt(user.email, 'not the password at all', T0)).toEqual({ ok: false, error: 'invalid' });
    const failure = await db.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: 'auth.signin.failure' },
    });
    expect(failure).toMatchObject({
      actorId: null,
      outcome: 'FAILURE',
      detail: { reason: 'wrong_password', failuresInWindow: 1 },
    });
  });

  it('refuses a deactivated account exactly like a wrong password, even with the right one', async () => {
    const user = await createTestStaff(db, { active: false });
    expect(await attempt(user.email, TEST_PASSWORD, T0)).toEqual({ ok: false, error: 'invalid' });
  });

  it('locks an email after 5 failures within 15 minutes, refuses even the right password, and unlocks after 15 minutes', async () => {
    const user = await createTestStaff(db);
    for (let minute = 0; minute < 4; minute += 1) {
      expect(await attempt(user.email, `wrong guess ${minute}`, at(minute))).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await attempt(user.email, 'wrong guess 5', at(10))).toEqual({ ok: false, error: 'locked' });
    expect(await db.signInThrottle.findUnique({ where: { email: signInThrottleKey(user.email) } })).toMatchObject({
      failures: 5,
      lockedUntil: at(25),
    });

    // Locked: the right password does not get in, and the attempt does not extend the lock.
    expect(await attempt(user.email, TEST_PASSWORD, at(11))).toEqual({ ok: false, error: 'locked' });
    expect(await attempt(user.email, TEST_PASSWORD, at(24.99))).toEqual({ ok: false, error: 'locked' });
    expect(await db.signInThrottle.findUnique({ where: { email: signInThrottleKey(user.email) } })).toMatchObject({
      lockedUntil: at(25),
    });

    // The lock has ended: the right password works and clears the counter.
    expect(await attempt(user.email, TEST_PASSWORD, at(25))).toMatchObject({ ok: true });
    expect(await db.signInThrottle.findUnique({ where: { email: signInThrottleKey(user.email) } })).toBeNull();

    const locked = await db.auditEvent.findMany({
      where: { entityId: user.id, action: 'auth.signin.locked' },
      orderBy: { id: 'asc' },
    });
    expect(locked.map((event) => (event.detail as { reason: string }).reason)).toEqual([
      'too_many_failures',
      'attempt_while_locked',
      'attempt_while_locked',
    ]);
  });

  it('forgets failures older than the 15-minute window', async () => {
    const user = await createTestStaff(db);
    for (let minute = 0; minute < 4; minute += 1) await attempt(user.email, 'wrong', at(minute));
    // 4 failures at minutes 0–3; the next one at minute 15 starts a new window instead of locking.
    expect(await attempt(user.email, 'wrong', at(15))).toEqual({ ok: false, error: 'invalid' });
    expect(await db.signInThrottle.findUnique({ where: { email: signInThrottleKey(user.email) } })).toMatchObject({
      failures: 1,
      lockedUntil: null,
    });
  });

  it('answers an unknown email exactly like a known one, including the lock, without storing the email', async () => {
    const unknown = uniqueEmail('nobody');
    const known = (await createTestStaff(db)).email;
    const answers = async (email: string) => {
      const results = [];
      for (let minute = 0; minute < 6; minute += 1)
        results.push(await attempt(email, 'wrong password here', at(minute)));
      return results;
    };
    const unknownAnswers = await answers(unknown);
    expect(unknownAnswers).toEqual(await answers(known));
    expect(unknownAnswers.map((result) => (result.ok ? 'ok' : result.error))).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'locked',
      'locked',
    ]);

    const unknownFailures = await db.auditEvent.findMany({
      where: { action: 'auth.signin.failure', detail: { path: ['reason'], equals: 'unknown_email' } },
    });
    expect(unknownFailures.length).toBeGreaterThanOrEqual(5);
    const mentioning = await db.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) FROM "AuditEvent" e WHERE row_to_json(e)::text ILIKE ${`%${unknown}%`}`;
    expect(mentioning[0]?.count).toBe(0n);
  });

  it('serialises parallel guesses on one email: no more than 5 are checked before the lock', async () => {
    const user = await createTestStaff(db);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(user.email, `parallel guess ${i}`, T0)),
    );
    expect(results.filter((result) => !result.ok && result.error === 'invalid')).toHaveLength(4);
    expect(results.filter((result) => !result.ok && result.error === 'locked')).toHaveLength(8);
    const checked = await db.auditEvent.count({ where: { entityId: user.id, action: 'auth.signin.failure' } });
    expect(checked).toBe(5);
  });

  it('refuses empty input without counting it', async () => {
    expect(await attempt('', TEST_PASSWORD, T0)).toEqual({ ok: false, error: 'invalid' });
    const user = await createTestStaff(db);
    expect(await attempt(user.email, '', T0)).toEqual({ ok: false, error: 'invalid' });
    expect(await db.signInThrottle.findUnique({ where: { email: signInThrottleKey(user.email) } })).toBeNull();
  });
});
