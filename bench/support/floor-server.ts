// The floor for the HTTP bench (issue 10 item 5): the pages the http bench loads, served by a
// bare Node `http` server — no Next, no proxy, no sign-in, no session check, no audit write — that
// fetches each page's data with hand-written SQL through `pg` (the same database, a pool of 10 as
// the app's default DATABASE_POOL_SIZE) and renders a plain React element tree with
// react-dom/server's renderToString. What the real page costs above this is what Next, the auth
// and the app's own code add.
//   GET /cases            first keyset page of 50 (+1 to know there is a next page) and the capped
//                         count in one statement, with the URL's sort and filters (the app's
//                         parseCaseListParams) and the name search from the same cookie the app reads:
//                         the very statement the app sends (floor-list-sql.ts)
//   GET /cases/<id>       the case with its creator, assignee, overrides, notes (with authors),
//                         status history and assessments, in one statement
//   GET /dashboard        status counts, urgent total, intakes per week and medians (kept 60 s, as
//                         the app keeps them), the urgent queue and "my cases" live
// Every case is visible (the bench signs the real app in as a supervisor, who sees all cases), so
// there is no access condition. A page cursor in the URL is ignored (the bench loads first pages).
//
// Run as its own process, without the react-server condition (react-dom/server refuses to load
// under it): `node --import tsx bench/support/floor-server.ts` with FLOOR_PORT,
// FLOOR_DATABASE_URL and FLOOR_STAFF_ID (whose "my cases" the dashboard shows).
// startFloorServer (floor.ts) does that for the bench.
import http from 'node:http';

