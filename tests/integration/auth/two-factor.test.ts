// Two-factor sign-in against a real PostgreSQL (issue 13 item 8): an enrolled account needs a code
// after the password, codes are not accepted twice, wrong codes count toward the lockout, recovery
// codes work once, and "two-factor required" holds an unenrolled member to the enrolment page.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.NEXTAUTH_SECRET ??= 'integration-two-factor-secret-0123456789';

import { authenticate } from '@/lib/auth/authenticate';
import { createAuthSession, resolveSession } from '@/lib/auth/session';
import { BoundedSemaphore, readSignInLimits, signInThrottleKey } from '@/lib/auth/sign-in-limits';
import { base32Decode, totpCodeAt, totpStep } from '@/lib/auth/two-factor';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import {
  confirmEnrolment,
  disableOwnTwoFactor,
  enrolmentView,
  resetTwoFactorFor,
  setTwoFactorRequired,
} from '@/lib/staff/two-factor';

import { prismaFor } from '../support/prisma';
import { createTestStaff, TEST_PASSWORD } from '../support/staff';

let db: PrismaClient;
const T0 = new Date('2026-03-02T10:00:10.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(() => {
  db = prismaFor(inject('databaseUrl'));
});
afterEach(async () => {
  await db.systemSetting.deleteMany({ where: { key: 'two_factor_required' } });
});
afterAll(async () => {
  await db.$disconnect();
});

const limits = { ...readSignInLimits({}), perIp: 100_000, global: 100_000 };
const gate = new BoundedSemaphore(4, 100);

async function attempt(email: string, code: string | undefined, now: Date, password = TEST_PASSWORD) {
  return authenticate(
    { email, password, ...(code === undefined ? {} : { code }) },
    { db, now, limits, gate, context: { requestId: 'test-2fa', ip: '192.0.2.8', userAgent: 'vitest' } },
  );
}

/** Enrols through the real service: the page's secret, confirmed with the code for T0. */
async function enrolledStaff() {
  const staff = await createTestStaff(db, { role: 'CLINICIAN' });
  const view = await enrolmentView(staff.id, db);
  if (view.enrolled) throw new Error('new staff should not be enrolled');
  const confirmed = await confirmEnrolment(staff.id, totpCodeAt(view.secret, totpStep(T0.getTime())), {}, T0, db);
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { staff, secret: view.secret, recoveryCodes: confirmed.recoveryCodes };
}

const codeAt = (secret: string, now: Date) => totpCodeAt(secret, totpStep(now.getTime()));

describe('enrolment', () => {
  it('shows a QR code and stores the secret only encrypted; confirming gives 10 hashed recovery codes', async () => {
    const staff = await createTestStaff(db);
    const view = await enrolmentView(staff.id, db);
    expect(view.enrolled).toBe(false);
    if (view.enrolled) return;
    expect(base32Decode(view.secret)).toHaveLength(20);
    expect(view.qrSvg).toMatch(/^<svg/);
    // A reload shows the same pending secret.
    const again = await enrolmentView(staff.id, db);
    expect(!again.enrolled && again.secret).toBe(view.secret);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpSecretEnc).toMatch(/^v1\./);
    expect(row.totpSecretEnc).not.toContain(view.secret);
    expect(row.totpEnrolledAt).toBeNull();

    const wrong = await confirmEnrolment(staff.id, '000000', {}, T0, db);
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringMatching(/6-digit/)] } });

    const confirmed = await confirmEnrolment(staff.id, codeAt(view.secret, T0), {}, T0, db);
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { staffId: staff.id } });
    expect(stored).toHaveLength(10);
    for (const code of confirmed.recoveryCodes) expect(stored.some((r) => r.codeHash.includes(code))).toBe(false);
    expect(await db.auditEvent.count({ where: { entityId: staff.id, action: 'auth.2fa_enrol' } })).toBe(1);
  });
});

