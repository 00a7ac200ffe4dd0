// Overriding a recommendation: CLINICIAN and up, a reason of 10+ characters, confirmed; the
// computed levels stay, every override is kept as history, and a stale form changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { getCase } from '@/lib/cases/get-case';
import { overrideCase } from '@/lib/cases/override-case';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { OUTCOME_MESSAGES } from '@/lib/outcome';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

let db: PrismaClient;
let intakeStaff: { id: string; role: 'INTAKE' };
let clinician: { id: string; role: 'CLINICIAN' };
let supervisor: { id: string; role: 'SUPERVISOR' };
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  intakeStaff = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
  clinician = {
    id: (await createTestStaff(db, { role: 'CLINICIAN', displayName: 'Dr. Rosa Okafor' })).id,
    role: 'CLINICIAN',
  };
  supervisor = {
    id: (await createTestStaff(db, { role: 'SUPERVISOR', displayName: 'Sam Supervisor' })).id,
    role: 'SUPERVISOR',
  };
});
afterAll(async () => {
  await db.$disconnect();
});

async function newCase(): Promise<string> {
  const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, { db, today: TEST_TODAY });
  if (!created.ok) throw new Error('case not created');
  // Need-to-know: the clinician overriding it must be able to open it (lib/cases/access.ts).
  await db.case.update({ where: { id: created.caseId }, data: { assignedToId: clinician.id } });
  return created.caseId;
}

const REASON =
  'Patient has stable housing and strong support; outpatient taper with daily check-ins agreed with prescriber.';

describe('overrideCase', () => {
  it('sets the final level, keeps the computed one, records who, when and why, and audits it', async () => {
    const caseId = await newCase();
    const result = await overrideCase(
      clinician,
      { caseId, expectedVersion: 0, level: '2.1', wm: '2-WM', reason: `  ${REASON}  `, confirmed: true },
      { db },
    );
    expect(result).toEqual({ ok: true, version: 1, level: '2.1', wm: '2-WM' });

    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({
      computedLevel: '3.7',
      computedWm: '3.7-WM',
      finalLevel: '2.1',
      finalWm: '2-WM',
      version: 1,
    });
    expect((row.recommendation as { treatmentLevel: string }).treatmentLevel).toBe('3.7');

    const view = await getCase(intakeStaff, caseId, { db });
    if (!view.ok) throw new Error('not found');
    expect(view.case.overrides).toEqual([
      expect.objectContaining({
        byName: 'Dr. Rosa Okafor',
        previousLevel: '3.7',
        previousWm: '3.7-WM',
        level: '2.1',
        wm: '2-WM',
        reason: REASON,
      }),
    ]);
    expect(Date.now() - (view.case.overrides[0]?.at.getTime() ?? 0)).toBeLessThan(60_000);

    const audit = await db.auditEvent.findMany({
      where: { entityId: caseId, action: 'case.override' },
      select: { outcome: true, actorId: true, detail: true },
    });
    expect(audit).toEqual([{ outcome: 'SUCCESS', actorId: clinician.id, detail: { version: 1 } }]);
  });

  it('may change only the WM level, and keeps every override in the history, newest first', async () => {
    const caseId = await newCase();
    const first = await overrideCase(
      clinician,
      { caseId, expectedVersion: 0, level: '', wm: '2-WM', reason: REASON, confirmed: true },
      { db },
    );
    expect(first).toMatchObject({ ok: true, level: '3.7', wm: '2-WM' });
    const second = await overrideCase(
      supervisor,
      {
        caseId,
        expectedVersion: 1,
        level: '3.5',
        wm: '',
        reason: 'Re-assessed after call with family: residential needed.',
        confirmed: true,
      },
      { db },
    );
    expect(second).toMatchObject({ ok: true, version: 2, level: '3.5', wm: '2-WM' });

    const view = await getCase(clinician, caseId, { db });
    if (!view.ok) throw new Error('not found');
    expect(
      view.case.overrides.map((entry) => [entry.byName, entry.previousLevel, entry.previousWm, entry.level, entry.wm]),
    ).toEqual([
      ['Sam Supervisor', '3.7', '2-WM', '3.5', '2-WM'],
      ['Dr. Rosa Okafor', '3.7', '3.7-WM', '3.7', '2-WM'],
    ]);
    expect(view.case).toMatchObject({ computedLevel: '3.7', computedWm: '3.7-WM', finalLevel: '3.5', finalWm: '2-WM' });
  });

  it('requires a reason of at least 10 characters and a confirmation, naming each field', async () => {
    const caseId = await newCase();
    const result = await overrideCase(
      clinician,
      { caseId, expectedVersion: 0, level: '2.1', wm: '', reason: ' too short ', confirmed: false },
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        reason: ['Give the reason for the override in at least 10 characters'],
        confirmed: ['Tick the box to confirm that you are overriding the recommendation'],
      },
    });
    const missing = await overrideCase(clinician, { caseId, expectedVersion: 0, level: '9', confirmed: true }, { db });
    expect(missing).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        reason: ['Give the reason for the override'],
        level: [expect.stringMatching(/^Treatment level must be one of/)],
      },
    });
    expect(await db.caseOverride.count({ where: { caseId } })).toBe(0);
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ finalLevel: '3.7', version: 0 });
  });

  it('refuses a change to nothing', async () => {
    const caseId = await newCase();
    const result = await overrideCase(
      clinician,
      { caseId, expectedVersion: 0, level: '3.7', wm: '3.7-WM', reason: REASON, confirmed: true },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses INTAKE staff, records the denial and changes nothing', async () => {
    const caseId = await newCase();
    const result = await overrideCase(
      intakeStaff,
      { caseId, expectedVersion: 0, level: '1', wm: 'none', reason: REASON, confirmed: true },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      finalLevel: '3.7',
      finalWm: '3.7-WM',
      version: 0,
    });
    expect(await db.caseOverride.count({ where: { caseId } })).toBe(0);
    const denial = await db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, action: 'case.override' } });
    expect(denial).toMatchObject({ outcome: 'DENIED', actorId: intakeStaff.id });
  });

  it('refuses a form based on an older version of the case', async () => {
    const caseId = await newCase();
    expect(
      await overrideCase(
        clinician,
        { caseId, expectedVersion: 0, level: '2.5', wm: '', reason: REASON, confirmed: true },
        { db },
      ),
    ).toMatchObject({ ok: true });
    const stale = await overrideCase(
      supervisor,
      { caseId, expectedVersion: 0, level: '1', wm: 'none', reason: REASON, confirmed: true },
      { db },
    );
    expect(stale).toEqual({ ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ finalLevel: '2.5', version: 1 });
    expect(await db.caseOverride.count({ where: { caseId } })).toBe(1);
  });

  it('lets only one of two simultaneous overrides of the same version through', async () => {
    const caseId = await newCase();
    const results = await Promise.all([
      overrideCase(
        clinician,
        { caseId, expectedVersion: 0, level: '2.5', wm: '', reason: REASON, confirmed: true },
        { db },
      ),
      overrideCase(
        supervisor,
        { caseId, expectedVersion: 0, level: '1', wm: '', reason: REASON, confirmed: true },
        { db },
      ),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === 'conflict')).toHaveLength(1);
    expect(await db.caseOverride.count({ where: { caseId } })).toBe(1);
  });

  it('answers "not found" for an unknown case', async () => {
    const result = await overrideCase(
      clinician,
      {
        caseId: '00000000-0000-4000-8000-000000000001',
        expectedVersion: 0,
        level: '1',
        wm: '',
        reason: REASON,
        confirmed: true,
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