import pg from 'pg';
import { createElement as h, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';

import { parseCaseListParams } from '@/lib/cases/list/params';
import { parseCaseSearch } from '@/lib/cases/search-key';
import { CASE_STATUS_LABELS, type CaseStatusValue } from '@/lib/cases/status';
import { OPEN_STATUSES, weekStarts } from '@/lib/dashboard/summary';
import { calendarDateOf, formatCalendarDate, formatDateTime, PROGRAM_TIME_ZONE } from '@/lib/format/date-time';

import { COUNT_CAP, listStatement, PAGE_SIZE } from './floor-list-sql';

const QUEUE_SIZE = 10;
const AGGREGATE_TTL_MS = 60_000;
const MEDIAN_WINDOW_DAYS = 90;
const SEARCH_COOKIE = 'intake.case-search';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ListRow {
  id: string | null;
  createdAt: Date;
  updatedAt: Date;
  status: CaseStatusValue;
  patientFirstName: string;
  patientLastName: string;
  patientDateOfBirth: Date;
  patientMrn: string | null;
  computedLevel: string;
  computedWm: string;
  finalLevel: string;
  finalWm: string;
  flags: string[];
  assignedToName: string | null;
  totalCapped: number;
}

function searchOf(cookieHeader: string | undefined): string {
  for (const pair of (cookieHeader ?? '').split(/;\s*/)) {
    if (!pair.startsWith(`${SEARCH_COOKIE}=`)) continue;
    try {
      const parsed = JSON.parse(decodeURIComponent(pair.slice(SEARCH_COOKIE.length + 1))) as { q?: unknown };
      return typeof parsed.q === 'string' ? parsed.q : '';
    } catch {
      return '';
    }
  }
  return '';
}

function page(title: string, ...body: ReactNode[]): string {
  const tree = h(
    'html',
    { lang: 'en' },
    h('head', null, h('meta', { charSet: 'utf-8' }), h('title', null, title)),
    h('body', null, h('main', null, ...body)),
  );
  return `<!DOCTYPE html>${renderToString(tree)}`;
}

const dateOnly = (value: Date) => formatCalendarDate(value.toISOString().slice(0, 10));
const time = (value: Date) => h('time', { dateTime: value.toISOString() }, formatDateTime(value));

async function casesPage(pool: pg.Pool, url: URL, cookie: string | undefined, staffId: string): Promise<string> {
  const state = parseCaseListParams(url.searchParams);
  const terms = parseCaseSearch(searchOf(cookie));
  const { rows } = await pool.query<ListRow>(listStatement(state, terms, staffId));
  const cases = rows.filter((row) => row.id !== null).slice(0, PAGE_SIZE);
  const total = Number(rows[0]?.totalCapped ?? 0);
  const headers = [
    'Patient',
    'Date of birth',
    'MRN',
    'Flags',
    'Level',
    'Status',
    'Assigned to',
    'Intake',
    'Last update',
  ];
  return page(
    'Cases',
    h('h1', null, 'Cases'),
    h(
      'p',
      { role: 'status' },
      total > COUNT_CAP ? `More than ${COUNT_CAP} cases` : `${total} cases`,
      terms.length > 0 ? ' matching the search' : '',
    ),
    h(
      'table',
      null,
      h('thead', null, h('tr', null, ...headers.map((label) => h('th', { key: label, scope: 'col' }, label)))),
      h(
        'tbody',
        null,
        ...cases.map((row) =>
          h(
            'tr',
            { key: row.id },
            h('td', null, h('a', { href: `/cases/${row.id}` }, `${row.patientLastName}, ${row.patientFirstName}`)),
            h('td', null, dateOnly(row.patientDateOfBirth)),
            h('td', null, row.patientMrn ?? '—'),
            h('td', null, row.flags.join(', ')),
            h(
              'td',
              null,
              `${row.finalLevel} · ${row.finalWm}`,
              row.finalLevel !== row.computedLevel || row.finalWm !== row.computedWm ? ' (overridden)' : '',
            ),
            h('td', null, CASE_STATUS_LABELS[row.status]),
            h('td', null, row.assignedToName ?? 'Unassigned'),
            h('td', null, time(row.createdAt)),
            h('td', null, time(row.updatedAt)),
          ),
        ),
      ),
    ),
    rows.length > PAGE_SIZE
      ? h('nav', { 'aria-label': 'Pages' }, h('a', { href: '/cases', rel: 'next' }, 'Next page →'))
      : null,
  );
}

const CASE_STATEMENT = `SELECT c.id, c."createdAt", c.status, c.version, c.intake, c."instrumentItems", c.recommendation,
    c."rulesVersion", c."computedLevel", c."computedWm", c."finalLevel", c."finalWm",
    cb."displayName" AS "createdByName", a."displayName" AS "assignedToName",
    (SELECT coalesce(json_agg(json_build_object('at', o.at, 'by', ob."displayName", 'previousLevel', o."previousLevel",
        'previousWm', o."previousWm", 'level', o.level, 'wm', o.wm, 'reason', o.reason) ORDER BY o.at DESC), '[]')
       FROM "CaseOverride" o JOIN "StaffUser" ob ON ob.id = o."byId" WHERE o."caseId" = c.id) AS overrides,
    (SELECT coalesce(json_agg(json_build_object('at', n."createdAt", 'by', nb."displayName", 'body', n.body) ORDER BY n."createdAt"), '[]')
       FROM "CaseNote" n JOIN "StaffUser" nb ON nb.id = n."authorId" WHERE n."caseId" = c.id) AS notes,
    (SELECT coalesce(json_agg(json_build_object('at', h.at, 'by', hb."displayName", 'from', h."fromStatus", 'to', h."toStatus",
        'reason', h.reason) ORDER BY h.at DESC, h.id DESC), '[]')
       FROM "CaseStatusChange" h JOIN "StaffUser" hb ON hb.id = h."byId" WHERE h."caseId" = c.id) AS "statusHistory",
    (SELECT coalesce(json_agg(json_build_object('sequence', s.sequence, 'at', s.at, 'by', sb."displayName",
        'computedLevel', s."computedLevel", 'finalLevel', s."finalLevel", 'rulesVersion', s."rulesVersion") ORDER BY s.sequence DESC), '[]')
       FROM "CaseAssessment" s JOIN "StaffUser" sb ON sb.id = s."byId" WHERE s."caseId" = c.id) AS assessments
  FROM "Case" c JOIN "StaffUser" cb ON cb.id = c."createdById" LEFT JOIN "StaffUser" a ON a.id = c."assignedToId"
  WHERE c.id = $1`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Entry = Record<string, string | number | null>;

/** Every answered leaf of the intake as a label (its path) and a value. */
function answers(value: Json, prefix: string, out: Array<[string, string]>): Array<[string, string]> {
  if (value === null || value === '') return out;
  if (Array.isArray(value)) value.forEach((item, i) => answers(item, `${prefix}[${i + 1}]`, out));
  else if (typeof value === 'object')
    for (const [key, item] of Object.entries(value)) answers(item, prefix ? `${prefix}.${key}` : key, out);
  else out.push([prefix, String(value)]);
  return out;
}

const at = (value: string | number | null | undefined) => formatDateTime(new Date(String(value)));

async function casePage(pool: pg.Pool, id: string): Promise<string | null> {
  if (!UUID.test(id)) return null;
  const row = (await pool.query<Record<string, Json> & { createdAt: Date }>(CASE_STATEMENT, [id])).rows[0];
  if (!row) return null;
  const intake = row.intake as { patient?: Record<string, Json> } & Record<string, Json>;
  const patient = intake.patient ?? {};
  const recommendation = row.recommendation as {
    dimensions?: Record<string, number>;
    services?: string[];
    flags?: string[];
    rationale?: Array<{ dimension: string; rule: string; because: string }>;
  };
  const list = (title: string, entries: Entry[], line: (entry: Entry) => string) =>
    h(
      'section',
      null,
      h('h2', null, title),
      entries.length === 0
        ? h('p', null, 'None.')
        : h('ol', null, ...entries.map((entry, i) => h('li', { key: i }, line(entry)))),
    );
  return page(
    'Case',
    h('p', null, h('a', { href: '/cases' }, '← All cases')),
    h('h1', null, `${String(patient.lastName)}, ${String(patient.firstName)}`),
    h(
      'dl',
      null,
      ...(
        [
          ['Status', CASE_STATUS_LABELS[row.status as CaseStatusValue]],
          ['Date of birth', formatCalendarDate(String(patient.dateOfBirth))],
          ['MRN', String(patient.mrn ?? '—')],
          ['Intake', formatDateTime(row.createdAt)],
          ['Recorded by', String(row.createdByName)],
          ['Assigned to', String(row.assignedToName ?? 'Unassigned')],
          ['Computed level', `${String(row.computedLevel)} · ${String(row.computedWm)}`],
          ['Final level', `${String(row.finalLevel)} · ${String(row.finalWm)}`],
          ['Rules', String(row.rulesVersion)],
        ] as const
      ).flatMap(([term, value]) => [h('dt', { key: `t${term}` }, term), h('dd', { key: `d${term}` }, value)]),
    ),
    h(
      'section',
      null,
      h('h2', null, 'Recommendation'),
      h(
        'ul',
        null,
        ...Object.entries(recommendation.dimensions ?? {}).map(([dimension, rating]) =>
          h('li', { key: dimension }, `${dimension}: ${rating}`),
        ),
      ),
      h('p', null, `Services: ${(recommendation.services ?? []).join(', ')}`),
      h('p', null, `Flags: ${(recommendation.flags ?? []).join(', ')}`),
      h(
        'ol',
        null,
        ...(recommendation.rationale ?? []).map((reason, i) =>
          h('li', { key: i }, `${reason.dimension} — ${reason.rule}: ${reason.because}`),
        ),
      ),
    ),
    h(
      'section',
      null,
      h('h2', null, 'Intake'),
      h(
        'dl',
        null,
        ...answers(row.intake ?? null, '', []).flatMap(([label, value]) => [
          h('dt', { key: `t${label}` }, label),
          h('dd', { key: `d${label}` }, value),
        ]),
      ),
    ),
    list(
      'Level-of-care changes',
      row.overrides as Entry[],
      (o) => `${at(o.at)} ${o.by}: ${o.previousLevel} · ${o.previousWm} → ${o.level} · ${o.wm} — ${o.reason}`,
    ),
    list('Notes', row.notes as Entry[], (n) => `${at(n.at)} ${n.by}: ${n.body}`),
    list(
      'Status history',
      row.statusHistory as Entry[],
      (s) => `${at(s.at)} ${s.by}: ${s.from} → ${s.to}${s.reason ? ` (${s.reason})` : ''}`,
    ),
    list(
      'Assessments',
      row.assessments as Entry[],
      (s) => `#${s.sequence} ${at(s.at)} ${s.by}: ${s.computedLevel} → ${s.finalLevel} (${s.rulesVersion})`,
    ),
  );
}

interface Aggregates {
  at: Date;
  statusCounts: Array<{ status: CaseStatusValue; n: number }>;
  urgentTotal: number;
  weeks: Array<{ week: string; level: string; n: number }>;
  medians: { referral: number | null; referralCases: number; admission: number | null; admissionCases: number };
}

let aggregates: Aggregates | null = null;

async function computeAggregates(pool: pg.Pool, now: Date): Promise<Aggregates> {
  const tz = PROGRAM_TIME_ZONE;
  const open = [...OPEN_STATUSES];
  const firstWeek = weekStarts(calendarDateOf(now))[0]!;
  const since = new Date(now.getTime() - MEDIAN_WINDOW_DAYS * 86_400_000);
  const [statusCounts, urgentTotal, weeks, medians] = await Promise.all([
    pool.query(`SELECT c.status, count(*)::int AS n FROM "Case" c GROUP BY c.status`),
    pool.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE c.status = ANY($1::"CaseStatus"[]) AND c.urgent LIMIT ${COUNT_CAP + 1}) AS capped`,
      [open],
    ),
    pool.query(
      `SELECT to_char(date_trunc('week', c."createdAt" AT TIME ZONE $1), 'YYYY-MM-DD') AS week, c."computedLevel" AS level, count(*)::int AS n
        FROM "Case" c WHERE c."createdAt" >= ($2::date::timestamp AT TIME ZONE $1) GROUP BY 1, 2`,
      [tz, firstWeek],
    ),
    pool.query(
      `SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.at - c."createdAt") / 86400) FILTER (WHERE h."toStatus" = 'REFERRED') AS referral,
        count(*) FILTER (WHERE h."toStatus" = 'REFERRED')::int AS "referralCases",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.at - c."createdAt") / 86400) FILTER (WHERE h."toStatus" = 'ADMITTED') AS admission,
        count(*) FILTER (WHERE h."toStatus" = 'ADMITTED')::int AS "admissionCases"
      FROM "CaseStatusChange" h JOIN "Case" c ON c.id = h."caseId"
      LEFT JOIN LATERAL (SELECT true AS found FROM "CaseStatusChange" e
                         WHERE e."caseId" = h."caseId" AND e.at < h.at AND e."toStatus" = h."toStatus" LIMIT 1) earlier ON true
      WHERE h.at >= $1 AND h."toStatus" IN ('REFERRED', 'ADMITTED') AND earlier.found IS NULL AND c."updatedAt" >= $1`,
      [since],
    ),
  ]);
  return {
    at: now,
    statusCounts: statusCounts.rows,
    urgentTotal: urgentTotal.rows[0]?.n ?? 0,
    weeks: weeks.rows,
    medians: medians.rows[0],
  };
}

interface QueueRow {
  id: string;
  patientFirstName: string;
  patientLastName: string;
  createdAt: Date;
  status: CaseStatusValue;
  finalLevel: string;
  flags: string[];
}

const QUEUE_COLUMNS = `c.id, c."patientFirstName", c."patientLastName", c."createdAt", c.status, c."finalLevel", c.flags`;

async function dashboardPage(pool: pg.Pool, staffId: string): Promise<string> {
  const now = new Date();
  const open = [...OPEN_STATUSES];
  const usable = aggregates !== null && now.getTime() - aggregates.at.getTime() < AGGREGATE_TTL_MS;
  const [totals, urgent, mine, mineTotal] = await Promise.all([
    usable && aggregates ? aggregates : computeAggregates(pool, now),
    pool.query<QueueRow>(
      `SELECT ${QUEUE_COLUMNS} FROM "Case" c WHERE c.status = ANY($1::"CaseStatus"[]) AND c.urgent ORDER BY c."createdAt" ASC, c.id ASC LIMIT ${QUEUE_SIZE}`,
      [open],
    ),
    pool.query<QueueRow>(
      `SELECT ${QUEUE_COLUMNS} FROM "Case" c WHERE c.status = ANY($1::"CaseStatus"[]) AND c."assignedToId" = $2::uuid ORDER BY c."createdAt" ASC, c.id ASC LIMIT ${QUEUE_SIZE}`,
      [open, staffId],
    ),
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE c.status = ANY($1::"CaseStatus"[]) AND c."assignedToId" = $2::uuid LIMIT ${COUNT_CAP + 1}) AS capped`,
      [open, staffId],
    ),
  ]);
  aggregates = totals;
  const perWeek = new Map<string, number>();
  const perLevel = new Map<string, number>();
  for (const row of totals.weeks) {
    perWeek.set(row.week, (perWeek.get(row.week) ?? 0) + row.n);
    perLevel.set(row.level, (perLevel.get(row.level) ?? 0) + row.n);
  }
  const queue = (title: string, rows: QueueRow[], total: number) =>
    h(
      'section',
      null,
      h('h2', null, `${title} (${total})`),
      h(
        'ul',
        null,
        ...rows.map((row) =>
          h(
            'li',
            { key: row.id },
            h('a', { href: `/cases/${row.id}` }, `${row.patientLastName}, ${row.patientFirstName}`),
            ` ${formatDateTime(row.createdAt)} · ${CASE_STATUS_LABELS[row.status]} · ${row.finalLevel} · ${row.flags.join(', ')}`,
          ),
        ),
      ),
    );
  const median = (days: number | null) => (days === null ? '—' : `${Math.round(Number(days) * 10) / 10} days`);
  return page(
    'Dashboard',
    h('h1', null, 'Dashboard'),
    h(
      'section',
      null,
      h('h2', null, 'Cases by status'),
      h('p', null, 'As of ', time(totals.at)),
      h(
        'ul',
        null,
        ...totals.statusCounts.map((row) =>
          h(
            'li',
            { key: row.status },
            h('a', { href: `/cases?status=${row.status}` }, `${row.n} ${CASE_STATUS_LABELS[row.status]}`),
          ),
        ),
      ),
    ),
    queue('Urgent', urgent.rows, Math.max(totals.urgentTotal, urgent.rows.length)),
    queue('My cases', mine.rows, mineTotal.rows[0]?.n ?? 0),
    h(
      'section',
      null,
      h('h2', null, 'Intakes per week'),
      h('ul', null, ...[...perWeek].sort().map(([week, n]) => h('li', { key: week }, `${week}: ${n}`))),
      h('h2', null, 'Recommended levels'),
      h('ul', null, ...[...perLevel].sort().map(([level, n]) => h('li', { key: level }, `${level}: ${n}`))),
      h(
        'p',
        null,
        `Median to referral ${median(totals.medians.referral)} (${totals.medians.referralCases} cases), to admission ${median(totals.medians.admission)} (${totals.medians.admissionCases} cases)`,
      ),
    ),
  );
}