describe('sign-in with two-factor', () => {
  it('asks for the code after the right password, without counting a failure, then signs in', async () => {
    const { staff, secret } = await enrolledStaff();
    expect(await attempt(staff.email, undefined, later(60))).toEqual({ ok: false, error: 'code_required' });
    expect(await db.signInThrottle.findUnique({ where: { email: signInThrottleKey(staff.email) } })).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: staff.id, action: 'auth.signin.success' } })).toBe(0);
    // A wrong password with a code is still just a wrong password.
    expect(await attempt(staff.email, codeAt(secret, later(60)), later(60), 'wrong password')).toEqual({
      ok: false,
      error: 'invalid',
    });
    const ok = await attempt(staff.email, codeAt(secret, later(60)), later(60));
    expect(ok.ok && ok.staff.id).toBe(staff.id);
  });

  it('refuses a code already used in its step (replay), and the enrolment code too', async () => {
    const { staff, secret } = await enrolledStaff();
    // The code used to confirm enrolment at T0 cannot sign in.
    expect(await attempt(staff.email, codeAt(secret, T0), later(5))).toEqual({ ok: false, error: 'code_invalid' });
    const code = codeAt(secret, later(40));
    expect((await attempt(staff.email, code, later(40))).ok).toBe(true);
    expect(await attempt(staff.email, code, later(45))).toEqual({ ok: false, error: 'code_invalid' });
    const failed = await db.auditEvent.findMany({ where: { entityId: staff.id, action: 'auth.2fa_failed' } });
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual(['replayed_code', 'replayed_code']);
  });

  it('counts wrong codes toward the per-account lockout: the fifth locks the account', async () => {
    const { staff, secret } = await enrolledStaff();
    for (let i = 0; i < 4; i += 1)
      expect(await attempt(staff.email, '123456', later(60 + i))).toEqual({ ok: false, error: 'code_invalid' });
    expect(await attempt(staff.email, '123456', later(65))).toEqual({ ok: false, error: 'locked' });
    // Locked: even the right code is refused now.
    expect(await attempt(staff.email, codeAt(secret, later(70)), later(70))).toEqual({ ok: false, error: 'locked' });
    expect(await db.auditEvent.count({ where: { entityId: staff.id, action: 'auth.2fa_failed' } })).toBe(5);
    expect(await db.auditEvent.count({ where: { entityId: staff.id, action: 'auth.signin.locked' } })).toBe(2);
  });

  it('accepts a recovery code once; the second use is refused', async () => {
    const { staff, recoveryCodes } = await enrolledStaff();
    const code = recoveryCodes[3]!;
    expect((await attempt(staff.email, code.toUpperCase(), later(60))).ok).toBe(true);
    expect(await attempt(staff.email, code, later(90))).toEqual({ ok: false, error: 'code_invalid' });
    expect(await db.recoveryCode.count({ where: { staffId: staff.id, usedAt: null } })).toBe(9);
  });

  it('asks nothing more of an account without two-factor', async () => {
    const staff = await createTestStaff(db);
    expect((await attempt(staff.email, undefined, later(60))).ok).toBe(true);
  });
});

describe('disable and administrator reset', () => {
  it('turns off with the password and a current code only', async () => {
    const { staff, secret } = await enrolledStaff();
    const now = later(120);
    expect(
      await disableOwnTwoFactor(staff.id, { password: 'nope', code: codeAt(secret, now) }, {}, now, db),
    ).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await disableOwnTwoFactor(staff.id, { password: TEST_PASSWORD, code: '000000' }, {}, now, db)).toMatchObject(
      {
        ok: false,
        fieldErrors: { code: [expect.any(String)] },
      },
    );
    expect(
      (await disableOwnTwoFactor(staff.id, { password: TEST_PASSWORD, code: codeAt(secret, now) }, {}, now, db)).ok,
    ).toBe(true);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect([row.totpSecretEnc, row.totpEnrolledAt]).toEqual([null, null]);
    expect(await db.recoveryCode.count({ where: { staffId: staff.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: staff.id, action: 'auth.2fa_disable' } })).toBe(1);
  });

  it('an administrator reset clears two-factor, ends the member’s sessions and is audited', async () => {
    const { staff } = await enrolledStaff();
    const admin = await createTestStaff(db, { role: 'ADMIN' });
    const sid = await createAuthSession(staff.id, db);
    expect((await resetTwoFactorFor(admin.id, staff.id, {}, db)).ok).toBe(true);
    const session = await db.authSession.findUniqueOrThrow({ where: { id: sid } });
    expect(session.revokedAt).not.toBeNull();
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpEnrolledAt).toBeNull();
    expect(row.sessionVersion).toBe(1);
    expect(
      await db.auditEvent.count({ where: { actorId: admin.id, entityId: staff.id, action: 'auth.2fa_reset' } }),
    ).toBe(1);
    expect((await resetTwoFactorFor(admin.id, admin.id, {}, db)).ok).toBe(false);
  });
});

describe('"two-factor required"', () => {
  async function sessionOf(staff: { id: string; role: 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR' | 'ADMIN' }) {
    const sid = await createAuthSession(staff.id, db);
    const now = Date.now();
    return resolveSession(
      { sub: staff.id, sid, role: staff.role, sessionVersion: 0, signedInAt: now, lastActivityAt: now },
      { db },
    );
  }

  it('marks an unenrolled member as having to enrol only while the setting is on', async () => {
    const staff = await createTestStaff(db);
    const off = await sessionOf(staff);
    expect(off.ok && off.staff.mustEnrolTwoFactor).toBeFalsy();
    await setTwoFactorRequired(true, null, {}, db);
    const on = await sessionOf(staff);
    expect(on.ok && on.staff.mustEnrolTwoFactor).toBe(true);
  });

  it('does not hold back an enrolled member', async () => {
    const { staff } = await enrolledStaff();
    await setTwoFactorRequired(true, null, {}, db);
    const on = await sessionOf(staff);
    expect(on.ok).toBe(true);
    expect(on.ok && on.staff.mustEnrolTwoFactor).toBeUndefined();
  });
});
