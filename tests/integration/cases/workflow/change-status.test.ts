// Status changes against the real database: allowed per role, refused and audited when the role may
// not, a reason (and for DECLINED a code) required, the history append-only, and a stale form —
// or the second of two concurrent writers — changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { changeCaseStatus } from '@/lib/cases/workflow/change-status';
import { getStatusHistory } from '@/lib/cases/workflow/status-history';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { OUTCOME_MESSAGES } from '@/lib/outcome';

import { prismaFor } from '../../support/prisma';
import { createTestStaff } from '../../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from '../case-fixtures';

type Actor = { id: string; role: 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR' | 'ADMIN' };
let db: PrismaClient;
let intakeStaff: Actor;
let clinician: Actor;
let supervisor: Actor;
let admin: Actor;

async function staff(role: Actor['role'], displayName: string): Promise<Actor> {
  return { id: (await createTestStaff(db, { role, displayName })).id, role };
}

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  intakeStaff = await staff('INTAKE', 'Ivy Intake');
  clinician = await staff('CLINICIAN', 'Dr. Rosa Okafor');
  supervisor = await staff('SUPERVISOR', 'Sam Supervisor');
  admin = await staff('ADMIN', 'Ada Admin');
});
afterAll(async () => {
  await db.$disconnect();
});

async function newCase(): Promise<string> {
  const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, { db, today: TEST_TODAY });
  if (!created.ok) throw new Error('case not created');
  // Need-to-know: the clinician works the case as a member of its care team.
  await db.caseCareTeamMember.create({
    data: { caseId: created.caseId, staffId: clinician.id, addedById: supervisor.id },
  });
  return created.caseId;
}

async function caseRow(caseId: string) {
  return db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true } });
}

async function auditFor(caseId: string) {
  return db.auditEvent.findMany({
    where: { entityId: caseId, action: 'case.status_change' },
    orderBy: { id: 'asc' },
    select: { actorId: true, outcome: true, detail: true },
  });
}

