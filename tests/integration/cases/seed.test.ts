// `npm run db:seed` (scripts/lib/seed/seed-database.ts) on its own migrated database: every
// seeded case reads back as a valid v2 intake whose stored recommendation is exactly what the real
// rules give for it, its columns are what createCase would have written (search keys included),
// and a database holding a real case is refused unless forced.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { createCase } from '@/lib/cases/create-case';
import { searchKey } from '@/lib/cases/search-key';
import { calendarDateOf } from '@/lib/format/date-time';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { makeIntakeV2Schema, type IntakeV2 } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

import { SEED_STAFF, SeedRefused, seedDatabase } from '../../../scripts/lib/seed/seed-database';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { createScratchDatabase, dropDatabase, runPrisma } from '../support/test-database';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

const COUNT = 300;
let db: PrismaClient;
let database: { name: string; url: string };

beforeAll(async () => {
  database = await createScratchDatabase('seed');
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(migrated.output);
  db = prismaFor(database.url);
  await seedDatabase(database.url, { cases: COUNT, batchSize: 120 });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  if (database) await dropDatabase(database.name);
});

describe('seedDatabase', () => {
  it('writes the requested number of synthetic cases, in batches, by the seeded staff', async () => {
    expect(await db.case.count({ where: { synthetic: true } })).toBe(COUNT);
    expect(await db.case.count({ where: { synthetic: false } })).toBe(0);
    const staff = await db.staffUser.findMany({ select: { id: true, email: true } });
    expect(staff.map((member) => member.email).sort()).toEqual(SEED_STAFF.map((member) => member.email).sort());
    const creators = await db.case.groupBy({ by: ['createdById'], _count: true });
    expect(creators.length).toBeGreaterThan(1);
  });

  it('stores valid v2 intakes whose recommendation is what the real rules give, with columns copied as createCase does', async () => {
    const today = calendarDateOf(new Date());
    const schema = makeIntakeV2Schema({ today });
    const rows = await db.case.findMany();
    for (const row of rows) {
      const parsed = schema.safeParse(row.intake);
      expect(parsed.success, `case ${row.id}: ${parsed.error?.message}`).toBe(true);
      const intake = parsed.data as IntakeV2;
      expect(intake.assessedOn).toBe(calendarDateOf(row.createdAt));
      const recommendation = recommendPlacement(intake);
      expect(row.recommendation).toEqual(JSON.parse(JSON.stringify(recommendation)));
      expect(row).toMatchObject({
        patientFirstName: intake.patient.firstName,
        patientLastName: intake.patient.lastName,
        patientMrn: intake.patient.mrn ?? null,
        patientFirstNameKey: searchKey(intake.patient.firstName),
        patientLastNameKey: searchKey(intake.patient.lastName),
        patientMrnKey: intake.patient.mrn === undefined ? null : searchKey(intake.patient.mrn),
        rulesVersion: recommendation.rulesVersion,
        computedLevel: recommendation.treatmentLevel,
        computedWm: recommendation.withdrawalManagement,
        finalWm: recommendation.withdrawalManagement,
        flags: [...recommendation.flags],
        instrumentItems: null,
        synthetic: true,
      });
      expect(row.patientDateOfBirth.toISOString().slice(0, 10)).toBe(intake.patient.dateOfBirth);
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
      expect(row.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('gives every overridden case its override row, and spreads cases over two years with names that need folding', async () => {
    const overridden = await db.case.findMany({
      where: { NOT: { finalLevel: { equals: db.case.fields.computedLevel } } },
      select: { id: true },
    });
    const overrides = await db.caseOverride.findMany({ select: { caseId: true } });
    expect(new Set(overrides.map((row) => row.caseId))).toEqual(new Set(overridden.map((row) => row.id)));
    const span = await db.case.aggregate({ _min: { createdAt: true }, _max: { createdAt: true } });
    expect(Date.now() - span._min.createdAt!.getTime()).toBeGreaterThan(300 * 86_400_000);
    const names = await db.case.findMany({ select: { patientLastName: true, patientLastNameKey: true } });
    expect(names.some((row) => row.patientLastName.toLowerCase() !== row.patientLastNameKey)).toBe(true);
    expect(await db.case.count({ where: { status: { not: 'NEW' }, assignedToId: { not: null } } })).toBeGreaterThan(0);
  });

  it('refuses a database that holds a case that is not synthetic, and adds to it with force', async () => {
    const author = await createTestStaff(db, { role: 'INTAKE' });
    const created = await createCase(
      { id: author.id, role: 'INTAKE' },
      { intake: klonopinDailyIntake({ firstName: 'Real', lastName: 'Person' }) },
      { db, today: TEST_TODAY },
    );
    expect(created.ok).toBe(true);
    await expect(seedDatabase(database.url, { cases: 10 })).rejects.toBeInstanceOf(SeedRefused);
    expect(await db.case.count()).toBe(COUNT + 1);
    await seedDatabase(database.url, { cases: 10, force: true });
    expect(await db.case.count({ where: { synthetic: true } })).toBe(COUNT + 10);
  }, 60_000);
});
