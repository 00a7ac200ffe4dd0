// Need-to-know access (issue 9, items 2–3): INTAKE and CLINICIAN see, search and open only cases
// they created, are assigned to or are on the care team of; SUPERVISOR sees all; break the glass
// opens one case for the rest of one session and is audited; assignment and care-team changes are
// audited and refused when stale.
import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { caseAccessSql, caseAccessWhere, canOpenCase, type AccessActor } from '@/lib/cases/access';
import { breakTheGlass, listBreakGlassGrants } from '@/lib/cases/break-glass';
import { addCareTeamMember, assignCase, listMyCases, removeCareTeamMember } from '@/lib/cases/care-team';
import { createCase } from '@/lib/cases/create-case';
import { getCase } from '@/lib/cases/get-case';
import { listCasePage } from '@/lib/cases/list/query';
import { DEFAULT_LIST_STATE } from '@/lib/cases/list/params';
import { addCaseNote } from '@/lib/cases/notes';
import { overrideCase } from '@/lib/cases/override-case';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { OUTCOME_MESSAGES } from '@/lib/outcome';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

let db: PrismaClient;
type Role = 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR' | 'ADMIN';
const SESSION_1 = new Date('2026-12-02T08:00:00.000Z');
const SESSION_2 = new Date('2026-12-02T13:00:00.000Z');

/** A surname no other test file uses, so searches here see only these cases. */
const TAG = `Zq${randomBytes(3).toString('hex').replace(/[0-9]/g, 'x')}`;

async function staff(role: Role, sessionStartedAt: Date | null = SESSION_1): Promise<AccessActor> {
  return { id: (await createTestStaff(db, { role })).id, role, sessionStartedAt };
}

async function newCase(creator: AccessActor, firstName: string): Promise<string> {
  const created = await createCase(
    creator,
    { intake: klonopinDailyIntake({ firstName, lastName: TAG }) },
    { db, today: TEST_TODAY },
  );
  if (!created.ok) throw new Error('case not created');
  return created.caseId;
}

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

async function searchNames(actor: AccessActor): Promise<string[]> {
  const result = await listCasePage(actor, DEFAULT_LIST_STATE, TAG.toLowerCase(), { db });
  if (!result.ok) throw new Error('list refused');
  return result.list.rows.map((row) => row.patientName).sort();
}

async function listIds(actor: AccessActor): Promise<Set<string>> {
  const result = await listCasePage(actor, DEFAULT_LIST_STATE, '', { db, pageSize: 100 });
  if (!result.ok) throw new Error('list refused');
  return new Set(result.list.rows.map((row) => row.id));
}

/**
 * The Prisma condition (caseAccessWhere), the raw SQL fragment (caseAccessSql, which the list and
 * getCase use) and what getCase opens name the same cases of this file for each actor.
 */
