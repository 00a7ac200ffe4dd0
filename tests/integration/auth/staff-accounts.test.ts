// Account management against PostgreSQL: first-run setup works once (also under a race), the last
// active administrator cannot be removed, every change is audited.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import type { PrismaClient } from '@/lib/generated/prisma/client';
import { changeStaffRole, createFirstAdmin, createStaff, setStaffActive } from '@/lib/staff/service';

import { createScratchDatabase, dropDatabase, runPrisma } from '../support/test-database';
import { prismaFor } from '../support/prisma';
import { createTestStaff, uniqueEmail } from '../support/staff';

const PASSWORD = 'a long enough passphrase';

// A database of its own: setup needs it empty, and the last-administrator test changes every admin.
let scratch: { name: string; url: string };
let empty: PrismaClient;
beforeAll(async () => {
  scratch = await createScratchDatabase('staff');
  const migrate = runPrisma(['migrate', 'deploy'], { databaseUrl: scratch.url });
  if (migrate.status !== 0) throw new Error(migrate.output);
  empty = prismaFor(scratch.url);
});
afterAll(async () => {
  await empty?.$disconnect();
  if (scratch) await dropDatabase(scratch.name);
});

describe('first-run setup', () => {
  it('creates exactly one administrator when two first visitors submit at once, then refuses', async () => {
    const results = await Promise.all(
      ['first', 'second', 'third'].map((who) =>
        createFirstAdmin({ email: `${who}@clinic.test`, displayName: who, password: PASSWORD }, {}, empty),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === 'forbidden')).toHaveLength(2);
    const users = await empty.staffUser.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]?.role).toBe('ADMIN');

    const later = await createFirstAdmin(
      { email: 'later@clinic.test', displayName: 'Later', password: PASSWORD },
      {},
      empty,
    );
    expect(later).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: 'Setup has already been completed. Sign in instead.',
    });
    expect(await empty.auditEvent.count({ where: { action: 'auth.setup' } })).toBe(1);
    // A new install requires two-factor sign-in from the start.
    expect(await empty.systemSetting.findUnique({ where: { key: 'two_factor_required' } })).toMatchObject({
      value: true,
    });
  });

  it('applies the password policy to the first administrator too', async () => {
    const result = await createFirstAdmin(
      { email: 'shorty@clinic.test', displayName: 'Shorty', password: 'short' },
      {},
      empty,
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { password: ['Use at least 12 characters (this one has 5).'] },
    });
  });
});

describe('staff accounts', () => {
  let db: PrismaClient;
  beforeAll(() => {
    db = empty; // after the setup tests: one administrator exists
  });

  it('creates an account with a hashed password and audits it, refusing a duplicate email', async () => {
    const actor = await createTestStaff(db, { role: 'ADMIN' });
    const email = uniqueEmail('new');
    const created = await createStaff(
      { email, displayName: 'New Person', role: 'INTAKE', password: PASSWORD },
      { id: actor.id, via: 'admin' },
      {},
      db,
    );
    expect(created.ok).toBe(true);
    const user = await db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await db.auditEvent.findFirst({ where: { action: 'staff.create', entityId: user.id } })).toMatchObject({
      actorId: actor.id,
      detail: { role: 'INTAKE', via: 'admin' },
    });

    const again = await createStaff(
      { email, displayName: 'Again', role: 'INTAKE', password: PASSWORD },
      { id: actor.id, via: 'admin' },
      {},
      db,
    );
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: ['An account with this email already exists.'] } });
  });

  it('never deactivates or demotes the last active administrator, and no administrator changes their own role (issue 13 item 7)', async () => {
    // Make every other administrator inactive so `last` is the only active one.
    await db.staffUser.updateMany({ where: { role: 'ADMIN' }, data: { active: false } });
    const last = await createTestStaff(db, { role: 'ADMIN' });
    const self = { id: last.id, via: 'admin' } as const;

    expect(await setStaffActive(last.id, false, self, {}, db)).toMatchObject({
      ok: false,
      message: expect.stringContaining('last active administrator'),
    });
    const commandLine = { id: null, via: 'cli' } as const;
    expect(await changeStaffRole(last.id, 'SUPERVISOR', commandLine, {}, db)).toMatchObject({
      ok: false,
      fieldErrors: { role: [expect.stringContaining('last active administrator')] },
    });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      role: 'ADMIN',
      active: true,
    });

    // With a second active administrator, the first may be moved to another role — by the second.
    const second = await createTestStaff(db, { role: 'ADMIN' });
    expect(await changeStaffRole(last.id, 'SUPERVISOR', self, {}, db)).toMatchObject({
      ok: false,
      reason: 'forbidden',
      fieldErrors: { role: [expect.stringContaining('cannot change your own role')] },
    });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: last.id } })).role).toBe('ADMIN');
    const bySecond = { id: second.id, via: 'admin' } as const;
    expect(await changeStaffRole(last.id, 'SUPERVISOR', bySecond, {}, db)).toMatchObject({ ok: true });
    expect(await db.auditEvent.findFirst({ where: { action: 'staff.role_change', entityId: last.id } })).toMatchObject({
      actorId: second.id,
      detail: { from: 'ADMIN', to: 'SUPERVISOR', self: false },
    });

    // Two administrators deactivating each other at once: one of them must remain.
    const third = await createTestStaff(db, { role: 'ADMIN' });
    await Promise.all([
      setStaffActive(second.id, false, { id: third.id, via: 'admin' }, {}, db),
      setStaffActive(third.id, false, { id: second.id, via: 'admin' }, {}, db),
    ]);
    expect(await db.staffUser.count({ where: { role: 'ADMIN', active: true } })).toBe(1);
  });
});
