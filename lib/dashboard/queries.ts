import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { caseAccessSql } from '@/lib/cases/access';
import type { CaseActor } from '@/lib/cases/actor';
import { CASE_STATUSES, type CaseStatusValue } from '@/lib/cases/status';
import { getPrisma } from '@/lib/db/client';
import { calendarDateOf, PROGRAM_TIME_ZONE } from '@/lib/format/date-time';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

import {
  DASHBOARD_WEEKS,
  MEDIAN_WINDOW_DAYS,
  OPEN_STATUSES,
  fillWeeks,
  levelDistribution,
  weekStarts,
  type LevelCount,
  type WeekCount,
} from './summary';

/**
 * The home dashboard (issue 9 item 8): small queries run side by side, each served by an index
 * of the Case table, all under the viewer's access condition (lib/cases/access.ts). The lists
 * (the urgent queue's first 10, my cases) are read live on every view; the aggregates (counts by
 * status, the urgent total, intakes per week, levels, medians — ~80 ms of database time at 100,000
 * cases) are precomputed per viewer and kept for {@link AGGREGATE_TTL_MS} in this process, and the
 * page says as of when (docs/performance.md). The urgent queue and "my cases" show names, so
 * viewing the dashboard is recorded as case.list (counts only, `view: 'dashboard'`).
 */
export interface DashboardCase {
  readonly id: string;
  readonly patientName: string;
  readonly createdAt: Date;
  readonly status: CaseStatusValue;
  readonly finalLevel: string;
  readonly flags: readonly string[];
}

export interface Dashboard {
  /** When the aggregates below were computed (at most AGGREGATE_TTL_MS ago). */
  readonly aggregatesAt: Date;
  readonly statusCounts: ReadonlyArray<{ status: CaseStatusValue; count: number }>;
  readonly urgent: { readonly cases: readonly DashboardCase[]; readonly total: number };
  readonly mine: { readonly cases: readonly DashboardCase[]; readonly total: number };
  readonly intakesPerWeek: readonly WeekCount[];
  /** Recommended (computed) levels of the intakes in the same 12 weeks. */
  readonly recommendedLevels: readonly LevelCount[];
  /**
   * Median days from intake to referral and to admission: cases whose first move to REFERRED /
   * ADMITTED in the status history (CaseStatusChange) was in the last 90 days, whatever their
   * status is now; days from Case.createdAt to that move.
   */
  readonly medians: {
    readonly toReferralDays: number | null;
    readonly referralCases: number;
    readonly toAdmissionDays: number | null;
    readonly admissionCases: number;
  };
}

const QUEUE_SIZE = 10;
export const AGGREGATE_TTL_MS = 60_000;
const QUEUE_COUNT_CAP = 1000;

interface CaseRow {
  id: string;
  patientFirstName: string;
  patientLastName: string;
  createdAt: Date;
  status: CaseStatusValue;
  finalLevel: string;
  flags: string[];
}

const toCase = (row: CaseRow): DashboardCase => ({
  id: row.id,
  patientName: `${row.patientLastName}, ${row.patientFirstName}`,
  createdAt: row.createdAt,
  status: row.status,
  finalLevel: row.finalLevel,
  flags: row.flags,
});

const CASE_COLUMNS = Prisma.sql`c.id, c."patientFirstName", c."patientLastName", c."createdAt", c.status, c."finalLevel", c.flags`;

