// The duplicate check (issue 9 item 6): an intake's name + date of birth (case and accents do not
// count) or MRN finds the existing case; a case outside the person's access is only counted, never
// named or identified; every check is audited with counts only.
import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import type { AccessActor } from '@/lib/cases/access';
import { createCase } from '@/lib/cases/create-case';
import { findPossibleDuplicates, type DuplicateQuery } from '@/lib/cases/duplicates';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

let db: PrismaClient;
type Role = 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR' | 'ADMIN';

/** Names and an MRN no other test file uses. */
const TAG = randomBytes(3).toString('hex').replace(/[0-9]/g, 'q');
const LAST_NAME = `Núñez-Ø${TAG}`;
const FIRST_NAME = 'José';
const DOB = '1984-03-07';
const MRN = `MRN-${TAG}-1`;

async function staff(role: Role): Promise<AccessActor> {
  return { id: (await createTestStaff(db, { role })).id, role, sessionStartedAt: null };
}

let creator: AccessActor;
let other: AccessActor;
let supervisor: AccessActor;
let caseId: string;

function query(overrides: Partial<DuplicateQuery> = {}): DuplicateQuery {
  return { firstName: '', lastName: '', dateOfBirth: '', mrn: '', ...overrides };
}

async function check(actor: AccessActor, q: DuplicateQuery) {
  const result = await findPossibleDuplicates(actor, q, { db });
  if (!result.ok) throw new Error(`check refused: ${result.message}`);
  return result.duplicates;
}

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  creator = await staff('INTAKE');
  other = await staff('INTAKE');
  supervisor = await staff('SUPERVISOR');
  const created = await createCase(
    creator,
    { intake: klonopinDailyIntake({ firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: DOB, mrn: MRN }) },
    { db, today: TEST_TODAY },
  );
  if (!created.ok) throw new Error('case not created');
  caseId = created.caseId;
});

afterAll(async () => {
  await db.$disconnect();
});

describe('findPossibleDuplicates', () => {
  it('matches name + date of birth typed without accents and in another case', async () => {
    const found = await check(creator, query({ firstName: 'JOSE', lastName: `nunez o${TAG}`, dateOfBirth: DOB }));
    expect(found.hidden).toBe(0);
    expect(found.visible).toHaveLength(1);
    expect(found.visible[0]).toMatchObject({
      id: caseId,
      patientName: `${FIRST_NAME} ${LAST_NAME}`,
      dateOfBirth: DOB,
      mrn: MRN,
      status: 'NEW',
      matchedOn: 'name_and_dob',
    });
    expect(found.visible[0]?.intakeAt).toBeInstanceOf(Date);
  });

  it('does not match the same name with another date of birth', async () => {
    const found = await check(
      creator,
      query({ firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: '1984-03-08' }),
    );
    expect(found).toEqual({ visible: [], hidden: 0, checked: true });
  });

  it('matches the MRN exactly, however it is punctuated, and says when both match', async () => {
    const byMrn = await check(creator, query({ mrn: ` mrn ${TAG.toUpperCase()} 1 ` }));
    expect(byMrn.visible.map((row) => [row.id, row.matchedOn])).toEqual([[caseId, 'mrn']]);
    const both = await check(
      creator,
      query({ firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: DOB, mrn: MRN }),
    );
    expect(both.visible.map((row) => [row.id, row.matchedOn])).toEqual([[caseId, 'both']]);
    // An MRN prefix is not a match: only the whole MRN identifies a patient.
    expect((await check(creator, query({ mrn: `MRN-${TAG}` }))).visible).toEqual([]);
  });

  it('checks nothing while name + DOB and MRN are incomplete', async () => {
    const before = await db.auditEvent.count({ where: { actorId: creator.id, action: 'case.duplicate_check' } });
    const found = await check(
      creator,
      query({ firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: '1984-02-30' }),
    );
    expect(found).toEqual({ visible: [], hidden: 0, checked: false });
    expect(await db.auditEvent.count({ where: { actorId: creator.id, action: 'case.duplicate_check' } })).toBe(before);
  });

  it('shows a case outside the access only as a count: no id, no name, no MRN', async () => {
    const found = await check(other, query({ firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: DOB, mrn: MRN }));
    expect(found).toEqual({ visible: [], hidden: 1, checked: true });
    const serialised = JSON.stringify(found);
    expect(serialised).not.toContain(caseId);
    expect(serialised).not.toContain(TAG);
    // A supervisor may open every case, so sees it in full.
    const bySupervisor = await check(supervisor, query({ mrn: MRN }));
    expect(bySupervisor.visible.map((row) => row.id)).toEqual([caseId]);
    expect(bySupervisor.hidden).toBe(0);
  });

  it('records case.duplicate_check with counts only, never what was looked for', async () => {
    await check(other, query({ firstName: FIRST_NAME, lastName: LAST_NAME, dateOfBirth: DOB }));
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: other.id, action: 'case.duplicate_check' },
      orderBy: { id: 'desc' },
    });
    expect(event.outcome).toBe('SUCCESS');
    expect(event.entityId).toBeNull();
    expect(event.detail).toEqual({ byNameAndDob: true, byMrn: false, visibleCount: 0, hiddenCount: 1 });
    expect(JSON.stringify(event.detail)).not.toContain(TAG);
    expect(JSON.stringify(event.detail)).not.toContain(DOB);
  });

  it('refuses a role without case:create and leaves a DENIED trace', async () => {
    const admin = await staff('ADMIN');
    const result = await findPossibleDuplicates(admin, query({ mrn: MRN }), { db });
    expect(result.ok).toBe(false);
    const denied = await db.auditEvent.count({
      where: { actorId: admin.id, action: 'case.duplicate_check', outcome: 'DENIED' },
    });
    expect(denied).toBe(1);
  });
});
