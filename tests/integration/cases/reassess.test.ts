// Re-assessment: a new assessment is appended (never overwriting an earlier one), becomes the
// case's current intake and recommendation by today's rules, is audited, and a stale form or the
// second of two concurrent re-assessments changes nothing. A v1 case re-assessed becomes v2 while
// its v1 assessment stays exactly as scored by the v1 rules.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { getCase } from '@/lib/cases/get-case';
import { overrideCase } from '@/lib/cases/override-case';
import { reassessCase } from '@/lib/cases/reassess-case';
import { getAssessmentHistory } from '@/lib/cases/reassess-history';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import { OUTCOME_MESSAGES } from '@/lib/outcome';
import { recommendPlacement, RULES_VERSION, RULES_VERSION_V2 } from '@/lib/placement';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { makeIntakeV2Schema } from '@/lib/intake';
import v2SevereAlcohol from '@/tests/fixtures/intakes/v2-alcohol-19-days-seizure-dt-history.json';

import { TEST_TODAY, klonopinDailyIntake, klonopinDailyValues } from './case-fixtures';

/** A different patient picture (severe alcohol withdrawal) as the v2 form's values. */
const severeAlcoholValues = () => intakeToFormValues(makeIntakeV2Schema({ today: TEST_TODAY }).parse(v2SevereAlcohol));

let db: PrismaClient;
let intakeStaff: { id: string; role: 'INTAKE' };
let clinician: { id: string; role: 'CLINICIAN' };
let admin: { id: string; role: 'ADMIN' };
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  intakeStaff = { id: (await createTestStaff(db, { role: 'INTAKE', displayName: 'Ivy Intake' })).id, role: 'INTAKE' };
  clinician = {
    id: (await createTestStaff(db, { role: 'CLINICIAN', displayName: 'Dr. Rosa Okafor' })).id,
    role: 'CLINICIAN',
  };
  admin = { id: (await createTestStaff(db, { role: 'ADMIN' })).id, role: 'ADMIN' };
});
afterAll(async () => {
  await db.$disconnect();
});

async function newV1Case(): Promise<string> {
  const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, { db, today: TEST_TODAY });
  if (!created.ok) throw new Error('case not created');
  // Need-to-know: the clinician re-assesses as a member of the case's care team.
  await db.caseCareTeamMember.create({
    data: { caseId: created.caseId, staffId: clinician.id, addedById: intakeStaff.id },
  });
  return created.caseId;
}

const reassess = (actor: { id: string; role: string }, caseId: string, expectedVersion: number, values: unknown) =>
  reassessCase(actor, { caseId, expectedVersion, values }, { db, today: TEST_TODAY });

