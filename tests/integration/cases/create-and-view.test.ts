// Creating and viewing cases against a real PostgreSQL: the stored recommendation is always the
// server's, every create and view leaves an audit event, and bad input names its fields.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase, submitIntakeForm } from '@/lib/cases/create-case';
import { saveDraft } from '@/lib/cases/drafts';
import { getCase } from '@/lib/cases/get-case';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { PHQ9 } from '@/lib/instruments';
import { recommendPlacement } from '@/lib/placement';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake, klonopinDailyV2Intake, klonopinDailyValues } from './case-fixtures';

let db: PrismaClient;
let intakeStaff: { id: string; role: 'INTAKE' };
let admin: { id: string; role: 'ADMIN' };
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  intakeStaff = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
  admin = { id: (await createTestStaff(db, { role: 'ADMIN' })).id, role: 'ADMIN' };
});
afterAll(async () => {
  await db.$disconnect();
});

const options = () => ({ db, today: TEST_TODAY });

async function auditFor(entityId: string) {
  return db.auditEvent.findMany({
    where: { entityId },
    orderBy: { id: 'asc' },
    select: { action: true, outcome: true, actorId: true, detail: true },
  });
}

describe('submitIntakeForm / createCase', () => {
  it('stores the intake with the recommendation computed on the server, and ignores one sent by the client', async () => {
    const tampered = {
      values: klonopinDailyValues({ firstName: 'Dana', lastName: 'Núñez-Ortiz', mrn: 'MRN-7781' }),
      draftId: null,
      recommendation: { rulesVersion: 'placement-v1', treatmentLevel: '0.5', withdrawalManagement: 'none', flags: [] },
      treatmentLevel: '0.5',
    };
    const result = await submitIntakeForm(intakeStaff, tampered, options());
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const row = await db.case.findUniqueOrThrow({ where: { id: result.caseId } });
    // The form builds v2 intakes (assessed on TEST_TODAY here), placed by the v2 rules.
    const expected = recommendPlacement(
      klonopinDailyV2Intake({ firstName: 'Dana', lastName: 'Núñez-Ortiz', mrn: 'MRN-7781' }),
    );
    expect(row.intake).toMatchObject({ intakeVersion: 2, assessedOn: TEST_TODAY });
    expect(row.recommendation).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(row).toMatchObject({
      createdById: intakeStaff.id,
      status: 'NEW',
      rulesVersion: 'placement-v2',
      computedLevel: '3.7',
      computedWm: '3.7-WM',
      finalLevel: '3.7',
      finalWm: '3.7-WM',
      patientFirstName: 'Dana',
      patientLastName: 'Núñez-Ortiz',
      patientMrn: 'MRN-7781',
      patientFirstNameKey: 'dana',
      patientLastNameKey: 'nunezortiz',
      patientMrnKey: 'mrn7781',
      version: 0,
      instrumentItems: null,
    });
    expect(row.flags).toEqual([...expected.flags]);
    expect(row.flags).toContain('NO_ABRUPT_STOP');
    expect(row.patientDateOfBirth.toISOString().slice(0, 10)).toBe('1990-09-15');
    expect(Date.now() - row.createdAt.getTime()).toBeLessThan(60_000);
    expect(row.intake).not.toHaveProperty('recommendation');

    expect(await auditFor(row.id)).toEqual([
      {
        action: 'case.create',
        outcome: 'SUCCESS',
        actorId: intakeStaff.id,
        detail: { rulesVersion: 'placement-v2', fromDraft: false },
      },
    ]);
  });

  it('refuses an intake that carries its own recommendation, naming the field', async () => {
    const intake = { ...klonopinDailyIntake(), recommendation: { treatmentLevel: '0.5' } };
    const before = await db.case.count();
    const result = await createCase(intakeStaff, { intake }, options());
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.issues).toContainEqual(
      expect.objectContaining({
        path: 'recommendation',
        message: '"recommendation" is not a field of the intake; remove it or check its spelling',
      }),
    );
    expect(await db.case.count()).toBe(before);
  });

  it('returns every problem with its field path and section, and writes nothing', async () => {
    const values = klonopinDailyValues();
    const before = await db.case.count();
    const result = await submitIntakeForm(
      intakeStaff,
      {
        values: { ...values, patient: { ...values.patient, dateOfBirth: '2030-01-01', sex: 'female', pregnancy: '' } },
        draftId: null,
      },
      options(),
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'Some answers are missing or break a rule. Nothing was saved.',
    });
    expect(!result.ok && result.issues).toEqual(
      expect.arrayContaining([
        {
          path: 'patient.dateOfBirth',
          message: 'Date of birth cannot be in the future (today is 2025-06-01)',
          section: 'patient',
        },
        { path: 'patient.pregnancy', message: 'Pregnancy is required', section: 'patient' },
      ]),
    );
    expect(await db.case.count()).toBe(before);
  });

  it('names an answer over its length limit and its limit, and writes nothing', async () => {
    const values = klonopinDailyValues();
    const before = await db.case.count();
    const result = await submitIntakeForm(
      intakeStaff,
      { values: { ...values, patient: { ...values.patient, firstName: 'J'.repeat(101) } }, draftId: null },
      options(),
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.issues).toEqual([
      { path: 'patient.firstName', message: 'First name must be at most 100 characters', section: 'patient' },
    ]);
    expect(await db.case.count()).toBe(before);
  });

  it('refuses form values of the wrong shape without a crash', async () => {
    const result = await submitIntakeForm(intakeStaff, { values: { patient: 'x' }, draftId: null }, options());
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('keeps item-by-item answers and refuses items that do not add up to the total', async () => {
    const values = klonopinDailyValues();
    const phq9Items = Object.fromEntries(PHQ9.items.map((item) => [item.id, 1]));
    const ok = await submitIntakeForm(
      intakeStaff,
      {
        values: { ...values, mentalHealth: { ...values.mentalHealth, phq9: { status: 'assessed', items: phq9Items } } },
        draftId: null,
      },
      options(),
    );
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const row = await db.case.findUniqueOrThrow({ where: { id: ok.caseId } });
    expect(row.instrumentItems).toEqual({ phq9: phq9Items });
    expect(row.flags).toContain('SAFETY_ASSESSMENT');

    const intake = klonopinDailyIntake();
    const mismatch = await createCase(
      intakeStaff,
      {
        intake: { ...intake, mentalHealth: { ...intake.mentalHealth, phq9: 4, phq9Item9: 1 } },
        instrumentItems: { phq9: phq9Items },
      },
      options(),
    );
    expect(mismatch).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('deletes the draft it came from in the same transaction, but only the author’s own', async () => {
    const other = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' as const };
    const mine = await saveDraft(
      intakeStaff,
      { draftId: null, expectedVersion: null, values: klonopinDailyValues(), section: 'review' },
      { db },
    );
    const theirs = await saveDraft(
      other,
      { draftId: null, expectedVersion: null, values: klonopinDailyValues(), section: 'review' },
      { db },
    );
    if (!mine.ok || !theirs.ok) throw new Error('drafts not saved');

    const fromMine = await submitIntakeForm(
      intakeStaff,
      { values: klonopinDailyValues(), draftId: mine.draftId },
      options(),
    );
    expect(fromMine.ok).toBe(true);
    expect(await db.intakeDraft.findUnique({ where: { id: mine.draftId } })).toBeNull();
    expect(await auditFor(mine.draftId)).toContainEqual(
      expect.objectContaining({ action: 'draft.delete', outcome: 'SUCCESS' }),
    );

    const fromTheirs = await submitIntakeForm(
      intakeStaff,
      { values: klonopinDailyValues(), draftId: theirs.draftId },
      options(),
    );
    expect(fromTheirs.ok).toBe(true);
    expect(await db.intakeDraft.findUnique({ where: { id: theirs.draftId } })).not.toBeNull();
  });

  it('refuses a role without case:create and records the denial', async () => {
    const before = await db.case.count();
    const result = await submitIntakeForm(admin, { values: klonopinDailyValues(), draftId: null }, options());
    expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await db.case.count()).toBe(before);
    const denial = await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.id }, orderBy: { id: 'desc' } });
    expect(denial).toMatchObject({ action: 'case.create', outcome: 'DENIED' });
  });
});