/** The dashboard's SQL, exported for the bench (EXPLAIN and a hand-written comparison). */
export function dashboardSql(actor: CaseActor, now: Date) {
  const access = caseAccessSql(actor, 'c');
  const open = Prisma.sql`c.status = ANY(${[...OPEN_STATUSES]}::"CaseStatus"[])`;
  // The same "urgent" as the case list's filter (Case.urgent: a flag urgent or an emergency by its
  // rules version's table), so the queue's total is what the list shows with "urgent flags" on.
  const urgent = Prisma.sql`${open} AND c.urgent`;
  const mine = Prisma.sql`${open} AND c."assignedToId" = ${actor.id}::uuid`;
  const firstWeek = weekStarts(calendarDateOf(now))[0]!;
  const windowStart = Prisma.sql`(${firstWeek}::date::timestamp AT TIME ZONE ${PROGRAM_TIME_ZONE})`;
  const medianSince = new Date(now.getTime() - MEDIAN_WINDOW_DAYS * 86_400_000);
  return {
    statusCounts: Prisma.sql`SELECT c.status, count(*)::int AS n FROM "Case" c WHERE ${access} GROUP BY c.status`,
    urgentCases: Prisma.sql`SELECT ${CASE_COLUMNS} FROM "Case" c WHERE ${access} AND ${urgent} ORDER BY c."createdAt" ASC, c.id ASC LIMIT ${QUEUE_SIZE}`,
    urgentTotal: Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${access} AND ${urgent} LIMIT ${QUEUE_COUNT_CAP + 1}) AS capped`,
    mineCases: Prisma.sql`SELECT ${CASE_COLUMNS} FROM "Case" c WHERE ${access} AND ${mine} ORDER BY c."createdAt" ASC, c.id ASC LIMIT ${QUEUE_SIZE}`,
    mineTotal: Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${access} AND ${mine} LIMIT ${QUEUE_COUNT_CAP + 1}) AS capped`,
    weeks: Prisma.sql`SELECT to_char(date_trunc('week', c."createdAt" AT TIME ZONE ${PROGRAM_TIME_ZONE}), 'YYYY-MM-DD') AS week,
        c."computedLevel" AS level, count(*)::int AS n
      FROM "Case" c WHERE ${access} AND c."createdAt" >= ${windowStart} GROUP BY 1, 2`,
    // The first move of each case to REFERRED / ADMITTED (a reopened case may make it twice), when
    // that first move falls in the window; days from the intake (Case.createdAt) to it. The window's
    // moves come from CaseStatusChange_toStatus_at_idx; "no earlier move to the same status" is one
    // probe of (caseId, at) per move (LATERAL … LIMIT 1: NOT EXISTS is planned as a hash anti join
    // over the whole history, ~100 ms at 100,000 cases). A status change updates its case
    // (updateCaseAtVersion), so such a case's updatedAt is in the window too: that condition only
    // lets the planner start from Case_updatedAt_id_idx (~60 instead of ~90 ms at 100,000).
    medians: Prisma.sql`SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.at - c."createdAt") / 86400) FILTER (WHERE h."toStatus" = 'REFERRED') AS referral,
        count(*) FILTER (WHERE h."toStatus" = 'REFERRED')::int AS "referralCases",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.at - c."createdAt") / 86400) FILTER (WHERE h."toStatus" = 'ADMITTED') AS admission,
        count(*) FILTER (WHERE h."toStatus" = 'ADMITTED')::int AS "admissionCases"
      FROM "CaseStatusChange" h JOIN "Case" c ON c.id = h."caseId"
      LEFT JOIN LATERAL (SELECT true AS found FROM "CaseStatusChange" e
                         WHERE e."caseId" = h."caseId" AND e.at < h.at AND e."toStatus" = h."toStatus" LIMIT 1) earlier ON true
      WHERE ${access} AND h.at >= ${medianSince} AND h."toStatus" IN ('REFERRED', 'ADMITTED') AND earlier.found IS NULL
        AND c."updatedAt" >= ${medianSince}`,
  };
}

type Count = Array<{ n: number }>;

type Aggregates = Pick<
  Dashboard,
  'aggregatesAt' | 'statusCounts' | 'intakesPerWeek' | 'recommendedLevels' | 'medians'
> & {
  readonly urgentTotal: number;
};

/** Per viewer (their access condition): computed at most once per AGGREGATE_TTL_MS. */
const aggregateCache = new Map<string, Aggregates>();

/**
 * Per viewer, the computation under way: requests that find the cache empty or expired while it
 * runs wait for it instead of each starting its own. Without this, every request of a busy minute's
 * first moment (10 at once in `npm run bench`) ran the four aggregate statements again, and the
 * page's p95 rose from ~230 to ~600 ms at each expiry.
 */
const aggregatesInFlight = new Map<string, Promise<Aggregates>>();

