// Stored cases are read per version against a real PostgreSQL: a v1 case opens with its v1
// intake and v1 result (never re-scored by v2), a v2 case with v2's, and a recommendation whose
// codes are not those of its own rules version is reported, not shown.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { getCase } from '@/lib/cases/get-case';
import { describeRecommendation } from '@/lib/cases/recommendation-view';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isIntakeV2, makeIntakeV2Schema } from '@/lib/intake';
import { FLAG_TITLES, FLAG_TITLES_V2, recommendPlacementV1, recommendPlacementV2 } from '@/lib/placement';
import pregnantHeroin from '@/tests/fixtures/intakes/v2-pregnant-heroin-fentanyl-xanax.json';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

let db: PrismaClient;
let staff: { id: string; role: 'INTAKE' };
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  staff = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
});
afterAll(async () => {
  await db.$disconnect();
});

const options = () => ({ db, today: TEST_TODAY });
const v2Intake = () => makeIntakeV2Schema({ today: TEST_TODAY }).parse(pregnantHeroin);

async function created(intake: unknown): Promise<string> {
  const result = await createCase(staff, { intake }, options());
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return result.caseId;
}

describe('getCase reads each stored case with its own version', () => {
  it('a stored v1 case opens with its v1 intake and its v1 result and words', async () => {
    const intake = klonopinDailyIntake({ firstName: 'Vera', lastName: 'Version-One' });
    const caseId = await created(intake);
    const result = await getCase(staff, caseId, { db });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isIntakeV2(result.case.intake)).toBe(false);
    expect(result.case.intake).toEqual(intake);
    expect(result.case.rulesVersion).toBe('placement-v1');
    expect(result.case.recommendation).toEqual(JSON.parse(JSON.stringify(recommendPlacementV1(intake))));
    const view = describeRecommendation(result.case.recommendation);
    expect(view.rulesLabel).toMatch(/v1/);
    expect(view.emergency).toBeNull();
    expect(view.incomplete).toEqual([]);
    expect(view.levelChanges).toEqual([]);
    for (const flag of [...view.urgentFlags, ...view.otherFlags])
      expect(flag.title).toBe(FLAG_TITLES[flag.code as keyof typeof FLAG_TITLES]);
  });

  it('a stored v1 case keeps its stored v1 result even where v2 would score it differently', async () => {
    const intake = klonopinDailyIntake({ firstName: 'Otto', lastName: 'Stored' });
    const caseId = await created(intake);
    const stored = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { recommendation: true } });
    const result = await getCase(staff, caseId, { db });
    expect(result.ok && result.case.recommendation).toEqual(stored.recommendation);
  });

  it('a v2 case opens with its v2 intake and v2 result: flags, level changes in words', async () => {
    const intake = v2Intake();
    const caseId = await created(intake);
    const result = await getCase(staff, caseId, { db });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(isIntakeV2(result.case.intake)).toBe(true);
    expect(result.case.rulesVersion).toBe('placement-v2');
    const expected = recommendPlacementV2(intake);
    expect(result.case.recommendation).toEqual(JSON.parse(JSON.stringify(expected)));
    const view = describeRecommendation(result.case.recommendation);
    expect(view.rulesLabel).toBe('placement rules v2 (local policy, ASAM-informed)');
    const codes = [...view.urgentFlags, ...view.otherFlags].map((flag) => flag.code);
    expect(codes).toEqual(expect.arrayContaining(['OVERDOSE_RISK', 'MOUD_FIRST', 'PREGNANCY_PRIORITY']));
    for (const flag of [...view.urgentFlags, ...view.otherFlags])
      expect(flag.title).toBe(FLAG_TITLES_V2[flag.code as keyof typeof FLAG_TITLES_V2]);
    expect(view.levelChanges.length).toBe(expected.levelChanges.length);
    expect(view.levelChanges[0]).toMatch(/^\S+ because D\d = \d; with D\d = \d it would be \S+$/);
  });

  it('a stored recommendation with codes of another rules version is reported, not shown', async () => {
    const caseId = await created(klonopinDailyIntake({ firstName: 'Mixed', lastName: 'Codes' }));
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { recommendation: true } });
    const damaged = { ...(row.recommendation as Record<string, unknown>), flags: ['MOUD_FIRST'] };
    await db.case.update({ where: { id: caseId }, data: { recommendation: damaged } });
    const result = await getCase(staff, caseId, { db });
    expect(result.ok).toBe(false);
  });

  it('a v2 intake stored with a v1 recommendation is reported, not shown', async () => {
    const v2CaseId = await created(v2Intake());
    const v1CaseId = await created(klonopinDailyIntake({ firstName: 'Wrong', lastName: 'Rules' }));
    const v1Row = await db.case.findUniqueOrThrow({
      where: { id: v1CaseId },
      select: { recommendation: true, rulesVersion: true },
    });
    await db.case.update({
      where: { id: v2CaseId },
      data: { recommendation: v1Row.recommendation ?? {}, rulesVersion: v1Row.rulesVersion },
    });
    const result = await getCase(staff, v2CaseId, { db });
    expect(result.ok).toBe(false);
  });
});
