// Issue 13 item 7: a password an administrator sets must be changed at the next sign-in, and the
// person is told who set it and when. The session carries "must change" (so the guards send them
// to /signin/password and refuse every other action); changing it checks the given password, the
// policy and the confirmation, clears the flag, and is audited.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import type { JWT } from 'next-auth/jwt';

import { authOptions } from '@/lib/auth/auth-options';
import { verifyPassword } from '@/lib/auth/password-hash';
import { resolveSession } from '@/lib/auth/session';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { changeOwnPassword, passwordResetNotice, resetStaffPassword } from '@/lib/staff/service';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

let db: PrismaClient;
beforeAll(() => {
  db = prismaFor(inject('databaseUrl'));
});
afterAll(async () => {
  await db.$disconnect();
});

const GIVEN = 'temporary passphrase from the admin';
const OWN = 'my own long passphrase for intake';

async function signIn(user: {
  id: string;
  email: string;
  displayName: string;
  role: 'CLINICIAN';
  sessionVersion: number;
}) {
  return authOptions.callbacks!.jwt!({
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
  }) as Promise<JWT>;
}

describe('a password set by an administrator', () => {
  it('must be changed: the session says so, the page names who reset it, and a change clears it', async () => {
    const administrator = await createTestStaff(db, { role: 'ADMIN', displayName: 'Ada Admin' });
    const person = await createTestStaff(db, { role: 'CLINICIAN', displayName: 'Cleo Clinician' });
    expect(await resetStaffPassword(person.id, GIVEN, { id: administrator.id, via: 'admin' }, {}, db)).toMatchObject({
      ok: true,
    });

    const after = await db.staffUser.findUniqueOrThrow({ where: { id: person.id } });
    const resolution = await resolveSession(await signIn({ ...after, role: 'CLINICIAN' }), { db });
    expect(resolution).toMatchObject({ ok: true, staff: { id: person.id, mustChangePassword: true } });
    const notice = await passwordResetNotice(person.id, db);
    expect(notice).toMatchObject({ mustChange: true, byName: 'Ada Admin' });
    expect(notice.at).toBeInstanceOf(Date);

    // The given password is checked, the new one must differ, meet the policy and be typed twice.
    expect(
      await changeOwnPassword(person.id, { currentPassword: 'wrong', newPassword: OWN, confirmPassword: OWN }, {}, db),
    ).toMatchObject({ ok: false, fieldErrors: { currentPassword: ['This is not your current password'] } });
    expect(
      await changeOwnPassword(
        person.id,
        { currentPassword: GIVEN, newPassword: GIVEN, confirmPassword: GIVEN },
        {},
        db,
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: expect.arrayContaining([expect.stringContaining('different')]) },
    });
    expect(
      await changeOwnPassword(
        person.id,
        { currentPassword: GIVEN, newPassword: 'short', confirmPassword: 'short' },
        {},
        db,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(Array) } });
    expect(
      await changeOwnPassword(
        person.id,
        { currentPassword: GIVEN, newPassword: OWN, confirmPassword: `${OWN}!` },
        {},
        db,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['The two new passwords are not the same'] } });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: person.id } })).mustChangePassword).toBe(true);

    expect(
      await changeOwnPassword(person.id, { currentPassword: GIVEN, newPassword: OWN, confirmPassword: OWN }, {}, db),
    ).toEqual({ ok: true });
    const changed = await db.staffUser.findUniqueOrThrow({ where: { id: person.id } });
    expect(changed.mustChangePassword).toBe(false);
    expect(await verifyPassword(changed.passwordHash, OWN)).toBe(true);
    // The same session goes on, no longer held back.
    const sameSession = await resolveSession(await signIn({ ...changed, role: 'CLINICIAN' }), { db });
    expect(sameSession.ok && sameSession.staff.mustChangePassword).toBeFalsy();
    expect(
      await db.auditEvent.count({
        where: { action: 'staff.password_change', entityId: person.id, outcome: 'SUCCESS' },
      }),
    ).toBe(1);
  });

  it('is not forced when people reset their own password', async () => {
    const person = await createTestStaff(db, { role: 'ADMIN' });
    await resetStaffPassword(person.id, GIVEN, { id: person.id, via: 'admin' }, {}, db);
    expect((await passwordResetNotice(person.id, db)).mustChange).toBe(false);
  });
});
