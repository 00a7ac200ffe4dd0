// Issue 13 item 10: integrity rules held by the database itself (migration
// *_integrity_checks_and_append_only): level vocabularies, versions, lengths, append-only notes
// and overrides — so a bug or a hand-written query cannot store what the app never would.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { NOTE_MAX, OVERRIDE_REASON_MAX, OVERRIDE_REASON_MIN } from '@/lib/cases/schemas';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { TREATMENT_LEVELS, WITHDRAWAL_MANAGEMENT_LEVELS } from '@/lib/placement';

import { TEST_TODAY, klonopinDailyIntake } from '../cases/case-fixtures';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

let db: PrismaClient;
// TRUNCATE: the app role has no TRUNCATE grant at all (docs/security.md); the trigger is what
// stops the owner role, which has every privilege.
let owner: PrismaClient;
let staffId: string;
let caseId: string;
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  owner = prismaFor(inject('ownerDatabaseUrl'));
  staffId = (await createTestStaff(db, { role: 'CLINICIAN' })).id;
  const created = await createCase(
    { id: staffId, role: 'CLINICIAN' },
    { intake: klonopinDailyIntake() },
    { db, today: TEST_TODAY },
  );
  if (!created.ok) throw new Error('case not created');
  caseId = created.caseId;
});
afterAll(async () => {
  await db.$disconnect();
  await owner.$disconnect();
});

const CHECK_VIOLATION = /violates check constraint|23514/;

async function aNote() {
  return db.caseNote.create({ data: { caseId, authorId: staffId, body: 'Called the patient back.' } });
}
async function anOverride() {
  return db.caseOverride.create({
    data: {
      caseId,
      byId: staffId,
      previousLevel: '3.7',
      previousWm: '3.7-WM',
      level: '2.1',
      wm: '2-WM',
      reason: 'Stable housing and daily check-ins agreed.',
    },
  });
}

describe('append-only notes and overrides', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of a case note (TRUNCATE: the app role by its grants, the owner by the trigger)', async () => {
    const note = await aNote();
    await expect(db.caseNote.update({ where: { id: note.id }, data: { body: 'rewritten' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`UPDATE "CaseNote" SET body = 'rewritten' WHERE id = ${note.id}::uuid`).rejects.toThrow(
      /CaseNote is append-only: UPDATE/,
    );
    await expect(db.$executeRaw`DELETE FROM "CaseNote" WHERE id = ${note.id}::uuid`).rejects.toThrow(
      /CaseNote is append-only: DELETE/,
    );
    await expect(db.$executeRawUnsafe('TRUNCATE "CaseNote"')).rejects.toThrow(/permission denied/);
    await expect(owner.$executeRawUnsafe('TRUNCATE "CaseNote"')).rejects.toThrow(/CaseNote is append-only: TRUNCATE/);
    expect(await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      body: 'Called the patient back.',
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of an override (TRUNCATE: the app role by its grants, the owner by the trigger)', async () => {
    const override = await anOverride();
    await expect(
      db.$executeRaw`UPDATE "CaseOverride" SET reason = 'a different reason' WHERE id = ${override.id}::uuid`,
    ).rejects.toThrow(/CaseOverride is append-only: UPDATE/);
    await expect(db.caseOverride.delete({ where: { id: override.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE "CaseOverride"')).rejects.toThrow(/permission denied/);
    await expect(owner.$executeRawUnsafe('TRUNCATE "CaseOverride"')).rejects.toThrow(
      /CaseOverride is append-only: TRUNCATE/,
    );
    expect(await db.caseOverride.findUniqueOrThrow({ where: { id: override.id } })).toMatchObject({ level: '2.1' });
  });
});

describe('CHECK constraints', () => {
  it('accept every level and WM code of the placement vocabulary, and nothing else', async () => {
    for (const level of TREATMENT_LEVELS)
      await db.$executeRaw`UPDATE "Case" SET "finalLevel" = ${level} WHERE id = ${caseId}::uuid`;
    for (const wm of WITHDRAWAL_MANAGEMENT_LEVELS)
      await db.$executeRaw`UPDATE "Case" SET "finalWm" = ${wm} WHERE id = ${caseId}::uuid`;

    for (const column of ['computedLevel', 'finalLevel'])
      await expect(
        db.$executeRawUnsafe(`UPDATE "Case" SET "${column}" = '5' WHERE id = $1::uuid`, caseId),
      ).rejects.toThrow(CHECK_VIOLATION);
    for (const column of ['computedWm', 'finalWm'])
      await expect(
        db.$executeRawUnsafe(`UPDATE "Case" SET "${column}" = '3.5-WM' WHERE id = $1::uuid`, caseId),
      ).rejects.toThrow(CHECK_VIOLATION);
    await expect(
      db.caseOverride.create({
        data: {
          caseId,
          byId: staffId,
          previousLevel: '3.7',
          previousWm: 'none',
          level: 'L3',
          wm: 'none',
          reason: 'x'.repeat(20),
        },
      }),
    ).rejects.toThrow(CHECK_VIOLATION);
    await expect(
      db.caseOverride.create({
        data: {
          caseId,
          byId: staffId,
          previousLevel: '3.7',
          previousWm: 'none',
          level: '1',
          wm: 'WM',
          reason: 'x'.repeat(20),
        },
      }),
    ).rejects.toThrow(CHECK_VIOLATION);
  });

  it('refuse a negative version', async () => {
    await expect(db.$executeRaw`UPDATE "Case" SET version = -1 WHERE id = ${caseId}::uuid`).rejects.toThrow(
      CHECK_VIOLATION,
    );
    await expect(db.intakeDraft.create({ data: { authorId: staffId, data: {}, version: -1 } })).rejects.toThrow(
      CHECK_VIOLATION,
    );
  });

  it('hold reasons and notes to the lengths the forms allow', async () => {
    const override = (reason: string) =>
      db.caseOverride.create({
        data: { caseId, byId: staffId, previousLevel: '3.7', previousWm: 'none', level: '1', wm: 'none', reason },
      });
    await expect(override(`  ${'x'.repeat(OVERRIDE_REASON_MIN - 1)}  `)).rejects.toThrow(CHECK_VIOLATION);
    await expect(override('x'.repeat(OVERRIDE_REASON_MAX + 1))).rejects.toThrow(CHECK_VIOLATION);
    await expect(override('x'.repeat(OVERRIDE_REASON_MAX))).resolves.toBeTruthy();

    const note = (body: string) => db.caseNote.create({ data: { caseId, authorId: staffId, body } });
    await expect(note('   ')).rejects.toThrow(CHECK_VIOLATION);
    await expect(note('x'.repeat(NOTE_MAX + 1))).rejects.toThrow(CHECK_VIOLATION);
    await expect(note('x'.repeat(NOTE_MAX))).resolves.toBeTruthy();
  });
});