describe('reassessCase', () => {
  it('a new case has its first assessment, current, as created', async () => {
    const caseId = await newV1Case();
    const history = await getAssessmentHistory(caseId, { db });
    expect(history.assessments).toEqual([
      expect.objectContaining({
        sequence: 1,
        byName: 'Ivy Intake',
        intakeVersion: 1,
        rulesVersion: RULES_VERSION,
        computedLevel: '3.7',
        finalLevel: '3.7',
        isCurrent: true,
      }),
    ]);
  });

  it('turns a v1 case into a v2 current assessment, keeping the v1 row as scored by v1 rules', async () => {
    const caseId = await newV1Case();
    const before = await db.caseAssessment.findFirstOrThrow({ where: { caseId, sequence: 1 } });
    // The page pre-fills the form from the current (v1) intake, upgraded to v2 form values; the
    // questions v2 added are answered here as staff would.
    const v2 = klonopinDailyValues();
    const prefilled = { ...intakeToFormValues(klonopinDailyIntake()), ...v2 };
    const result = await reassess(clinician, caseId, 0, prefilled);
    expect(result).toEqual({ ok: true, sequence: 2, version: 1 });

    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ rulesVersion: RULES_VERSION_V2, version: 1 });
    expect((row.intake as { intakeVersion?: number }).intakeVersion).toBe(2);

    const view = await getCase(clinician, caseId, { db });
    if (!view.ok) throw new Error('case unreadable');
    expect(view.case.rulesVersion).toBe(RULES_VERSION_V2);
    expect(view.case.recommendation.rulesVersion).toBe(RULES_VERSION_V2);

    const after = await db.caseAssessment.findFirstOrThrow({ where: { caseId, sequence: 1 } });
    expect(after).toEqual(before);
    expect(after.rulesVersion).toBe(RULES_VERSION);
    // Still exactly what the v1 rules make of the v1 intake: never re-scored.
    expect(after.recommendation).toEqual(JSON.parse(JSON.stringify(recommendPlacement(klonopinDailyIntake()))));

    const history = await getAssessmentHistory(caseId, { db });
    expect(
      history.assessments.map((entry) => [entry.sequence, entry.intakeVersion, entry.isCurrent, entry.byName]),
    ).toEqual([
      [2, 2, true, 'Dr. Rosa Okafor'],
      [1, 1, false, 'Ivy Intake'],
    ]);

    const audit = await db.auditEvent.findMany({ where: { entityId: caseId, action: 'case.reassess' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: clinician.id,
        outcome: 'SUCCESS',
        detail: { rulesVersion: RULES_VERSION_V2, sequence: 2, version: 1 },
      }),
    ]);
  });

  it('grows the history with each re-assessment, leaving the earlier rows unchanged, and lists overrides with them', async () => {
    const caseId = await newV1Case();
    await reassess(intakeStaff, caseId, 0, klonopinDailyValues());
    const override = await overrideCase(
      clinician,
      {
        caseId,
        expectedVersion: 1,
        level: '2.1',
        wm: '',
        reason: 'Stable housing and daily check-ins agreed with prescriber.',
        confirmed: true,
      },
      { db },
    );
    expect(override).toMatchObject({ ok: true, version: 2 });
    const snapshot = await db.caseAssessment.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });

    const third = await reassess(clinician, caseId, 2, severeAlcoholValues());
    expect(third).toEqual({ ok: true, sequence: 3, version: 3 });
    const rows = await db.caseAssessment.findMany({ where: { caseId }, orderBy: { sequence: 'asc' } });
    expect(rows).toHaveLength(3);
    expect(rows.slice(0, 2)).toEqual(snapshot);

    const history = await getAssessmentHistory(caseId, { db });
    expect(history.assessments.map((entry) => [entry.sequence, entry.isCurrent])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(history.levelOfCare.map((entry) => entry.kind)).toEqual([
      'assessment',
      'override',
      'assessment',
      'assessment',
    ]);
    expect(history.levelOfCare[1]).toMatchObject({
      kind: 'override',
      byName: 'Dr. Rosa Okafor',
      finalLevel: '2.1',
      reason: 'Stable housing and daily check-ins agreed with prescriber.',
    });
    // The new assessment's final levels are its computed ones; the case follows it.
    const current = rows[2];
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({
      computedLevel: current?.computedLevel,
      finalLevel: current?.computedLevel,
      finalWm: current?.computedWm,
      flags: current?.flags,
    });
  });

  it('refuses a stale form, and lets only one of two concurrent re-assessments through', async () => {
    const caseId = await newV1Case();
    await reassess(clinician, caseId, 0, klonopinDailyValues());
    expect(await reassess(clinician, caseId, 0, klonopinDailyValues())).toEqual({
      ok: false,
      reason: 'conflict',
      message: OUTCOME_MESSAGES.caseChanged,
    });
    const results = await Promise.all([
      reassess(clinician, caseId, 1, klonopinDailyValues()),
      reassess(intakeStaff, caseId, 1, severeAlcoholValues()),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged },
    ]);
    expect(await db.caseAssessment.count({ where: { caseId } })).toBe(3);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).toEqual({
      version: 2,
    });
  });

  it('refuses incomplete answers and roles without case:create, writing nothing', async () => {
    const caseId = await newV1Case();
    const values = klonopinDailyValues();
    const incomplete = await reassess(clinician, caseId, 0, {
      ...values,
      patient: { ...values.patient, firstName: '' },
    });
    expect(incomplete).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await reassess(admin, caseId, 0, values)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await db.caseAssessment.count({ where: { caseId } })).toBe(1);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).toEqual({
      version: 0,
    });
  });

  it('keeps assessments append-only in the database', async () => {
    const caseId = await newV1Case();
    await expect(db.caseAssessment.updateMany({ where: { caseId }, data: { finalLevel: '1' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.caseAssessment.deleteMany({ where: { caseId } })).rejects.toThrow(/append-only/);
  });
});
