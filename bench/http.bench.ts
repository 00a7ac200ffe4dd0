// The pages over HTTP (issue 10): the production server on the existing build (`npm run serve`,
// one worker per core, as `npm start` runs it; a single `next start` with BENCH_SERVER=next) on a scratch database of 100,000 seeded cases, signed in
// as a SUPERVISOR (who sees every case, so any sampled case opens), loaded by autocannon at 10
// connections and at 1. Each page is measured next to its floor in the same run, with the same
// autocannon settings: the same paths on a bare Node server (support/floor-server.ts: pg and
// renderToString, no Next, no auth, no audit), so each row gives page p95 / floor p95.
// Pages: GET /cases sorted by each key, with several filters and with a name search (the words
// travel in the search cookie, never the URL, as the app keeps them), GET /cases/<id> over sampled
// cases, GET /dashboard.
// Goals (issue 10, docs/performance.md): /cases p95 ≤ 60 ms and ≥ 200/s, /cases/<id> p95 ≤ 25 ms,
// /dashboard p95 ≤ 60 ms at 10 connections; /cases p95 ≤ 15 ms, /cases/<id> ≤ 8 ms at 1.
// Needs `npm run build` first; skipped (not failed) when there is no build.
// BENCH_CASES changes the row count, BENCH_HTTP_SECONDS the measured seconds per page, server
// and connection count (default 3), BENCH_HTTP_WARMUP_SECONDS the seconds each server is loaded
// with each page in the warm-up round before anything is measured (default 1.5, at 10
// connections), BENCH_HTTP_PAGES a comma-separated subset of the page ids below.
import autocannon from 'autocannon';
import pg from 'pg';

import { benchSettings } from './case-list.bench';
import { latencyGoal, measurement, round1, type BenchResult, type Goal, type Measurement } from './stats';
import { startFloorServer } from './support/floor';
import {
  benchServerKind,
  choosePort,
  cpuSeconds,
  describeServerKind,
  missingBuild,
  residentMegabytes,
  signIn,
  sourceNewerThanBuild,
  startNextServer,
  type RunningServer,
} from './support/next-server';
import { BENCH_PASSWORD, seededStaff, withSeededDatabase } from './support/seeded-database';

const PREFERRED_PORT = 3400;
const PREFERRED_FLOOR_PORT = 3420;
const SEARCH_COOKIE = 'intake.case-search';

const GOALS = {
  list: { 10: latencyGoal('p95', 60, { minThroughput: 200 }), 1: latencyGoal('p95', 15) },
  case: { 10: latencyGoal('p95', 25), 1: latencyGoal('p95', 8) },
  // Issue 10 sets no single-user goal for the dashboard: the 10-connection one is kept at 1.
  dashboard: { 10: latencyGoal('p95', 60), 1: latencyGoal('p95', 60) },
} as const satisfies Record<string, Record<1 | 10, Goal>>;

interface PageSpec {
  /** "GET /cases?sort=name" — the measurement id is "http <id> @<connections>". */
  readonly id: string;
  readonly kind: keyof typeof GOALS;
  readonly paths: readonly string[];
  /** Search words, one per request in turn (sent in the search cookie). */
  readonly searches?: readonly string[];
  /** Text the signed-in page must contain (checked once before loading). */
  readonly expected: string;
}

interface Load {
  readonly timesMs: number[];
  readonly bytes: number;
  readonly seconds: number;
  readonly serverCpuSeconds: number | null;
  readonly loadCpuMs: number;
}

interface Side {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly throughput: number;
  readonly response_kb: number;
  readonly server_cpu_ms: number | null;
  /** CPU per response of this process (autocannon), which shares the machine with the servers. */
  readonly load_cpu_ms: number;
  readonly responses: number;
}

function httpSettings() {
  const seconds = Number(process.env.BENCH_HTTP_SECONDS || 3);
  const warmup = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 1.5);
  if (!(seconds > 0))
    throw new Error(`BENCH_HTTP_SECONDS must be a positive number, got "${process.env.BENCH_HTTP_SECONDS}"`);
  if (!(warmup >= 0))
    throw new Error(
      `BENCH_HTTP_WARMUP_SECONDS must be a number of seconds ≥ 0, got "${process.env.BENCH_HTTP_WARMUP_SECONDS}"`,
    );
  const pages = (process.env.BENCH_HTTP_PAGES ?? '')
    .split(',')
    .map((page) => page.trim())
    .filter(Boolean);
  return { seconds, warmup, pages };
}

const searchCookie = (staffId: string, words: string) =>
  `${SEARCH_COOKIE}=${encodeURIComponent(JSON.stringify({ staffId, q: words }))}`;

/**
 * Runs autocannon for `limit.seconds` (or until `limit.requests` responses) over the page's paths
 * (and searches) in turn, keeping every response time.
 */