function sharedAggregates(
  viewerId: string,
  db: PrismaClient,
  sql: ReturnType<typeof dashboardSql>,
  now: Date,
): Promise<Aggregates> {
  const running = aggregatesInFlight.get(viewerId);
  if (running) return running;
  const computing = computeAggregates(db, sql, now)
    .then((aggregates) => {
      if (aggregateCache.size > 1000) aggregateCache.clear();
      aggregateCache.set(viewerId, aggregates);
      return aggregates;
    })
    .finally(() => aggregatesInFlight.delete(viewerId));
  aggregatesInFlight.set(viewerId, computing);
  return computing;
}

async function computeAggregates(
  db: PrismaClient,
  sql: ReturnType<typeof dashboardSql>,
  now: Date,
): Promise<Aggregates> {
  const [statusRows, urgentTotal, weekRows, medianRows] = await Promise.all([
    db.$queryRaw<Array<{ status: CaseStatusValue; n: number }>>(sql.statusCounts),
    db.$queryRaw<Count>(sql.urgentTotal),
    db.$queryRaw<Array<{ week: string; level: string; n: number }>>(sql.weeks),
    db.$queryRaw<
      Array<{ referral: number | null; referralCases: number; admission: number | null; admissionCases: number }>
    >(sql.medians),
  ]);
  const byStatus = new Map(statusRows.map((row) => [row.status, row.n]));
  const perWeek = new Map<string, number>();
  const perLevel = new Map<string, number>();
  for (const row of weekRows) {
    perWeek.set(row.week, (perWeek.get(row.week) ?? 0) + row.n);
    perLevel.set(row.level, (perLevel.get(row.level) ?? 0) + row.n);
  }
  const medians = medianRows[0];
  const round = (value: number | null | undefined) =>
    value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;
  return {
    aggregatesAt: now,
    statusCounts: CASE_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    urgentTotal: urgentTotal[0]?.n ?? 0,
    intakesPerWeek: fillWeeks(
      calendarDateOf(now),
      [...perWeek].map(([weekStart, count]) => ({ weekStart, count })),
    ),
    recommendedLevels: levelDistribution([...perLevel].map(([level, count]) => ({ level, count }))),
    medians: {
      toReferralDays: round(medians?.referral),
      referralCases: medians?.referralCases ?? 0,
      toAdmissionDays: round(medians?.admission),
      admissionCases: medians?.admissionCases ?? 0,
    },
  };
}

export async function loadDashboard(
  actor: CaseActor,
  options: { readonly db?: PrismaClient; readonly now?: Date; readonly fresh?: boolean } = {},
): Promise<Dashboard | null> {
  if (!can(actor.role, 'case:read')) return null;
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const sql = dashboardSql(actor, now);
  const cached = aggregateCache.get(actor.id);
  const usable =
    !options.fresh && cached !== undefined && now.getTime() - cached.aggregatesAt.getTime() < AGGREGATE_TTL_MS;
  const [aggregates, urgentRows, mineRows, mineTotal] = await Promise.all([
    // `fresh` (tests) always computes its own; otherwise a computation under way is shared.
    usable ? cached : options.fresh ? computeAggregates(db, sql, now) : sharedAggregates(actor.id, db, sql, now),
    db.$queryRaw<CaseRow[]>(sql.urgentCases),
    db.$queryRaw<CaseRow[]>(sql.mineCases),
    db.$queryRaw<Count>(sql.mineTotal),
  ]);
  if (!usable && options.fresh) {
    if (aggregateCache.size > 1000) aggregateCache.clear();
    aggregateCache.set(actor.id, aggregates);
  }
  const dashboard: Dashboard = {
    aggregatesAt: aggregates.aggregatesAt,
    statusCounts: aggregates.statusCounts,
    urgent: { cases: urgentRows.map(toCase), total: Math.max(aggregates.urgentTotal, urgentRows.length) },
    mine: { cases: mineRows.map(toCase), total: mineTotal[0]?.n ?? 0 },
    intakesPerWeek: aggregates.intakesPerWeek,
    recommendedLevels: aggregates.recommendedLevels,
    medians: aggregates.medians,
  };
  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.CASE_LIST,
      entityType: 'Case',
      outcome: 'SUCCESS',
      detail: {
        view: 'dashboard',
        urgentShown: dashboard.urgent.cases.length,
        mineShown: dashboard.mine.cases.length,
        weeks: DASHBOARD_WEEKS,
      },
    },
    { db },
  );
  return dashboard;
}
