// The case list (lib/cases/list), the dashboard (lib/dashboard) and the case detail through the
// real data layer (audit writes included) on a scratch database of 100,000 synthetic cases made by
// `npm run db:seed`'s seeder (scripts/lib/seed), with 10 concurrent callers sharing one Prisma pool
// of 10 — the app's default (DATABASE_POOL_SIZE). Every list variant is also run as the same SQL
// sent by `pg` directly (plus the same audit INSERT), in the same run, for the ratio; each
// variant's page query is EXPLAINed (the plans go to the results file of bench/run.ts, under
// each variant's details). Goals (docs/performance.md): list and search p95 < 50 ms and ≤ 2× the
// pg query; dashboard p95 < 100 ms; case detail p95 < 20 ms. BENCH_CASES, BENCH_SECONDS (per
// scenario and side, default 2) change the size and time.
import { randomUUID } from 'node:crypto';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { type CaseActor } from '@/lib/cases/actor';
import { caseDetailSql, getCase } from '@/lib/cases/get-case';
import { encodeCursor } from '@/lib/cases/list/cursor';
import { DEFAULT_LIST_STATE, EMPTY_FILTERS, type CaseListFilters, type CaseListState } from '@/lib/cases/list/params';
import { caseListSql, listCasePage } from '@/lib/cases/list/query';
import { searchKey } from '@/lib/cases/search-key';
import { loadDashboard } from '@/lib/dashboard/queries';
import { GroupCommitQueue } from '@/lib/audit/group-commit';
import { calendarDateOf } from '@/lib/format/date-time';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';

import { latencyGoal, measurement, type BenchResult, type Goal, type Measurement } from './stats';
import { measureLoad, type LoadOptions, type LoadSummary } from './support/load';
import type { SeededStaff } from '../scripts/lib/seed/seed-database';
import { seededStaff, withSeededDatabase } from './support/seeded-database';

const LIST_GOAL_P95_MS = 50;
const RATIO_GOAL = 2;
const DASHBOARD_GOAL_P95_MS = 100;
const DETAIL_GOAL_P95_MS = 20;
const CALLERS = 10;

export function benchSettings(): { cases: number; seconds: number } {
  const cases = Number(process.env.BENCH_CASES || 100_000);
  const seconds = Number(process.env.BENCH_SECONDS || 2);
  if (!Number.isInteger(cases) || cases < 100)
    throw new Error(`BENCH_CASES must be a whole number of at least 100, got "${process.env.BENCH_CASES}"`);
  if (!(seconds > 0)) throw new Error(`BENCH_SECONDS must be a positive number, got "${process.env.BENCH_SECONDS}"`);
  return { cases, seconds };
}

interface SampledCase {
  id: string;
  patientLastNameKey: string;
  patientFirstNameKey: string;
  patientMrn: string | null;
}

/** One wrong letter in the middle of a name key ("nguyen" → "nguxen"). */
function withTypo(key: string, n: number): string {
  const at = 1 + (n % Math.max(1, key.length - 2));
  const letter = key[at] === 'a' ? 'e' : 'a';
  return key.slice(0, at) + letter + key.slice(at + 1);
}

const state = (patch: Partial<Omit<CaseListState, 'filters'>> & { filters?: Partial<CaseListFilters> } = {}) => ({
  ...DEFAULT_LIST_STATE,
  ...patch,
  filters: { ...EMPTY_FILTERS, ...patch.filters },
});

interface Variant {
  readonly label: string;
  readonly actor: CaseActor;
  /** The state and search for call n of a caller. */
  readonly make: (caller: number, n: number) => { state: CaseListState; search: string };
}

interface VariantResult {
  label: string;
  prisma: LoadSummary;
  pg: LoadSummary;
  ratio: number;
  met: boolean;
  explain: string[];
}

/** One audit event as lib/audit/append.ts inserts it: at, actor, action, entity, outcome, request, detail. */
type AuditRow = readonly [
  at: Date,
  actorId: string,
  action: string,
  entityType: string,
  entityId: string | null,
  outcome: 'SUCCESS',
  requestId: string,
  detail: string | null,
];