function load(
  server: RunningServer,
  page: PageSpec,
  session: string,
  staffId: string,
  connections: number,
  limit: { readonly seconds: number } | { readonly requests: number },
): Promise<Load> {
  return new Promise((resolve, reject) => {
    const timesMs: number[] = [];
    let bytes = 0;
    let next = 0;
    const cpuBefore = cpuSeconds(server.pid);
    const loadCpuBefore = process.cpuUsage();
    const started = performance.now();
    const instance = autocannon(
      {
        url: server.baseUrl,
        connections,
        ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.requests }),
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const n = next++;
              const words = page.searches?.[n % page.searches.length];
              return {
                ...request,
                path: page.paths[n % page.paths.length]!,
                headers: {
                  ...request.headers,
                  cookie: words ? `${session}; ${searchCookie(staffId, words)}` : session,
                },
              };
            },
          },
        ],
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const cpuAfter = cpuSeconds(server.pid);
        const loadCpu = process.cpuUsage(loadCpuBefore);
        if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0)
          return reject(
            new Error(
              `${page.id} on ${server.baseUrl}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
            ),
          );
        resolve({
          timesMs,
          bytes,
          seconds: 'seconds' in limit ? limit.seconds : (performance.now() - started) / 1000,
          serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
          loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
        });
      },
    );
    instance.on('response', (_client, _status, resBytes, responseTime) => {
      timesMs.push(responseTime);
      bytes += resBytes;
    });
  });
}

function summarise(run: Load): Side {
  const responses = Math.max(1, run.timesMs.length);
  const sorted = [...run.timesMs].sort((a, b) => a - b);
  const at = (p: number) =>
    round1(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN);
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    throughput: Math.round(run.timesMs.length / run.seconds),
    response_kb: Math.round(run.bytes / responses / 102.4) / 10,
    server_cpu_ms: run.serverCpuSeconds === null ? null : round1((run.serverCpuSeconds * 1000) / responses),
    load_cpu_ms: round1(run.loadCpuMs / responses),
    responses: run.timesMs.length,
  };
}

/** The page really is the page it should be (not the sign-in redirect or an error page). */
async function checkPage(server: RunningServer, page: PageSpec, session: string, staffId: string): Promise<void> {
  const words = page.searches?.[0];
  const path = page.paths[0]!;
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { cookie: words ? `${session}; ${searchCookie(staffId, words)}` : session },
    redirect: 'manual',
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(page.expected))
    throw new Error(`GET ${path} on ${server.baseUrl} answered ${response.status} without "${page.expected}"`);
}

async function sampleCases(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; lastName: string; lastNameKey: string }>(
      `SELECT id::text, "patientLastName" AS "lastName", "patientLastNameKey" AS "lastNameKey" FROM "Case" ORDER BY random() LIMIT 1000`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

function pageSpecs(sample: ReadonlyArray<{ id: string; lastName: string; lastNameKey: string }>): PageSpec[] {
  const list = (query: string): PageSpec => ({
    id: `GET /cases${query ? `?${query}` : ''}`,
    kind: 'list',
    paths: [`/cases${query ? `?${query}` : ''}`],
    expected: '>Cases</h1>',
  });
  const plain = sample.find((row) => /^[A-Za-z]+$/.test(row.lastName)) ?? sample[0]!;
  // Part of a last name (4 letters from the second on), as the case-list bench searches.
  const searches = sample
    .filter((row) => row.lastNameKey.length >= 5)
    .slice(0, 200)
    .map((row) => row.lastNameKey.slice(1, 5));
  return [
    list(''), // intake date, newest first (the default)
    list('sort=updated'),
    list('sort=name'),
    list('sort=level'),
    list('sort=status'),
    list('status=NEW,IN_REVIEW'),
    list('level=3.7'),
    list('urgent=1'),
    list('assigned=none'),
    { ...list(''), id: 'GET /cases name search', searches, expected: 'matching the search' },
    {
      id: 'GET /cases/<id>',
      kind: 'case',
      // The page checked first shows a plain name (no HTML escaping to match).
      paths: [plain, ...sample.filter((row) => row !== plain)].map((row) => `/cases/${row.id}`),
      expected: plain.lastName,
    },
    { id: 'GET /dashboard', kind: 'dashboard', paths: ['/dashboard'], expected: 'Cases by status' },
  ];
}

export async function benchHttp(): Promise<BenchResult> {
  const serverKind = benchServerKind();
  const name = `pages over HTTP: ${describeServerKind(serverKind)} vs the floor, autocannon at 10 and 1 connections`;
  const noBuild = missingBuild(['/cases', '/cases/[id]', '/dashboard', '/api/auth/[...nextauth]']);
  if (noBuild) return { name, measurements: [], skipped: noBuild };
  const staleSource = sourceNewerThanBuild();
  const settings = benchSettings();
  const http = httpSettings();

  return withSeededDatabase('http', { cases: settings.cases }, async (database, seed, seededBy) => {
    // A supervisor sees every case (need-to-know, lib/cases/access.ts): the sampled cases are any
    // of the 100,000, and a clinician would get "not found" for most of them.
    const supervisor = seededStaff(seed, 'SUPERVISOR');
    const sample = await sampleCases(database.url);
    const all = pageSpecs(sample);
    const unknown = http.pages.filter((id) => !all.some((page) => page.id === id));
    if (unknown.length > 0)
      throw new Error(
        `BENCH_HTTP_PAGES names no page "${unknown.join('", "')}"; the pages: ${all.map((page) => page.id).join(', ')}`,
      );
    const pages = http.pages.length > 0 ? all.filter((page) => http.pages.includes(page.id)) : all;

    const app = await startNextServer({
      port: await choosePort(PREFERRED_PORT),
      databaseUrl: database.url,
      kind: serverKind,
    });
    let floor: RunningServer | null = null;
    try {
      floor = await startFloorServer({
        port: await choosePort(PREFERRED_FLOOR_PORT),
        databaseUrl: database.url,
        staffId: supervisor.id,
      });
      const session = await signIn(app.baseUrl, supervisor.email, BENCH_PASSWORD);
      for (const page of pages) {
        await checkPage(app, page, session, supervisor.id);
        // The floor's markup is its own: it must answer 200 with the same rows' names for a case.
        await checkPage(
          floor,
          { ...page, expected: page.kind === 'case' ? page.expected : '</html>' },
          '',
          supervisor.id,
        );
      }
      // The warm-up round, before anything is measured: every page on both servers, so what is
      // measured is a server in its steady state (route modules loaded, JIT-compiled, caches
      // filled), as staff meet it hours after a start. Measured on one worker (2026-12-06): the
      // first 50 list pages cost 29 ms of CPU each, pages 150–250 19 ms, after 1,300 pages 14 ms;
      // 50 requests per page before its own measurement left the first pages measured cold.
      if (http.warmup > 0)
        for (const page of pages)
          for (const server of [floor, app])
            await load(server, page, session, supervisor.id, 10, { seconds: http.warmup });
      const rssBefore = residentMegabytes(app.pid);

      const measurements: Measurement[] = [];
      for (const page of pages) {
        for (const connections of [10, 1] as const) {
          const sides: Record<'page' | 'floor', Side> = {} as Record<'page' | 'floor', Side>;
          for (const [side, server] of [
            ['floor', floor],
            ['page', app],
          ] as const) {
            sides[side] = summarise(
              await load(server, page, session, supervisor.id, connections, { seconds: http.seconds }),
            );
          }
          const { page: real, floor: bare } = sides;
          const row = measurement(
            `http ${page.id} @${connections}`,
            {
              p50: real.p50,
              p95: real.p95,
              p99: real.p99,
              throughput: real.throughput,
              floor_p95: bare.p95,
              ratio: Math.round((real.p95 / Math.max(0.1, bare.p95)) * 100) / 100,
              response_kb: real.response_kb,
              server_cpu_ms: real.server_cpu_ms,
              details: {
                connections,
                paths: page.paths.length,
                searches: page.searches?.length ?? 0,
                responses: real.responses,
                autocannon_cpu_ms: real.load_cpu_ms,
                floor: bare,
              },
            },
            GOALS[page.kind][connections],
          );
          measurements.push(row);
          console.log(
            `      ${row.met ? 'MET ' : 'MISS'} ${row.id.padEnd(40)} p95 ${String(real.p95).padStart(6)} ms  floor ${String(bare.p95).padStart(6)} ms  ×${row.ratio}  ${real.throughput}/s`,
          );
        }
      }
      const rssAfter = residentMegabytes(app.pid);
      return {
        name: `${name}, ${seed.cases.toLocaleString('en-US')} cases`,
        measurements,
        notes: {
          ...(staleSource
            ? {
                'WARNING stale build': `${staleSource} changed after .next was built; run \`npm run build\` for numbers of the current code`,
              }
            : {}),
          server: `${app.baseUrl} (${describeServerKind(serverKind)}, NODE_ENV=production), signed in as a supervisor (sees every case)`,
          floor: `${floor.baseUrl} (bare node:http + pg + renderToString; no Next, no auth, no audit)`,
          'seconds per page, server and connection count': http.seconds,
          'warm-up seconds (each page, each server, 10 connections, before anything is measured)': http.warmup,
          'server RSS (MB, process tree)':
            rssBefore === null || rssAfter === null ? 'n/a' : `${rssBefore} before, ${rssAfter} after`,
          'seed time (s)': seededBy
            ? `${seed.seconds} (database shared with ${seededBy}, which seeded it)`
            : seed.seconds,
        },
      };
    } catch (error) {
      console.error(`${describeServerKind(serverKind)} output (last lines):\n${app.output()}`);
      if (floor) console.error(`floor server output (last lines):\n${floor.output()}`);
      throw error;
    } finally {
      await floor?.stop();
      await app.stop();
    }
  });
}