describe('getCase', () => {
  it('returns the case with its recommendation and records case.view each time', async () => {
    const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, options());
    if (!created.ok) throw new Error('not created');
    const first = await getCase(intakeStaff, created.caseId, { db });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.case).toMatchObject({
      id: created.caseId,
      status: 'NEW',
      computedLevel: '3.7',
      finalLevel: '3.7',
      overrides: [],
      notes: [],
      createdByName: 'Test Person',
    });
    expect(first.case.recommendation.flags).toContain('NO_ABRUPT_STOP');
    expect(first.case.intake.patient.lastName).toBe('Lee');
    await getCase(intakeStaff, created.caseId, { db });
    const views = (await auditFor(created.caseId)).filter((event) => event.action === 'case.view');
    expect(views).toEqual([
      { action: 'case.view', outcome: 'SUCCESS', actorId: intakeStaff.id, detail: null },
      { action: 'case.view', outcome: 'SUCCESS', actorId: intakeStaff.id, detail: null },
    ]);
  });

  it('answers "not found" for a malformed or unknown id, and refuses a role without case:read', async () => {
    expect(await getCase(intakeStaff, 'not-a-uuid', { db })).toMatchObject({ ok: false, reason: 'not_found' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await getCase(intakeStaff, unknown, { db })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await auditFor(unknown)).toContainEqual(
      expect.objectContaining({ action: 'case.view', outcome: 'FAILURE' }),
    );

    const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, options());
    if (!created.ok) throw new Error('not created');
    expect(await getCase(admin, created.caseId, { db })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await auditFor(created.caseId)).toContainEqual({
      action: 'case.view',
      outcome: 'DENIED',
      actorId: admin.id,
      detail: { role: 'ADMIN' },
    });
  });

  it('still reads a case whose patient has since passed the age limit of 120', async () => {
    // Valid on the day it was stored (age 120 on 2025-06-01); 121 or more by the time it is read.
    const created = await createCase(
      intakeStaff,
      { intake: klonopinDailyIntake({ dateOfBirth: '1905-05-01' }) },
      options(),
    );
    if (!created.ok) throw new Error(`not created: ${JSON.stringify(created)}`);
    await db.case.update({ where: { id: created.caseId }, data: { createdAt: new Date(`${TEST_TODAY}T12:00:00Z`) } });
    const read = await getCase(intakeStaff, created.caseId, { db });
    expect(read).toMatchObject({ ok: true });
  });

  it('reports a damaged stored case instead of showing it half-broken', async () => {
    const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, options());
    if (!created.ok) throw new Error('not created');
    await db.case.update({ where: { id: created.caseId }, data: { intake: { patient: { firstName: 'x' } } } });
    expect(await getCase(intakeStaff, created.caseId, { db })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await auditFor(created.caseId)).toContainEqual({
      action: 'case.view',
      outcome: 'FAILURE',
      actorId: intakeStaff.id,
      detail: { reason: 'stored_data_unreadable' },
    });
  });
});