/**
 * The pg side's audit insert: the app's statement (appendAuditEvent), grouped by the app's own
 * group commit (lib/audit/group-commit.ts), so both sides wait for the audit chain's lock and
 * commit flush the same way.
 */
function pgAuditWriter(pool: pg.Pool): GroupCommitQueue<AuditRow> {
  return new GroupCommitQueue<AuditRow>(async (batch) => {
    const tuples = batch.map((_, i) => {
      const $ = (n: number) => `$${i * 8 + n}`;
      return `(${$(1)}, ${$(2)}::uuid, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}::"AuditOutcome", ${$(7)}, NULL, NULL, ${$(8)}::jsonb)`;
    });
    await pool.query(
      `INSERT INTO "AuditEvent" ("at", "actorId", "action", "entityType", "entityId", "outcome", "requestId", "ip", "userAgent", "detail") VALUES ${tuples.join(', ')}`,
      batch.flat(),
    );
  });
}

const LIST_GOAL: Goal = {
  ...latencyGoal('p95', LIST_GOAL_P95_MS, { strict: true }),
  text: `p95 < ${LIST_GOAL_P95_MS} ms, ≤ ${RATIO_GOAL}× pg`,
};

/** The latency fields of the contract from a closed-loop load summary. */
function measured(summary: LoadSummary) {
  return { p50: summary.p50, p95: summary.p95, p99: summary.p99, throughput: summary.perSecond };
}

