// The keyset case list (lib/cases/list) on a seeded database (scripts/lib/seed: a few hundred
// synthetic cases) plus a few known patients: paging without duplicates or gaps both ways, every
// sort in both directions, every filter, the forgiving name search and MRN search, the access
// condition, and the case.list audit event (no search words in it).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { createCase } from '@/lib/cases/create-case';
import { COUNT_CAP, listCasePage } from '@/lib/cases/list/query';
import {
  CASE_LIST_SORTS,
  DEFAULT_LIST_STATE,
  EMPTY_FILTERS,
  type CaseListFilters,
  type CaseListSort,
  type CaseListState,
  type SortDirection,
} from '@/lib/cases/list/params';
import { isUrgentFlag } from '@/lib/cases/recommendation-view';
import { CASE_STATUSES } from '@/lib/cases/status';
import { calendarDateOf } from '@/lib/format/date-time';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { seedDatabase, type SeededStaff } from '../../../scripts/lib/seed/seed-database';
import { prismaFor } from '../support/prisma';
import { createScratchDatabase, dropDatabase, runPrisma } from '../support/test-database';
import { TEST_TODAY, klonopinDailyV2Intake } from './case-fixtures';

const SEEDED = 420;
let db: PrismaClient;
let database: { name: string; url: string };
let staff: readonly SeededStaff[];
let supervisor: { id: string; role: string };
let intakeWorker: { id: string; role: string };
const known: Record<string, string> = {};

type CaseRow = Awaited<ReturnType<typeof allCases>>[number];
let all: CaseRow[];

function allCases() {
  return db.case.findMany({
    select: {
      id: true,
      createdAt: true,
      updatedAt: true,
      status: true,
      patientLastNameKey: true,
      patientFirstNameKey: true,
      finalLevel: true,
      finalWm: true,
      flags: true,
      assignedToId: true,
      createdById: true,
    },
  });
}

beforeAll(async () => {
  database = await createScratchDatabase('caselistq');
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(migrated.output);
  db = prismaFor(database.url);
  staff = (await seedDatabase(database.url, { cases: SEEDED, batchSize: 200 })).staff;
  const byRole = (role: string) => staff.find((member) => member.role === role)!;
  supervisor = { id: byRole('SUPERVISOR').id, role: 'SUPERVISOR' };
  intakeWorker = { id: byRole('INTAKE').id, role: 'INTAKE' };
  const people = [
    { firstName: 'Thi Mai', lastName: 'Nguyễn', mrn: 'QZ-77123' },
    { firstName: 'Zoë', lastName: 'Strauß', mrn: 'QZ-77124' },
    { firstName: 'Seamus', lastName: "O'Brien-Núñez", mrn: 'QZ-88000' },
  ];
  for (const person of people) {
    // Created by the supervisor: outside the intake worker's cases.
    const created = await createCase(supervisor, { intake: klonopinDailyV2Intake(person) }, { db, today: TEST_TODAY });
    if (!created.ok) throw new Error(created.message);
    known[person.lastName] = created.caseId;
  }
  all = await allCases();
  enumOrder = (
    await db.$queryRaw<Array<{ status: string }>>`SELECT unnest(enum_range(NULL::"CaseStatus"))::text AS status`
  ).map((row) => row.status);
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  if (database) await dropDatabase(database.name);
});

async function page(actor: { id: string; role: string }, state: CaseListState, search = '') {
  const result = await listCasePage(actor, state, search, { db });
  if (!result.ok) throw new Error(result.message);
  return result.list;
}

/** Walks every page forward; returns ids in list order. */
async function walk(actor: { id: string; role: string }, state: CaseListState, search = '') {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const list = await page(actor, { ...state, cursor }, search);
    ids.push(...list.rows.map((row) => row.id));
    if (!list.nextCursor) break;
    cursor = list.nextCursor;
  }
  return ids;
}

