// No lost updates: updateCaseAtVersion writes a case only at the version the writer read. Two
// writers based on the same version — even when the second one's UPDATE waits on the first one's
// uncommitted row lock — end with exactly one change saved and the other refused.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { updateCaseAtVersion } from '@/lib/cases/case-version';
import { createCase } from '@/lib/cases/create-case';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { OUTCOME_MESSAGES } from '@/lib/outcome';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

let db: PrismaClient;
let actor: { id: string; role: 'INTAKE' };
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  actor = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
});
afterAll(async () => {
  await db.$disconnect();
});

async function newCase(): Promise<string> {
  const created = await createCase(actor, { intake: klonopinDailyIntake() }, { db, today: TEST_TODAY });
  if (!created.ok) throw new Error('case not created');
  return created.caseId;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('updateCaseAtVersion', () => {
  it('writes at the expected version and bumps it; refuses an older one and writes nothing', async () => {
    const caseId = await newCase();
    expect(await updateCaseAtVersion(db, caseId, 0, { finalLevel: '2.1' })).toEqual({ ok: true, version: 1 });
    expect(await updateCaseAtVersion(db, caseId, 0, { finalLevel: '1' })).toEqual({
      ok: false,
      reason: 'conflict',
      message: OUTCOME_MESSAGES.caseChanged,
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ finalLevel: '2.1', version: 1 });
  });

  it('lets one of two concurrent writers on the same version through, even when the second waits on the first', async () => {
    const caseId = await newCase();
    // Writer A takes the row lock and holds its transaction open; writer B's UPDATE waits for it,
    // then finds the version moved on and matches no row.
    const writerA = db.$transaction(async (tx) => {
      const written = await updateCaseAtVersion(tx, caseId, 0, { status: 'IN_REVIEW' });
      await sleep(300);
      return written;
    });
    await sleep(50);
    const writerB = db.$transaction(async (tx) =>
      updateCaseAtVersion(tx, caseId, 0, { finalLevel: '1', finalWm: 'none' }),
    );
    const [a, b] = await Promise.all([writerA, writerB]);
    expect(a).toEqual({ ok: true, version: 1 });
    expect(b).toEqual({ ok: false, reason: 'conflict', message: OUTCOME_MESSAGES.caseChanged });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      status: 'IN_REVIEW',
      finalLevel: '3.7',
      finalWm: '3.7-WM',
      version: 1,
    });
  });

  it('of many writers started together on the same version, exactly one wins', async () => {
    const caseId = await newCase();
    const levels = ['1', '2.1', '2.5', '3.1', '3.5'];
    const results = await Promise.all(
      levels.map((level) => db.$transaction(async (tx) => updateCaseAtVersion(tx, caseId, 0, { finalLevel: level }))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const winner = levels[results.findIndex((result) => result.ok)];
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      finalLevel: winner,
      version: 1,
    });
  });
});