describe('changeCaseStatus', () => {
  it('moves NEW → IN_REVIEW → REFERRED → ADMITTED, recording who, when and why, audited with each', async () => {
    const caseId = await newCase();
    expect(await changeCaseStatus(intakeStaff, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db })).toEqual({
      ok: true,
      version: 1,
      from: 'NEW',
      to: 'IN_REVIEW',
    });
    expect(
      await changeCaseStatus(
        clinician,
        { caseId, expectedVersion: 1, toStatus: 'REFERRED', reason: 'Residential bed at Harbor House.' },
        { db },
      ),
    ).toMatchObject({ ok: true, version: 2 });
    expect(
      await changeCaseStatus(clinician, { caseId, expectedVersion: '2', toStatus: 'ADMITTED' }, { db }),
    ).toMatchObject({ ok: true, version: 3 });
    expect(await caseRow(caseId)).toEqual({ status: 'ADMITTED', version: 3 });

    const history = await getStatusHistory(caseId, { db });
    expect(history.map((entry) => [entry.from, entry.to, entry.byName, entry.reason])).toEqual([
      ['REFERRED', 'ADMITTED', 'Dr. Rosa Okafor', null],
      ['IN_REVIEW', 'REFERRED', 'Dr. Rosa Okafor', 'Residential bed at Harbor House.'],
      ['NEW', 'IN_REVIEW', 'Ivy Intake', null],
    ]);
    expect(Date.now() - (history[0]?.at.getTime() ?? 0)).toBeLessThan(60_000);

    const audit = await auditFor(caseId);
    expect(audit).toEqual([
      {
        actorId: intakeStaff.id,
        outcome: 'SUCCESS',
        detail: { from: 'NEW', to: 'IN_REVIEW', kind: 'forward', reasonCode: null, version: 1 },
      },
      expect.objectContaining({ actorId: clinician.id, detail: expect.objectContaining({ to: 'REFERRED' }) }),
      expect.objectContaining({ actorId: clinician.id, detail: expect.objectContaining({ to: 'ADMITTED' }) }),
    ]);
    // The reason can name the patient: it is never copied into the audit log.
    expect(JSON.stringify(audit)).not.toContain('Harbor House');
  });

  it('refuses a move the role may not make, audits it as DENIED and changes nothing', async () => {
    const caseId = await newCase();
    await changeCaseStatus(intakeStaff, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db });
    const refused = await changeCaseStatus(intakeStaff, { caseId, expectedVersion: 1, toStatus: 'REFERRED' }, { db });
    expect(refused).toMatchObject({ ok: false, reason: 'forbidden' });
    const byAdmin = await changeCaseStatus(admin, { caseId, expectedVersion: 1, toStatus: 'REFERRED' }, { db });
    expect(byAdmin).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await caseRow(caseId)).toEqual({ status: 'IN_REVIEW', version: 1 });
    expect((await auditFor(caseId)).map((event) => [event.actorId, event.outcome])).toEqual([
      [intakeStaff.id, 'SUCCESS'],
      [intakeStaff.id, 'DENIED'],
      [admin.id, 'DENIED'],
    ]);
    expect(await getStatusHistory(caseId, { db })).toHaveLength(1);
  });

  it('refuses a move that is not in the table from the current status', async () => {
    const caseId = await newCase();
    const result = await changeCaseStatus(supervisor, { caseId, expectedVersion: 0, toStatus: 'ADMITTED' }, { db });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { toStatus: [expect.any(String)] } });
    expect(await caseRow(caseId)).toEqual({ status: 'NEW', version: 0 });
  });

  it('requires a reason and a reason code to decline, and keeps both', async () => {
    const caseId = await newCase();
    await changeCaseStatus(clinician, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db });
    const bare = await changeCaseStatus(clinician, { caseId, expectedVersion: 1, toStatus: 'DECLINED' }, { db });
    expect(bare).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { reason: [expect.any(String)], reasonCode: [expect.any(String)] },
    });
    expect(await caseRow(caseId)).toEqual({ status: 'IN_REVIEW', version: 1 });

    const declined = await changeCaseStatus(
      clinician,
      {
        caseId,
        expectedVersion: 1,
        toStatus: 'DECLINED',
        reason: 'No detox bed within 50 miles.',
        reasonCode: 'NO_BED',
      },
      { db },
    );
    expect(declined).toMatchObject({ ok: true, to: 'DECLINED' });
    expect((await getStatusHistory(caseId, { db }))[0]).toMatchObject({
      from: 'IN_REVIEW',
      to: 'DECLINED',
      reason: 'No detox bed within 50 miles.',
      reasonCode: 'NO_BED',
    });
    expect((await auditFor(caseId)).at(-1)?.detail).toMatchObject({ reasonCode: 'NO_BED' });
  });

  it('lets only a supervisor reopen, with a reason', async () => {
    const caseId = await newCase();
    await changeCaseStatus(
      clinician,
      { caseId, expectedVersion: 0, toStatus: 'CLOSED', reason: 'Duplicate referral.' },
      { db },
    );
    expect(
      await changeCaseStatus(
        clinician,
        { caseId, expectedVersion: 1, toStatus: 'IN_REVIEW', reason: 'Came back.' },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      await changeCaseStatus(supervisor, { caseId, expectedVersion: 1, toStatus: 'IN_REVIEW' }, { db }),
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect(
      await changeCaseStatus(
        supervisor,
        { caseId, expectedVersion: 1, toStatus: 'IN_REVIEW', reason: 'Patient called back, wants treatment.' },
        { db },
      ),
    ).toMatchObject({ ok: true, from: 'CLOSED', to: 'IN_REVIEW' });
    expect((await auditFor(caseId)).at(-1)?.detail).toMatchObject({ kind: 'reopen' });
  });

  it('refuses a form based on an older version with the one stale-case message', async () => {
    const caseId = await newCase();
    await changeCaseStatus(clinician, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db });
    const stale = await changeCaseStatus(
      clinician,
      { caseId, expectedVersion: 0, toStatus: 'CLOSED', reason: 'Not needed.' },
      { db },
    );
    expect(stale).toEqual({ ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged });
    expect(await caseRow(caseId)).toEqual({ status: 'IN_REVIEW', version: 1 });
  });

  it('lets exactly one of two concurrent writers based on the same version win; the other overwrites nothing', async () => {
    const caseId = await newCase();
    await changeCaseStatus(clinician, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db });
    const results = await Promise.all([
      changeCaseStatus(clinician, { caseId, expectedVersion: 1, toStatus: 'REFERRED' }, { db }),
      changeCaseStatus(
        supervisor,
        {
          caseId,
          expectedVersion: 1,
          toStatus: 'DECLINED',
          reason: 'Patient declined treatment.',
          reasonCode: 'PATIENT_DECLINED',
        },
        { db },
      ),
    ]);
    const winners = results.filter((result) => result.ok);
    const losers = results.filter((result) => !result.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged }]);
    const winner = winners[0];
    if (!winner?.ok) throw new Error('no winner');
    expect(await caseRow(caseId)).toEqual({ status: winner.to, version: 2 });
    const history = await getStatusHistory(caseId, { db });
    expect(history.map((entry) => entry.to)).toEqual([winner.to, 'IN_REVIEW']);
    expect((await auditFor(caseId)).filter((event) => event.outcome === 'SUCCESS')).toHaveLength(2);
  });

  it('keeps the history append-only in the database', async () => {
    const caseId = await newCase();
    await changeCaseStatus(clinician, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db });
    await expect(db.caseStatusChange.updateMany({ where: { caseId }, data: { reason: 'edited' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.caseStatusChange.deleteMany({ where: { caseId } })).rejects.toThrow(/append-only/);
  });

  it('refuses, as not found and with nothing written, a clinician outside the case’s care team (need-to-know)', async () => {
    const caseId = await newCase();
    const outsider = await staff('CLINICIAN', 'Dr. Not On The Team');
    const result = await changeCaseStatus(outsider, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db });
    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
    expect((await caseRow(caseId))?.status).toBe('NEW');
  });
});