export async function benchCaseList(): Promise<BenchResult> {
  const settings = benchSettings();
  const log = (message: string) => process.stdout.write(`      seed: ${message}\n`);
  return withSeededDatabase('case-list', { cases: settings.cases, log }, async (database, seed, seededBy) => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10 }) });
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const pgAudit = pgAuditWriter(pool);
    try {
      const byRole = (role: SeededStaff['role']) => {
        const member = seededStaff(seed, role);
        return { id: member.id, role: member.role } satisfies CaseActor;
      };
      const supervisor = byRole('SUPERVISOR');
      const clinician = byRole('CLINICIAN');

      const sample = (
        await pool.query<SampledCase>(
          `SELECT id::text, "patientLastNameKey", "patientFirstNameKey", "patientMrn" FROM "Case" ORDER BY random() LIMIT 2000`,
        )
      ).rows;
      const longNames = sample.filter((row) => row.patientLastNameKey.length >= 5);
      const withMrn = sample.filter((row) => row.patientMrn !== null);
      const pick = <T>(rows: readonly T[], caller: number, n: number): T =>
        rows[(caller * 7919 + n * 104_729) % rows.length]!;

      // Page 2,000 (rows 99,951–100,000 at 100k): the cursor the list would have built on page 1,999.
      const pageAt = Math.max(2, Math.min(2000, Math.ceil(settings.cases / 50)));
      const anchor = (
        await pool.query<{ id: string; createdAt: Date }>(
          `SELECT id::text, "createdAt" FROM "Case" ORDER BY "createdAt" DESC, id DESC OFFSET $1 LIMIT 1`,
          [(pageAt - 1) * 50 - 1],
        )
      ).rows[0]!;
      const deepCursor = encodeCursor({
        sort: 'intake',
        dir: 'desc',
        toward: 'next',
        key: [anchor.createdAt.toISOString()],
        id: anchor.id,
        page: pageAt,
      });
      const today = calendarDateOf(new Date());
      const monthAgo = calendarDateOf(new Date(Date.now() - 30 * 86_400_000));

      const fixed = (label: string, s: CaseListState, actor: CaseActor = supervisor, search = ''): Variant => ({
        label,
        actor,
        make: () => ({ state: s, search }),
      });
      const variants: Variant[] = [
        fixed('page 1, intake date ↓ (default)', state()),
        fixed('page 1, intake date ↑', state({ dir: 'asc' })),
        fixed('page 1, last update ↓', state({ sort: 'updated', dir: 'desc' })),
        fixed('page 1, last update ↑', state({ sort: 'updated', dir: 'asc' })),
        fixed('page 1, name ↑', state({ sort: 'name', dir: 'asc' })),
        fixed('page 1, name ↓', state({ sort: 'name', dir: 'desc' })),
        fixed('page 1, level ↑', state({ sort: 'level', dir: 'asc' })),
        fixed('page 1, level ↓', state({ sort: 'level', dir: 'desc' })),
        fixed('page 1, status ↑', state({ sort: 'status', dir: 'asc' })),
        fixed('page 1, status ↓', state({ sort: 'status', dir: 'desc' })),
        fixed(`page ${pageAt.toLocaleString('en-US')} (keyset)`, state({ cursor: deepCursor })),
        fixed('status NEW + IN_REVIEW', state({ filters: { statuses: ['NEW', 'IN_REVIEW'] } })),
        fixed('status REFERRED', state({ filters: { statuses: ['REFERRED'] } })),
        fixed('level 3.7', state({ filters: { level: '3.7' } })),
        fixed('WM 3.7-WM', state({ filters: { wm: '3.7-WM' } })),
        fixed('urgent flags', state({ filters: { urgent: true } })),
        fixed('assigned to me (clinician)', state({ filters: { assigned: 'me' } }), clinician),
        fixed('assigned to someone', state({ filters: { assigned: 'any' } })),
        fixed('unassigned', state({ filters: { assigned: 'none' } })),
        fixed('intake date: last 30 days', state({ filters: { from: monthAgo, to: today } })),
        fixed('clinician (access condition)', state(), clinician),
        {
          label: 'name search: part of a last name',
          actor: supervisor,
          make: (caller, n) => {
            const key = pick(longNames, caller, n).patientLastNameKey;
            return { state: state(), search: key.slice(1, 5) };
          },
        },
        {
          label: 'name search: one-letter typo',
          actor: supervisor,
          make: (caller, n) => ({ state: state(), search: withTypo(pick(longNames, caller, n).patientLastNameKey, n) }),
        },
        {
          label: 'name search: typo + first name',
          actor: supervisor,
          make: (caller, n) => {
            const row = pick(longNames, caller, n);
            return { state: state(), search: `${withTypo(row.patientLastNameKey, n)} ${row.patientFirstNameKey}` };
          },
        },
        {
          label: 'MRN search (whole or first 5)',
          actor: supervisor,
          make: (caller, n) => {
            const mrn = pick(withMrn, caller, n).patientMrn ?? '';
            return { state: state(), search: n % 2 === 0 ? mrn : searchKey(mrn).slice(0, 5) };
          },
        },
      ];

      const load: LoadOptions = { callers: CALLERS, seconds: settings.seconds, warmupSeconds: 1 };
      const pgRun = async (sql: Prisma.Sql, client: pg.Pool) =>
        (await client.query(sql.text, sql.values as unknown[])).rows;
      const results: VariantResult[] = [];
      for (const variant of variants) {
        const prismaCall = async (caller: number, n: number) => {
          const { state: s, search } = variant.make(caller, n);
          const outcome = await listCasePage(variant.actor, s, search, { db });
          if (!outcome.ok) throw new Error(`${variant.label}: ${outcome.message}`);
          if (!search && outcome.list.rows.length === 0) throw new Error(`${variant.label}: no rows`);
        };
        const pgCall = async (caller: number, n: number) => {
          const { state: s, search } = variant.make(caller, n);
          const sql = caseListSql(variant.actor, s, search);
          const rows = await pgRun(sql.combined, pool);
          await pgAudit.add([
            new Date(),
            variant.actor.id,
            'case.list',
            'Case',
            null,
            'SUCCESS',
            randomUUID(),
            JSON.stringify({ page: 1, resultCount: rows.length, total: rows[0]?.totalCapped ?? 0 }),
          ]);
        };
        const prisma = await measureLoad(load, prismaCall);
        const direct = await measureLoad(load, pgCall);
        const sample0 = variant.make(0, 0);
        const explained = caseListSql(variant.actor, sample0.state, sample0.search);
        const plan = (
          await pool.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${explained.combined.text}`,
            explained.combined.values as unknown[],
          )
        ).rows.map((row) => row['QUERY PLAN']);
        const ratio = Math.round((prisma.p95 / Math.max(0.1, direct.p95)) * 100) / 100;
        const met = prisma.p95 < LIST_GOAL_P95_MS && ratio <= RATIO_GOAL;
        results.push({ label: variant.label, prisma, pg: direct, ratio, met, explain: plan });
        console.log(
          `      ${met ? 'MET ' : 'MISS'} ${variant.label.padEnd(36)} prisma p95 ${String(prisma.p95).padStart(6)} ms  pg p95 ${String(direct.p95).padStart(6)} ms  ratio ${ratio}`,
        );
        for (const line of plan.slice(0, 6)) console.log(`             ${line}`);
      }

      // The dashboard, as a supervisor (every case) and as a clinician (their cases).
      const dashboard = async (actor: CaseActor) => {
        const summary = await measureLoad(load, async () => {
          if ((await loadDashboard(actor, { db })) === null) throw new Error('dashboard refused');
        });
        const t0 = performance.now();
        await loadDashboard(actor, { db });
        return { summary, alone: Math.round((performance.now() - t0) * 10) / 10 };
      };
      const dashSupervisor = await dashboard(supervisor);
      const dashClinician = await dashboard(clinician);
      const detail = await measureLoad(load, async (caller, n) => {
        const outcome = await getCase(supervisor, pick(sample, caller, n).id, { db });
        if (!outcome.ok) throw new Error(`case detail: ${outcome.message}`);
      });
      // The same read by pg: getCase's one statement, then the same case.view audit insert.
      const detailPg = await measureLoad(load, async (caller, n) => {
        const id = pick(sample, caller, n).id;
        const sql = caseDetailSql(supervisor, id);
        const rows = await pgRun(sql, pool);
        if (rows.length !== 1) throw new Error('case detail (pg): no row');
        await pgAudit.add([new Date(), supervisor.id, 'case.view', 'Case', id, 'SUCCESS', randomUUID(), null]);
      });
      const detailSql = caseDetailSql(supervisor, sample[0]!.id);
      const detailPlan = (
        await pool.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${detailSql.text}`,
          detailSql.values as unknown[],
        )
      ).rows.map((row) => row['QUERY PLAN']);
      const detailRatio = Math.round((detail.p95 / Math.max(0.1, detailPg.p95)) * 100) / 100;
      console.log(
        `      case detail by id                    prisma p95 ${String(detail.p95).padStart(6)} ms  pg p95 ${String(detailPg.p95).padStart(6)} ms  ratio ${detailRatio}`,
      );

      const measurements: Measurement[] = results.map((result) =>
        measurement(
          `case-list ${result.label}`,
          {
            ...measured(result.prisma),
            floor_p95: result.pg.p95,
            ratio: result.ratio,
            details: { pg: result.pg, clientCpuMsPerCall: result.prisma.cpuMsPerCall, explain: result.explain },
          },
          LIST_GOAL,
          result.ratio <= RATIO_GOAL,
        ),
      );
      const dashboardGoal = latencyGoal('p95', DASHBOARD_GOAL_P95_MS, { strict: true });
      measurements.push(
        measurement(
          'case-list dashboard (supervisor)',
          { ...measured(dashSupervisor.summary), details: { aloneMs: dashSupervisor.alone } },
          dashboardGoal,
        ),
        measurement(
          'case-list dashboard (clinician)',
          { ...measured(dashClinician.summary), details: { aloneMs: dashClinician.alone } },
          dashboardGoal,
        ),
        measurement(
          'case-list case detail by id',
          {
            ...measured(detail),
            floor_p95: detailPg.p95,
            ratio: detailRatio,
            details: { pg: detailPg, clientCpuMsPerCall: detail.cpuMsPerCall, explain: detailPlan },
          },
          latencyGoal('p95', DETAIL_GOAL_P95_MS, { strict: true }),
        ),
      );
      return {
        name: `case list (every variant, Prisma vs pg), dashboard and detail (${CALLERS} concurrent callers, ${seed.cases.toLocaleString('en-US')} cases)`,
        measurements,
        notes: {
          cases: seed.cases,
          'seed time (s)': seededBy
            ? `${seed.seconds} (database shared with ${seededBy}, which seeded it)`
            : seed.seconds,
          callers: CALLERS,
          'seconds per scenario and side': settings.seconds,
          'floor p95': 'the same SQL sent by pg, plus the same audit INSERT',
        },
      };
    } finally {
      await db.$disconnect();
      await pool.end();
    }
  });
}
