// `npm run db:seed` (scripts/lib/seed/seed-database.ts) on its own migrated database: every
// seeded case reads back as a valid v2 intake whose stored recommendation is exactly what the real
// rules give for it, its columns are what createCase would have written (search keys included),
// and a database holding a real case is refused unless forced.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { createCase } from '@/lib/cases/create-case';
import { searchKey } from '@/lib/cases/search-key';
import { canTransition, checkStatusChange } from '@/lib/cases/workflow/transitions';
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

  it('gives every case assessment 1 as createCase writes it, and a few cases a re-assessment', async () => {
    const cases = await db.case.findMany({ where: { synthetic: true } });
    const firsts = new Map(
      (await db.caseAssessment.findMany({ where: { sequence: 1 } })).map((row) => [row.caseId, row]),
    );
    for (const row of cases) {
      const assessment = firsts.get(row.id);
      expect(assessment, `case ${row.id} has no assessment 1`).toBeDefined();
      expect(assessment).toMatchObject({
        at: row.createdAt,
        byId: row.createdById,
        intake: row.intake,
        instrumentItems: row.instrumentItems,
        recommendation: row.recommendation,
        rulesVersion: row.rulesVersion,
        computedLevel: row.computedLevel,
        computedWm: row.computedWm,
        finalLevel: row.computedLevel,
        finalWm: row.computedWm,
        overrideReason: null,
        flags: row.flags,
      });
    }
    const later = await db.caseAssessment.findMany({ where: { sequence: { gt: 1 } }, include: { case: true } });
    expect(later.length).toBeGreaterThan(0);
    for (const assessment of later) {
      expect(assessment.sequence).toBe(2);
      expect(assessment.at.getTime()).toBeGreaterThanOrEqual(assessment.case.createdAt.getTime());
      expect(assessment.at.getTime()).toBeLessThanOrEqual(assessment.case.updatedAt.getTime());
      expect(assessment.recommendation).toEqual(assessment.case.recommendation);
    }
  });

  it('gives every case a status history from NEW to its status, each step a move the table allows its author', async () => {
    const roles = new Map((await db.staffUser.findMany()).map((member) => [member.id, member.role]));
    const cases = await db.case.findMany({
      where: { synthetic: true },
      select: { id: true, status: true, createdAt: true, updatedAt: true },
    });
    const history = new Map<string, Awaited<ReturnType<typeof db.caseStatusChange.findMany>>>();
    for (const change of await db.caseStatusChange.findMany({ orderBy: [{ caseId: 'asc' }, { at: 'asc' }] }))
      history.set(change.caseId, [...(history.get(change.caseId) ?? []), change]);
    const statuses = new Set<string>();
    for (const row of cases) {
      statuses.add(row.status);
      const steps = history.get(row.id) ?? [];
      if (row.status === 'NEW') {
        expect(steps).toEqual([]);
        continue;
      }
      expect(steps.length, `case ${row.id} (${row.status}) has no history`).toBeGreaterThan(0);
      expect(steps[0]!.fromStatus).toBe('NEW');
      expect(steps.at(-1)!.toStatus).toBe(row.status);
      let previous = row.createdAt.getTime();
      steps.forEach((step, i) => {
        if (i > 0) expect(step.fromStatus).toBe(steps[i - 1]!.toStatus);
        expect(
          canTransition(roles.get(step.byId), step.fromStatus, step.toStatus),
          `${step.fromStatus} → ${step.toStatus} by ${roles.get(step.byId)}`,
        ).toBe(true);
        const check = checkStatusChange(roles.get(step.byId), step.fromStatus, {
          to: step.toStatus,
          reason: step.reason ?? '',
          reasonCode: step.reasonCode ?? '',
        });
        expect(check.ok, `${step.fromStatus} → ${step.toStatus} lacks what it needs`).toBe(true);
        if (step.toStatus !== 'DECLINED') expect(step.reasonCode).toBeNull();
        expect(step.at.getTime()).toBeGreaterThanOrEqual(previous);
        previous = step.at.getTime();
      });
      expect(previous).toBeLessThanOrEqual(row.updatedAt.getTime());
    }
    expect([...statuses].sort()).toEqual(['ADMITTED', 'CLOSED', 'DECLINED', 'IN_REVIEW', 'NEW', 'REFERRED']);
  });

  it('puts clinicians on the care team of a share of the cases, added by the supervisor', async () => {
    const members = await db.caseCareTeamMember.findMany({ include: { staff: true, addedBy: true, case: true } });
    const teams = new Set(members.map((member) => member.caseId));
    expect(teams.size).toBeGreaterThan(COUNT * 0.1);
    expect(teams.size).toBeLessThan(COUNT * 0.6);
    for (const member of members) {
      expect(member.staff.role).toBe('CLINICIAN');
      expect(member.addedBy.role).toBe('SUPERVISOR');
      expect(member.case.status).not.toBe('NEW');
      expect(member.addedAt.getTime()).toBeGreaterThanOrEqual(member.case.createdAt.getTime());
    }
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