function main(): void {
  const port = Number(process.env.FLOOR_PORT);
  const connectionString = process.env.FLOOR_DATABASE_URL;
  const staffId = process.env.FLOOR_STAFF_ID ?? '';
  if (!Number.isInteger(port) || !connectionString || !UUID.test(staffId))
    throw new Error('floor-server needs FLOOR_PORT, FLOOR_DATABASE_URL and FLOOR_STAFF_ID');
  const pool = new pg.Pool({ connectionString, max: 10 });
  const send = (response: http.ServerResponse, status: number, body: string) => {
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://floor');
    const answer = async (): Promise<[number, string]> => {
      if (request.method !== 'GET') return [405, 'Method not allowed'];
      if (url.pathname === '/health') return [200, 'ok'];
      if (url.pathname === '/cases') return [200, await casesPage(pool, url, request.headers.cookie, staffId)];
      if (url.pathname === '/dashboard') return [200, await dashboardPage(pool, staffId)];
      const caseId = /^\/cases\/([^/]+)$/.exec(url.pathname)?.[1];
      if (caseId) {
        const html = await casePage(pool, caseId);
        return html === null ? [404, 'Not found'] : [200, html];
      }
      return [404, 'Not found'];
    };
    answer().then(
      ([status, body]) => send(response, status, body),
      (error: unknown) => {
        console.error(error);
        send(response, 500, 'Server error');
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => console.log(`floor listening on http://127.0.0.1:${port}`));
  const close = () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

main();
