// The case list on its own migrated database (so counts are exact): newest first, status filter,
// name/MRN prefix search, pagination, only the cells shown, and a case.list audit event that
// never holds the search words.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { createCase } from '@/lib/cases/create-case';
import { listCases } from '@/lib/cases/list-cases';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { createScratchDatabase, dropDatabase, runPrisma } from '../support/test-database';
import { TEST_TODAY, klonopinDailyIntake, severeAlcoholIntake } from './case-fixtures';

let db: PrismaClient;
let database: { name: string; url: string };
let staff: { id: string; role: 'INTAKE' };
const ids: string[] = []; // in creation order

beforeAll(async () => {
  database = await createScratchDatabase('caselist');
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(migrated.output);
  db = prismaFor(database.url);
  staff = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };

  const people = [
    { firstName: 'Jordan', lastName: 'Lee', mrn: 'MRN-1001' },
    { firstName: 'José', lastName: 'Núñez', mrn: 'A-2002' },
    { firstName: 'Leena', lastName: 'Okafor' },
    { firstName: 'Sam', lastName: 'Leeds', mrn: 'MRN-1003' },
    { firstName: 'Ana', lastName: "O'Brien" },
  ];
  for (let index = 0; index < 30; index += 1) {
    const person = people[index % people.length]!;
    // Every fifth intake has a seizure history and severe alcohol withdrawal: an emergency.
    const intake = index % 5 === 4 ? severeAlcoholIntake(person) : klonopinDailyIntake(person);
    const created = await createCase(staff, { intake }, { db, today: TEST_TODAY });
    if (!created.ok) throw new Error(created.message);
    ids.push(created.caseId);
  }
  await db.case.updateMany({ where: { id: { in: ids.slice(0, 4) } }, data: { status: 'CLOSED' } });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  if (database) await dropDatabase(database.name);
});

async function list(query: Parameters<typeof listCases>[1]) {
  const result = await listCases(staff, query, { db });
  if (!result.ok) throw new Error(result.message);
  return result.list;
}

describe('listCases', () => {
  it('lists newest first in pages of the requested size', async () => {
    const first = await list({ page: 1, pageSize: 12 });
    expect(first).toMatchObject({
      total: 30,
      totalIsAtLeast: false,
      page: 1,
      pageCount: 3,
      pageSize: 12,
      searched: false,
    });
    expect(first.rows.map((row) => row.id)).toEqual([...ids].reverse().slice(0, 12));
    const last = await list({ page: 3, pageSize: 12 });
    expect(last.rows.map((row) => row.id)).toEqual([...ids].reverse().slice(24));
    const beyond = await list({ page: 99, pageSize: 12 });
    expect(beyond.page).toBe(3);
  });

  it('sends only the cells the list shows', async () => {
    const { rows } = await list({ pageSize: 5 });
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'createdAt',
        'dateOfBirth',
        'finalLevel',
        'finalWm',
        'id',
        'mrn',
        'overridden',
        'patientName',
        'status',
        'urgentFlags',
      ].sort(),
    );
    const emergency = rows.find((row) => row.patientName === "O'Brien, Ana");
    expect(emergency?.urgentFlags).toEqual(['EMERGENCY_MEDICAL']);
    expect(rows.find((row) => row.patientName === 'Leeds, Sam')).toMatchObject({
      urgentFlags: [],
      finalLevel: '3.7',
      finalWm: '3.7-WM',
      overridden: false,
      mrn: 'MRN-1003',
    });
  });

  it('filters by status', async () => {
    const closed = await list({ status: 'CLOSED' });
    expect(closed.total).toBe(4);
    expect(closed.rows.map((row) => row.id)).toEqual(ids.slice(0, 4).reverse());
    expect((await list({ status: 'NEW' })).total).toBe(26);
    expect((await list({ status: 'ADMITTED' })).rows).toEqual([]);
  });

  it('searches by the start of a first name, last name or MRN, ignoring case, accents and punctuation', async () => {
    const byLast = await list({ search: 'lee' });
    expect(new Set(byLast.rows.map((row) => row.patientName))).toEqual(
      new Set(['Lee, Jordan', 'Leeds, Sam', 'Okafor, Leena']),
    );
    expect(byLast.searched).toBe(true);
    expect((await list({ search: 'LEEDS' })).total).toBe(6);
    expect((await list({ search: 'nunez' })).rows.every((row) => row.patientName === 'Núñez, José')).toBe(true);
    expect((await list({ search: 'José' })).total).toBe(6);
    expect((await list({ search: 'obrien' })).total).toBe(6);
    expect((await list({ search: 'mrn-100' })).total).toBe(12);
    expect((await list({ search: 'MRN 1001' })).total).toBe(0); // two words: "mrn" and "1001" must both match
    expect((await list({ search: 'a2002' })).total).toBe(6);
  });

  it('needs every word to match (first and last name together), and combines with the status filter', async () => {
    expect((await list({ search: 'Lee, Jordan' })).total).toBe(6);
    expect((await list({ search: 'jordan leeds' })).total).toBe(0);
    expect((await list({ search: 'lee', status: 'CLOSED' })).total).toBe(3); // the first four: Lee, Núñez, Okafor (Leena), Leeds
  });

  it('lists everything for a search of only punctuation, and shows an empty page for no match', async () => {
    expect(await list({ search: ' - ' })).toMatchObject({ total: 30, searched: false });
    expect(await list({ search: 'zzz' })).toMatchObject({ total: 0, rows: [], page: 1, pageCount: 1 });
  });

  it('records the list view with filters and counts, never the search words', async () => {
    await list({ search: 'Okafor', status: 'NEW', page: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'case.list' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({
      actorId: staff.id,
      outcome: 'SUCCESS',
      detail: { status: 'NEW', page: 1, searched: true, resultCount: 5, total: 5, totalIsAtLeast: false },
    });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toMatch(/okafor/i);
  });

  // Last: it adds rows. Past the last reachable page the count stops, and says so.
  it('stops counting one past the last page it can show', async () => {
    const template = await db.case.findFirstOrThrow({
      where: { id: ids[0] },
      omit: { id: true, createdAt: true, updatedAt: true, instrumentItems: true },
    });
    const copy = { ...template, intake: template.intake as object, recommendation: template.recommendation as object };
    await db.case.createMany({ data: Array.from({ length: 400 }, () => copy) });
    const capped = await list({ pageSize: 1 });
    expect(capped).toMatchObject({ total: 401, totalIsAtLeast: true, pageCount: 400 });
    expect((await list({ pageSize: 1, page: 10_000 })).page).toBe(400);
    expect(await list({ pageSize: 2 })).toMatchObject({ total: 430, totalIsAtLeast: false, pageCount: 215 });
  });
});
