// The session re-check against PostgreSQL: next-auth's jwt callback (run on every session request)
// and the guards' resolveSession stop honouring a token after deactivation or a password reset,
// and at the idle and absolute limits.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import type { JWT } from 'next-auth/jwt';

import { authOptions } from '@/lib/auth/auth-options';
import { mayAuditAnonymousDenial, resolveSession } from '@/lib/auth/session';
import { DEFAULT_SESSION_CONFIG } from '@/lib/auth/session-rules';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { changeStaffRole, resetStaffPassword, setStaffActive } from '@/lib/staff/service';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

let db: PrismaClient;
beforeAll(() => {
  db = prismaFor(inject('databaseUrl'));
});
afterAll(async () => {
  await db.$disconnect();
});

const jwtCallback = authOptions.callbacks?.jwt;
if (!jwtCallback) throw new Error('authOptions has no jwt callback');

/** What next-auth does at sign-in: the jwt callback with the user authorize() returned. */
async function signIn(user: {
  id: string;
  email: string;
  displayName: string;
  role: 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR' | 'ADMIN';
  sessionVersion: number;
}): Promise<JWT> {
  return jwtCallback!({
    token: { sub: user.id, name: user.displayName, email: user.email },
    user: {
      id: user.id,
      name: user.displayName,
      email: user.email,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
    account: { providerAccountId: user.id, type: 'credentials', provider: 'credentials' },
    trigger: 'signIn',
  });
}

/** What next-auth does on GET /api/auth/session (the browser's activity heartbeat). */
async function refresh(token: JWT): Promise<JWT> {
  return jwtCallback!({ token, user: undefined as never, account: null });
}

const admin = { id: null, via: 'admin' } as const;

describe('session re-check (jwt callback)', () => {
  it('carries id, role, sessionVersion and the two timestamps', async () => {
    const user = await createTestStaff(db, { role: 'SUPERVISOR' });
    const before = Date.now();
    const token = await signIn(user);
    expect(token).toMatchObject({ sub: user.id, role: 'SUPERVISOR', sessionVersion: 0 });
    expect(typeof token.sid).toBe('string');
    expect(await db.authSession.findUnique({ where: { id: token.sid as string } })).toMatchObject({
      staffId: user.id,
      revokedAt: null,
    });
    expect(token.signedInAt).toBeGreaterThanOrEqual(before);
    expect(token.lastActivityAt).toBe(token.signedInAt);
  });

  it('keeps working while the user is active and moves lastActivityAt forward', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    const stale = { ...token, lastActivityAt: Date.now() - 60_000 };
    const refreshed = await refresh(stale);
    expect(refreshed.lastActivityAt).toBeGreaterThan(stale.lastActivityAt);
  });

  it('stops working on the next request after the user is deactivated', async () => {
    const user = await createTestStaff(db, { role: 'CLINICIAN' });
    const token = await signIn(user);
    await expect(refresh(token)).resolves.toMatchObject({ sub: user.id });
    expect((await setStaffActive(user.id, false, admin, {}, db)).ok).toBe(true);
    await expect(refresh(token)).rejects.toThrow(/session ended: revoked/);
    expect(await resolveSession(token, { db })).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('stays ended after reactivation: deactivation signed the old sessions out for good', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    await setStaffActive(user.id, false, admin, {}, db);
    await setStaffActive(user.id, true, admin, {}, db);
    await expect(refresh(token)).rejects.toThrow(/revoked/);
  });

  it('stops working on the next request after a password reset', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    expect((await resetStaffPassword(user.id, 'a brand new passphrase', admin, {}, db)).ok).toBe(true);
    await expect(refresh(token)).rejects.toThrow(/revoked/);
  });

  it('follows a role change on the next request (the role comes from the database)', async () => {
    const user = await createTestStaff(db, { role: 'CLINICIAN' });
    const token = await signIn(user);
    await db.staffUser.update({ where: { id: user.id }, data: { role: 'INTAKE' } });
    const resolution = await resolveSession(token, { db });
    expect(resolution.ok && resolution.staff.role).toBe('INTAKE');
    expect((await refresh(token)).role).toBe('INTAKE');
  });

  it('ends after 15 minutes without activity and 12 hours after sign-in', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    const signedInAt = token.signedInAt as number;
    const config = DEFAULT_SESSION_CONFIG;
    expect((await resolveSession(token, { db, config, nowMs: signedInAt + 15 * 60_000 - 1 })).ok).toBe(true);
    expect(await resolveSession(token, { db, config, nowMs: signedInAt + 15 * 60_000 })).toMatchObject({
      ok: false,
      reason: 'idle',
    });
    const active = { ...token, lastActivityAt: signedInAt + 12 * 3_600_000 - 60_000 };
    expect(await resolveSession(active, { db, config, nowMs: signedInAt + 12 * 3_600_000 })).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    await expect(refresh({ ...token, lastActivityAt: Date.now() - 16 * 60_000 })).rejects.toThrow(
      /session ended: idle/,
    );
  });

  it('refuses a token copied before sign-out once the session is signed out', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    const copied = { ...token };
    expect((await resolveSession(copied, { db })).ok).toBe(true);
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await resolveSession(copied, { db })).toMatchObject({ ok: false, reason: 'revoked' });
    await expect(refresh(copied)).rejects.toThrow(/session ended: revoked/);
    const row = await db.authSession.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row).toMatchObject({ staffId: user.id, reason: 'signout' });
    expect(row.revokedAt).not.toBeNull();
  });

  it('signs out one browser only: another session of the same person keeps working', async () => {
    const user = await createTestStaff(db);
    const first = await signIn(user);
    const second = await signIn(user);
    expect(first.sid).not.toBe(second.sid);
    await authOptions.events!.signOut!({ token: first, session: null as never });
    expect((await resolveSession(second, { db })).ok).toBe(true);
  });

  it('refuses an unknown sid, and a sid used with another user id', async () => {
    const user = await createTestStaff(db);
    const other = await createTestStaff(db);
    const token = await signIn(user);
    expect(await resolveSession({ ...token, sid: 'made-up' }, { db })).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await resolveSession({ ...token, sub: other.id }, { db })).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('revokes every session of the person on password reset, role change and deactivation', async () => {
    for (const [change, reason] of [
      [(id: string) => resetStaffPassword(id, 'a brand new passphrase', admin, {}, db), 'password_reset'],
      [(id: string) => changeStaffRole(id, 'SUPERVISOR', admin, {}, db), 'role_change'],
      [(id: string) => setStaffActive(id, false, admin, {}, db), 'deactivated'],
    ] as const) {
      const user = await createTestStaff(db, { role: 'CLINICIAN' });
      const tokens = [await signIn(user), await signIn(user)];
      expect((await change(user.id)).ok).toBe(true);
      for (const token of tokens)
        expect(await resolveSession(token, { db })).toMatchObject({ ok: false, reason: 'revoked' });
      const rows = await db.authSession.findMany({ where: { staffId: user.id } });
      expect(rows.map((row) => row.reason)).toEqual([reason, reason]);
    }
  });

  it('moves the session lastSeenAt forward on the activity heartbeat', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    const sid = token.sid as string;
    await db.authSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(Date.now() - 60_000) } });
    const before = (await db.authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    await refresh(token);
    const after = (await db.authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });

  it('says whose session ended, for the audit log (issue 13 item 6)', async () => {
    const user = await createTestStaff(db);
    const token = await signIn(user);
    await setStaffActive(user.id, false, admin, {}, db);
    expect(await resolveSession(token, { db })).toEqual({ ok: false, reason: 'revoked', staffId: user.id });
    expect(await resolveSession({ ...token, lastActivityAt: 0 }, { db })).toEqual({
      ok: false,
      reason: 'idle',
      staffId: user.id,
    });
  });

  it('rate-limits anonymous denial events to AUDIT_ANONYMOUS_DENIALS_PER_MINUTE', async () => {
    process.env.AUDIT_ANONYMOUS_DENIALS_PER_MINUTE = '3';
    try {
      const now = new Date(Date.now() + 3_600_000); // a window of its own
      const answers = [];
      for (let i = 0; i < 5; i += 1) answers.push(await mayAuditAnonymousDenial(now, db));
      expect(answers).toEqual([true, true, true, false, false]);
      expect(await mayAuditAnonymousDenial(new Date(now.getTime() + 60_000), db)).toBe(true);
    } finally {
      delete process.env.AUDIT_ANONYMOUS_DENIALS_PER_MINUTE;
    }
  });

  it('treats a missing or foreign token as anonymous', async () => {
    expect(await resolveSession(null, { db })).toEqual({ ok: false, reason: 'anonymous' });
    expect(await resolveSession({ sub: 'x' }, { db })).toEqual({ ok: false, reason: 'anonymous' });
  });
});
