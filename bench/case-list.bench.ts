// Case list, search and detail through the real data layer (listCases / getCase, audit writes
// included) on a scratch database of 100,000 realistic cases, with 10 concurrent callers sharing
// one Prisma pool of 10 — the app's default (DATABASE_POOL_SIZE).
// Goals (docs/performance.md): list and search p95 < 50 ms, case detail p95 < 20 ms.
// BENCH_CASES changes the row count, BENCH_SECONDS the measuring time per scenario.
import { PrismaPg } from '@prisma/adapter-pg';

import { getCase } from '@/lib/cases/get-case';
import { listCases, type CaseListQuery } from '@/lib/cases/list-cases';
import { type CaseActor } from '@/lib/cases/actor';
import { searchKey } from '@/lib/cases/search-key';
import { CASE_STATUSES } from '@/lib/cases/status';
import { PrismaClient } from '@/lib/generated/prisma/client';

import type { BenchResult } from './stats';
import { seedCases } from './support/case-seed';
import { describeLoad, measureLoad, type LoadOptions } from './support/load';
import { withScratchDatabase } from './support/scratch-database';

const LIST_GOAL_P95_MS = 50;
const DETAIL_GOAL_P95_MS = 20;
const CALLERS = 10;

export function benchSettings(): { cases: number; seconds: number } {
  const cases = Number(process.env.BENCH_CASES || 100_000);
  const seconds = Number(process.env.BENCH_SECONDS || 6);
  if (!Number.isInteger(cases) || cases < 100)
    throw new Error(`BENCH_CASES must be a whole number of at least 100, got "${process.env.BENCH_CASES}"`);
  if (!(seconds > 0)) throw new Error(`BENCH_SECONDS must be a positive number, got "${process.env.BENCH_SECONDS}"`);
  return { cases, seconds };
}

interface SampledCase {
  id: string;
  patientFirstName: string;
  patientLastName: string;
  patientMrn: string | null;
  patientFirstNameKey: string;
  patientLastNameKey: string;
  patientMrnKey: string | null;
}

/** Rows are written by SQL in the seed: check the keys are what lib/cases would have written. */
function checkSearchKeys(rows: readonly SampledCase[]): void {
  for (const row of rows) {
    const expected = [
      searchKey(row.patientFirstName),
      searchKey(row.patientLastName),
      row.patientMrn === null ? null : searchKey(row.patientMrn),
    ];
    const actual = [row.patientFirstNameKey, row.patientLastNameKey, row.patientMrnKey];
    if (expected.some((key, i) => key !== actual[i]))
      throw new Error(`seeded search keys differ from searchKey() for case ${row.id}`);
  }
}

/** What staff type: a name's first letters, "Last, First", or an MRN (whole, or its first digits). */
function nameSearch(row: SampledCase, n: number): string {
  const lastWord = row.patientLastName.split(/\s/)[0] ?? row.patientLastName;
  if (n % 10 < 5) return lastWord.slice(0, 3 + (n % 4));
  if (n % 10 < 8) return `${row.patientLastName}, ${row.patientFirstName}`;
  return row.patientFirstName.slice(0, 3 + (n % 3));
}

function mrnSearch(row: SampledCase, n: number): string {
  const mrn = row.patientMrn ?? '';
  return n % 5 === 0 ? mrn.replace(/-/g, '').slice(0, 5) : mrn;
}

function expectOk<T extends { ok: boolean }>(outcome: T, what: string): T & { ok: true } {
  if (!outcome.ok) throw new Error(`${what} failed: ${JSON.stringify(outcome)}`);
  return outcome as T & { ok: true };
}

export async function benchCaseList(): Promise<BenchResult> {
  const settings = benchSettings();
  return withScratchDatabase('bench', async (database) => {
    const seed = await seedCases(database.url, settings.cases);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10 }) });
    try {
      const clinician = seed.staff.find((member) => member.role === 'CLINICIAN');
      if (!clinician) throw new Error('the seed made no clinician');
      const actor: CaseActor = { id: clinician.id, role: clinician.role };

      // Searches and opened cases are for patients who exist, picked as often as their names occur.
      const sample = await db.$queryRaw<SampledCase[]>`
        SELECT id::text, "patientFirstName", "patientLastName", "patientMrn", "patientFirstNameKey", "patientLastNameKey", "patientMrnKey"
        FROM "Case" ORDER BY random() LIMIT 2000`;
      checkSearchKeys(sample);
      const withMrn = sample.filter((row) => row.patientMrn !== null);
      const pick = <T>(rows: readonly T[], caller: number, n: number): T =>
        rows[(caller * 7919 + n * 104_729) % rows.length]!;

      const load: LoadOptions = { callers: CALLERS, seconds: settings.seconds, warmupSeconds: 1 };
      const list = async (query: CaseListQuery, what: string) => {
        const outcome = expectOk(await listCases(actor, query, { db }), what);
        if (!query.search && outcome.list.rows.length === 0) throw new Error(`${what}: no rows`);
        return outcome.list;
      };

      const scenarios: Array<[label: string, goalMs: number, call: (caller: number, n: number) => Promise<void>]> = [
        ['list page 1, newest first', LIST_GOAL_P95_MS, async () => void (await list({ page: 1 }, 'list page 1'))],
        [
          'list by status',
          LIST_GOAL_P95_MS,
          async (caller, n) =>
            void (await list({ status: CASE_STATUSES[(caller + n) % CASE_STATUSES.length] }, 'status filter')),
        ],
        ['list page 50', LIST_GOAL_P95_MS, async () => void (await list({ page: 50 }, 'list page 50'))],
        [
          'name search (prefix)',
          LIST_GOAL_P95_MS,
          async (caller, n) => void (await list({ search: nameSearch(pick(sample, caller, n), n) }, 'name search')),
        ],
        [
          'MRN search',
          LIST_GOAL_P95_MS,
          async (caller, n) => {
            const found = await list({ search: mrnSearch(pick(withMrn, caller, n), n) }, 'MRN search');
            if (found.rows.length === 0) throw new Error('MRN search found nothing for an MRN that exists');
          },
        ],
        [
          'case detail by id',
          DETAIL_GOAL_P95_MS,
          async (caller, n) => void expectOk(await getCase(actor, pick(sample, caller, n).id, { db }), 'case detail'),
        ],
      ];

      const measurements: Record<string, number | string> = {
        cases: seed.cases,
        'seed time (s)': seed.seconds,
        'intake + recommendation (B)': seed.jsonBytesPerCase,
        callers: CALLERS,
      };
      let met = true;
      for (const [label, goalMs, call] of scenarios) {
        const summary = await measureLoad(load, call);
        measurements[label] = describeLoad(summary, goalMs);
        met &&= summary.p95 < goalMs;
      }
      return {
        name: `case list, search and detail via listCases/getCase (${CALLERS} concurrent callers, ${seed.cases.toLocaleString('en-US')} cases)`,
        measurements,
        goal: `list and search p95 < ${LIST_GOAL_P95_MS} ms, detail p95 < ${DETAIL_GOAL_P95_MS} ms`,
        met,
      };
    } finally {
      await db.$disconnect();
    }
  });
}