async function expectAccessRulesAgree(actors: readonly AccessActor[]): Promise<void> {
  const tagged = (await db.case.findMany({ where: { patientLastName: TAG }, select: { id: true } })).map(
    (row) => row.id,
  );
  for (const actor of actors) {
    const viaPrisma = await db.case.findMany({
      where: { AND: [{ patientLastName: TAG }, caseAccessWhere(actor)] },
      select: { id: true },
    });
    const viaSql = await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT c."id" FROM "Case" c WHERE c."patientLastName" = ${TAG} AND ${caseAccessSql(actor, 'c')}`,
    );
    const expected = viaPrisma.map((row) => row.id).sort();
    expect(viaSql.map((row) => row.id).sort()).toEqual(expected);
    const opened: string[] = [];
    for (const id of tagged) if ((await getCase(actor, id, { db })).ok) opened.push(id);
    expect(opened.sort()).toEqual(expected);
  }
}

let intakeA: AccessActor;
let intakeB: AccessActor;
let clinician: AccessActor;
let supervisor: AccessActor;
let caseOfA: string;
let caseOfB: string;

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  intakeA = await staff('INTAKE');
  intakeB = await staff('INTAKE');
  clinician = await staff('CLINICIAN');
  supervisor = await staff('SUPERVISOR');
  caseOfA = await newCase(intakeA, 'Aurelie');
  caseOfB = await newCase(intakeB, 'Bernard');
});
afterAll(async () => {
  await db.$disconnect();
});

describe('who sees which case', () => {
  it('shows intake staff only their own cases in the list and in search — no other names', async () => {
    expect(await searchNames(intakeA)).toEqual([`${TAG}, Aurelie`]);
    expect(await searchNames(intakeB)).toEqual([`${TAG}, Bernard`]);
    const ids = await listIds(intakeA);
    expect(ids.has(caseOfA)).toBe(true);
    expect(ids.has(caseOfB)).toBe(false);
  });

  it('shows a clinician nothing they have no part in, and the count says so too', async () => {
    const result = await listCasePage(clinician, DEFAULT_LIST_STATE, TAG.toLowerCase(), { db });
    expect(result.ok && result.list).toMatchObject({ rows: [], total: 0 });
  });

  it('shows a supervisor every case', async () => {
    expect(await searchNames(supervisor)).toEqual([`${TAG}, Aurelie`, `${TAG}, Bernard`]);
  });

  it('shows an administrator (no clinical rights) nothing, even through the access condition', async () => {
    const admin = await staff('ADMIN');
    expect(await db.case.count({ where: caseAccessWhere(admin) })).toBe(0);
    expect(await canOpenCase(admin, caseOfA, { db })).toBe(false);
  });

  it('refuses to open a case outside access exactly like a missing one, and audits it as denied', async () => {
    const refused = await getCase(intakeB, caseOfA, { db });
    const missing = await getCase(intakeB, '00000000-0000-4000-8000-000000000000', { db });
    expect(refused).toEqual(missing);
    expect(refused).toMatchObject({ ok: false, reason: 'not_found' });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: intakeB.id, action: 'case.view', entityId: caseOfA },
    });
    expect(event).toMatchObject({ outcome: 'DENIED', detail: { reason: 'need_to_know', role: 'INTAKE' } });
  });

  it('refuses notes and overrides on a case outside access, writing nothing', async () => {
    const note = await addCaseNote(intakeB, { caseId: caseOfA, body: 'Looked in on this one.' }, { db });
    expect(note).toMatchObject({ ok: false, reason: 'not_found' });
    const override = await overrideCase(
      clinician,
      {
        caseId: caseOfA,
        expectedVersion: await version(caseOfA),
        level: '2.1',
        wm: '2-WM',
        reason: 'Stable housing, strong support, outpatient taper agreed.',
        confirmed: true,
      },
      { db },
    );
    expect(override).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await db.caseNote.count({ where: { caseId: caseOfA } })).toBe(0);
    expect(await db.caseOverride.count({ where: { caseId: caseOfA } })).toBe(0);
  });

  it('agrees between the Prisma condition and the raw SQL fragment', async () => {
    await expectAccessRulesAgree([intakeA, intakeB, clinician, supervisor]);
  });
});

describe('assignment and care team', () => {
  it('gives the assignee the case in the list, search, My cases and on opening, and audits it', async () => {
    const result = await assignCase(
      supervisor,
      { caseId: caseOfB, assigneeId: clinician.id, expectedVersion: await version(caseOfB) },
      { db },
    );
    expect(result).toMatchObject({ ok: true });
    expect(await searchNames(clinician)).toEqual([`${TAG}, Bernard`]);
    await expectAccessRulesAgree([clinician]);
    expect((await getCase(clinician, caseOfB, { db })).ok).toBe(true);
    const mine = await listMyCases(clinician, { db });
    expect(mine.ok && mine.rows.map((row) => [row.id, row.assigned, row.careTeam])).toEqual([[caseOfB, true, false]]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'case.assign', entityId: caseOfB, actorId: supervisor.id },
    });
    expect(event).toMatchObject({ outcome: 'SUCCESS', detail: { assigneeId: clinician.id, previousAssigneeId: null } });
  });

  it('gives a care-team member access until they are removed, and audits both', async () => {
    const member = await staff('CLINICIAN');
    expect(await canOpenCase(member, caseOfA, { db })).toBe(false);
    const added = await addCareTeamMember(
      supervisor,
      { caseId: caseOfA, staffId: member.id, expectedVersion: await version(caseOfA) },
      { db },
    );
    expect(added).toMatchObject({ ok: true });
    expect(await searchNames(member)).toEqual([`${TAG}, Aurelie`]);
    await expectAccessRulesAgree([member, clinician, intakeA, intakeB]);
    const mine = await listMyCases(member, { db });
    expect(mine.ok && mine.rows.map((row) => [row.id, row.careTeam])).toEqual([[caseOfA, true]]);

    const removed = await removeCareTeamMember(
      supervisor,
      { caseId: caseOfA, staffId: member.id, expectedVersion: await version(caseOfA) },
      { db },
    );
    expect(removed).toMatchObject({ ok: true });
    expect(await canOpenCase(member, caseOfA, { db })).toBe(false);
    expect(await searchNames(member)).toEqual([]);
    const actions = await db.auditEvent.findMany({
      where: { entityId: caseOfA, action: { in: ['case.care_team_add', 'case.care_team_remove'] } },
      orderBy: { id: 'asc' },
      select: { action: true, detail: true },
    });
    expect(actions).toEqual([
      { action: 'case.care_team_add', detail: expect.objectContaining({ staffId: member.id }) },
      { action: 'case.care_team_remove', detail: expect.objectContaining({ staffId: member.id }) },
    ]);
  });

  it('keeps the list’s copy of the care team (Case.careTeamStaffIds) equal to CaseCareTeamMember', async () => {
    const [first, second] = [await staff('CLINICIAN'), await staff('CLINICIAN')];
    const copy = async () =>
      (await db.case.findUniqueOrThrow({ where: { id: caseOfB }, select: { careTeamStaffIds: true } }))
        .careTeamStaffIds;
    const team = async () =>
      (await db.caseCareTeamMember.findMany({ where: { caseId: caseOfB }, select: { staffId: true } }))
        .map((row) => row.staffId)
        .sort();
    const before = await team();
    await db.caseCareTeamMember.createMany({
      data: [first, second].map((member) => ({ caseId: caseOfB, staffId: member.id, addedById: supervisor.id })),
    });
    expect(await copy()).toEqual(await team());
    expect(await listIds(second)).toContain(caseOfB);
    // Moving a membership from one person to another moves the access with it.
    const third = await staff('CLINICIAN');
    await db.caseCareTeamMember.updateMany({
      where: { caseId: caseOfB, staffId: second.id },
      data: { staffId: third.id },
    });
    expect(await copy()).toEqual(await team());
    expect(await listIds(second)).not.toContain(caseOfB);
    expect(await listIds(third)).toContain(caseOfB);
    await db.caseCareTeamMember.deleteMany({ where: { caseId: caseOfB, staffId: { in: [first.id, third.id] } } });
    expect(await copy()).toEqual(before);
    for (const member of [first, third]) {
      expect(await listIds(member)).not.toContain(caseOfB);
      expect(await searchNames(member)).toEqual([]);
    }
    await expect(db.$executeRawUnsafe('TRUNCATE "CaseCareTeamMember" CASCADE')).rejects.toThrow();
  });

  it('lets only supervisors assign or change the care team, and records the refusal', async () => {
    for (const actor of [intakeA, clinician]) {
      const result = await assignCase(
        actor,
        { caseId: caseOfA, assigneeId: actor.id, expectedVersion: await version(caseOfA) },
        { db },
      );
      expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
    }
    expect(await db.auditEvent.count({ where: { action: 'case.assign', entityId: caseOfA, outcome: 'DENIED' } })).toBe(
      2,
    );
    expect((await db.case.findUniqueOrThrow({ where: { id: caseOfA } })).assignedToId).toBeNull();
  });

  it('of two supervisors assigning from the same read, saves one and refuses the other as stale', async () => {
    const caseId = await newCase(intakeA, 'Celestine');
    const otherSupervisor = await staff('SUPERVISOR');
    const first = await staff('CLINICIAN');
    const second = await staff('CLINICIAN');
    const read = await version(caseId);
    const results = await Promise.all([
      assignCase(supervisor, { caseId, assigneeId: first.id, expectedVersion: read }, { db }),
      assignCase(otherSupervisor, { caseId, assigneeId: second.id, expectedVersion: read }, { db }),
    ]);
    const saved = results.filter((result) => result.ok);
    const refused = results.filter((result) => !result.ok);
    expect(saved).toHaveLength(1);
    expect(refused).toEqual([{ ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged }]);
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.version).toBe(read + 1);
    const winner = results[0]?.ok ? first.id : second.id;
    expect(row.assignedToId).toBe(winner);
    expect(await db.auditEvent.count({ where: { action: 'case.assign', entityId: caseId, outcome: 'SUCCESS' } })).toBe(
      1,
    );
  });

  it('refuses a care-team change based on an older version, changing nothing', async () => {
    const caseId = await newCase(intakeA, 'Dorothee');
    const member = await staff('INTAKE');
    const stale = await version(caseId);
    await assignCase(supervisor, { caseId, assigneeId: clinician.id, expectedVersion: stale }, { db });
    const result = await addCareTeamMember(supervisor, { caseId, staffId: member.id, expectedVersion: stale }, { db });
    expect(result).toEqual({ ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged });
    expect(await db.caseCareTeamMember.count({ where: { caseId } })).toBe(0);
  });
});

describe('break the glass', () => {
  it('requires a reason of at least 10 characters, granting nothing without one', async () => {
    const result = await breakTheGlass(intakeB, { caseId: caseOfA, reason: 'need it' }, { db });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { reason: [expect.any(String)] } });
    expect(await db.breakGlassGrant.count({ where: { staffId: intakeB.id } })).toBe(0);
  });

  it('opens the case for the rest of that session only, and audits it without the free text', async () => {
    const reason = 'Patient called the crisis line; on-call coordinator needs the last assessment.';
    const granted = await breakTheGlass(intakeB, { caseId: caseOfA, reason }, { db });
    expect(granted).toMatchObject({ ok: true });
    if (!granted.ok) return;

    // The same session: open, listed, found by search.
    expect((await getCase(intakeB, caseOfA, { db })).ok).toBe(true);
    expect(await searchNames(intakeB)).toEqual([`${TAG}, Aurelie`, `${TAG}, Bernard`]);
    // A later session of the same person, or no session: refused again.
    const nextSession = { ...intakeB, sessionStartedAt: SESSION_2 };
    expect(await getCase(nextSession, caseOfA, { db })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await searchNames(nextSession)).toEqual([`${TAG}, Bernard`]);
    await expectAccessRulesAgree([intakeB, nextSession, { ...intakeB, sessionStartedAt: null }]);
    expect(await canOpenCase({ ...intakeB, sessionStartedAt: null }, caseOfA, { db })).toBe(false);
    // Another person in the same session instant: refused.
    expect(await canOpenCase({ ...intakeA, id: clinician.id, role: 'CLINICIAN' }, caseOfA, { db })).toBe(false);

    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'case.break_glass', entityId: caseOfA, actorId: intakeB.id },
    });
    expect(event).toMatchObject({ outcome: 'SUCCESS', detail: { grantId: granted.grantId, role: 'INTAKE' } });
    expect(JSON.stringify(event.detail)).not.toContain('crisis');
    const grant = await db.breakGlassGrant.findUniqueOrThrow({ where: { id: granted.grantId } });
    expect(grant).toMatchObject({ caseId: caseOfA, staffId: intakeB.id, sessionStartedAt: SESSION_1, reason });
  });

  it('lists break-the-glass events with their reasons for supervisors only', async () => {
    const review = await listBreakGlassGrants(supervisor, { db });
    expect(
      review.ok && review.entries.some((entry) => entry.caseId === caseOfA && entry.reason.includes('crisis')),
    ).toBe(true);
    expect(await listBreakGlassGrants(clinician, { db })).toMatchObject({ ok: false, reason: 'forbidden' });
  });
});