// The status sort is PostgreSQL's enum order, where DECLINED (added by ALTER TYPE … ADD VALUE)
// comes after CLOSED, unlike CASE_STATUSES: read it from the database.
let enumOrder: readonly string[] = CASE_STATUSES;
const statusRank = (status: string) => enumOrder.indexOf(status);
function compareBy(sort: CaseListSort, dir: SortDirection) {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: CaseRow, b: CaseRow) => {
    const keys: Array<[string | number, string | number]> =
      sort === 'intake'
        ? [[a.createdAt.getTime(), b.createdAt.getTime()]]
        : sort === 'updated'
          ? [[a.updatedAt.getTime(), b.updatedAt.getTime()]]
          : sort === 'name'
            ? [
                [a.patientLastNameKey, b.patientLastNameKey],
                [a.patientFirstNameKey, b.patientFirstNameKey],
              ]
            : sort === 'level'
              ? [[a.finalLevel, b.finalLevel]]
              : [[statusRank(a.status), statusRank(b.status)]];
    for (const [x, y] of keys) {
      const c = cmp(x, y);
      if (c !== 0) return sign * c;
    }
    return sign * cmp(a.id, b.id);
  };
}

const state = (
  patch: Partial<Omit<CaseListState, 'filters'>> & { filters?: Partial<CaseListFilters> } = {},
): CaseListState => ({
  ...DEFAULT_LIST_STATE,
  ...patch,
  filters: { ...EMPTY_FILTERS, ...patch.filters },
});

describe('listCasePage paging', () => {
  it('pages through every case once, newest first, in pages of 50, and back again', async () => {
    const first = await page(supervisor, state());
    expect(first.rows).toHaveLength(50);
    expect(first.page).toBe(1);
    expect(first.prevCursor).toBeNull();
    expect(first.total).toBe(SEEDED + 3);
    const ids = await walk(supervisor, state());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...all].sort(compareBy('intake', 'desc')).map((row) => row.id));

    // Forward to page 4, then back to page 1 through the previous-page cursors.
    let list = first;
    for (let n = 2; n <= 4; n++) list = await page(supervisor, state({ cursor: list.nextCursor }));
    expect(list.page).toBe(4);
    const pageFour = list.rows.map((row) => row.id);
    expect(pageFour).toEqual(ids.slice(150, 200));
    for (let n = 3; n >= 1; n--) {
      list = await page(supervisor, state({ cursor: list.prevCursor }));
      expect(list.page).toBe(n);
      expect(list.rows.map((row) => row.id)).toEqual(ids.slice((n - 1) * 50, n * 50));
    }
    expect(list.prevCursor).toBeNull();
  });

  it('ignores a cursor that is forged, unreadable or from another sort', async () => {
    const first = await page(supervisor, state());
    const other = await page(supervisor, state({ sort: 'name', dir: 'asc', cursor: first.nextCursor }));
    expect(other.page).toBe(1);
    const garbage = await page(supervisor, state({ cursor: 'bm90LWEtY3Vyc29y' }));
    expect(garbage.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
  });

  for (const sort of CASE_LIST_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sorts by ${sort} ${dir} with the id as tie-break, across pages`, async () => {
        const ids = await walk(supervisor, state({ sort, dir }));
        expect(ids).toEqual([...all].sort(compareBy(sort, dir)).map((row) => row.id));
      });
    }
  }
});

describe('listCasePage filters', () => {
  const expectFilter = async (filters: Partial<CaseListFilters>, keep: (row: CaseRow) => boolean) => {
    const ids = await walk(supervisor, state({ filters }));
    const expected = [...all].filter(keep).sort(compareBy('intake', 'desc'));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected.map((row) => row.id));
    const list = await page(supervisor, state({ filters }));
    expect(list.total).toBe(Math.min(expected.length, COUNT_CAP));
  };

  it('filters by several statuses', () =>
    expectFilter({ statuses: ['NEW', 'REFERRED'] }, (row) => row.status === 'NEW' || row.status === 'REFERRED'));
  it('filters by treatment level', () => expectFilter({ level: '3.7' }, (row) => row.finalLevel === '3.7'));
  it('filters by WM level', () => expectFilter({ wm: 'none' }, (row) => row.finalWm === 'none'));
  it('filters by urgent flags', () => expectFilter({ urgent: true }, (row) => row.flags.some(isUrgentFlag)));
  it('filters by assigned to me', async () => {
    const clinician = staff.find((member) => member.role === 'CLINICIAN')!;
    const ids = await walk({ id: clinician.id, role: 'SUPERVISOR' }, state({ filters: { assigned: 'me' } }));
    const expected = all.filter((row) => row.assignedToId === clinician.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected.map((row) => row.id)));
  });
  it('filters by assigned to a given person', async () => {
    const clinician = staff.find((member) => member.role === 'CLINICIAN')!;
    await expectFilter({ assigned: { staffId: clinician.id } }, (row) => row.assignedToId === clinician.id);
  });
  it('filters by assigned to someone', () => expectFilter({ assigned: 'any' }, (row) => row.assignedToId !== null));
  it('filters by unassigned', () => expectFilter({ assigned: 'none' }, (row) => row.assignedToId === null));
  it('filters by intake date range (program days, both ends inclusive)', async () => {
    const days = all.map((row) => calendarDateOf(row.createdAt)).sort();
    const from = days[Math.floor(days.length * 0.4)]!;
    const to = days[Math.floor(days.length * 0.6)]!;
    await expectFilter(
      { from, to },
      (row) => calendarDateOf(row.createdAt) >= from && calendarDateOf(row.createdAt) <= to,
    );
  });
  it('combines filters', () =>
    expectFilter(
      { statuses: ['ADMITTED', 'CLOSED'], assigned: 'any' },
      (row) => (row.status === 'ADMITTED' || row.status === 'CLOSED') && row.assignedToId !== null,
    ));
});

describe('listCasePage search', () => {
  const found = (search: string) => foundFor(search, supervisor);

  it('matches any part of a first or last name, ignoring case and accents', async () => {
    expect(await found('guy')).toEqual([known['Nguyễn']]);
    expect(await found('NGUYEN')).toEqual([known['Nguyễn']]);
    expect(await found('mai')).toContain(known['Nguyễn']);
    expect(await found('nunez')).toEqual([known["O'Brien-Núñez"]]);
    expect(await found("o'brien")).toEqual([known["O'Brien-Núñez"]]);
    expect(await found('strauss zoe')).toEqual([known['Strauß']]);
  });

  it('tolerates one wrong, missing or extra letter', async () => {
    expect(await found('nguyn')).toContain(known['Nguyễn']); // missing
    expect(await found('strauss')).toContain(known['Strauß']);
    expect(await found('strause')).toContain(known['Strauß']); // wrong
    expect(await found('seamuss')).toContain(known["O'Brien-Núñez"]); // extra
    expect(await found('seamos')).toContain(known["O'Brien-Núñez"]); // wrong
  });

  it('matches an MRN exactly or by its start, however it is punctuated', async () => {
    expect(await found('QZ-77123')).toEqual([known['Nguyễn']]);
    expect(await found('qz7712')).toEqual(expect.arrayContaining([known['Nguyễn'], known['Strauß']]));
    expect(await found('qz88')).toEqual([known["O'Brien-Núñez"]]);
  });

  it('needs every word to match', async () => {
    expect(await found('strauss nguyen')).toEqual([]);
  });
});

describe('listCasePage access', () => {
  it('lists only the cases the access condition allows, counts them the same way, and never shows other names', async () => {
    const ids = await walk(intakeWorker, state());
    const expected = all.filter((row) => row.createdById === intakeWorker.id || row.assignedToId === intakeWorker.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected.map((row) => row.id)));
    const list = await page(intakeWorker, state());
    expect(list.total).toBe(Math.min(expected.length, COUNT_CAP));
    expect(await foundFor('nguyen', intakeWorker)).toEqual([]);
  });

  it('refuses a role without case:read, and audits the view without the search words', async () => {
    const refused = await listCasePage({ id: staff[0]!.id, role: 'ADMIN' }, state(), '', { db });
    expect(refused.ok).toBe(false);
    await page(supervisor, state({ filters: { statuses: ['NEW'] } }), 'nguyen');
    const event = await db.auditEvent.findFirst({
      where: { action: 'case.list', actorId: supervisor.id },
      orderBy: { id: 'desc' },
    });
    expect(event?.detail).toMatchObject({ statuses: 'NEW', searched: true, sort: 'intake', page: 1 });
    expect(JSON.stringify({ ...event, id: String(event?.id) })).not.toMatch(/nguyen/i);
  });

  it('records in the case.list event exactly which case ids the page showed (issue 13 item 6)', async () => {
    const shown = await page(supervisor, state());
    const event = await db.auditEvent.findFirst({
      where: { action: 'case.list', actorId: supervisor.id },
      orderBy: { id: 'desc' },
    });
    expect(shown.rows.length).toBeGreaterThan(0);
    expect((event?.detail as { caseIds?: string } | null)?.caseIds?.split(',')).toEqual(
      shown.rows.map((row) => row.id),
    );
  });
});

/** Which of the known patients a search lists, walking every page. */
async function foundFor(search: string, actor: { id: string; role: string }) {
  return (await walk(actor, state(), search)).filter((id) => Object.values(known).includes(id));
}
