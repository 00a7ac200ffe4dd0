// The case pages over HTTP: the production server (`next start` on the existing build) on a
// scratch database of 100,000 seeded cases, signed in as a clinician, loaded by autocannon with
// 10 connections. Goals (docs/performance.md): GET /cases p95 < 150 ms, GET /cases/<id> p95 < 100 ms.
// Needs `npm run build` first; skipped (not failed) when there is no build.
// BENCH_CASES changes the row count, BENCH_HTTP_SECONDS the measuring time per page (default 10).
import autocannon from 'autocannon';
import pg from 'pg';

import { benchSettings } from './case-list.bench';
import { percentile, type BenchResult } from './stats';
import { seedDatabase } from '../scripts/lib/seed/seed-database';
import {
  choosePort,
  cpuSeconds,
  missingBuild,
  residentMegabytes,
  signIn,
  sourceNewerThanBuild,
  startNextServer,
} from './support/next-server';
import { withScratchDatabase } from './support/scratch-database';

/** The seeded staff's password in this bench's scratch database only. */
const BENCH_PASSWORD = 'bench password, not a secret';

const CONNECTIONS = 10;
const PREFERRED_PORT = 3400;
const LIST_GOAL_P95_MS = 150;
const CASE_GOAL_P95_MS = 100;
const GOAL = `GET /cases p95 < ${LIST_GOAL_P95_MS} ms, GET /cases/<id> p95 < ${CASE_GOAL_P95_MS} ms (${CONNECTIONS} connections)`;

interface PageLoad {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly kilobytesPerResponse: number;
  /** Server CPU per response (the next start process), when /proc can tell. */
  readonly serverCpuMs: number | null;
  /** CPU per response of this process (autocannon), which shares the machine with the server. */
  readonly loadCpuMs: number;
}

/** Runs autocannon for `seconds` against `paths` (taken in turn), keeping every response time. */
function load(
  baseUrl: string,
  cookie: string,
  paths: readonly string[],
  seconds: number,
): Promise<{ timesMs: number[]; bytes: number; result: autocannon.Result }> {
  return new Promise((resolve, reject) => {
    const timesMs: number[] = [];
    let bytes = 0;
    let next = 0;
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error: unknown, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ timesMs, bytes, result }),
    );
    instance.on('response', (_client, _status, resBytes, responseTime) => {
      timesMs.push(responseTime);
      bytes += resBytes;
    });
  });
}

async function measurePage(
  baseUrl: string,
  cookie: string,
  paths: readonly string[],
  seconds: number,
  serverPid: number,
): Promise<PageLoad> {
  await load(baseUrl, cookie, paths, 2); // warm-up: route modules loaded, JIT warm, caches filled
  const cpuBefore = cpuSeconds(serverPid);
  const loadCpuBefore = process.cpuUsage();
  const { timesMs, bytes, result } = await load(baseUrl, cookie, paths, seconds);
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const cpuAfter = cpuSeconds(serverPid);
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${paths[0]}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  const responses = Math.max(1, timesMs.length);
  return {
    p50: round1(percentile(timesMs, 50)),
    p95: round1(percentile(timesMs, 95)),
    p99: round1(percentile(timesMs, 99)),
    perSecond: Math.round(timesMs.length / seconds),
    kilobytesPerResponse: Math.round(bytes / responses / 102.4) / 10,
    serverCpuMs: cpuBefore === null || cpuAfter === null ? null : round1(((cpuAfter - cpuBefore) * 1000) / responses),
    loadCpuMs: round1((loadCpu.user + loadCpu.system) / 1000 / responses),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function describePage(page: PageLoad, goalMs: number): string {
  const cpu = `${page.serverCpuMs === null ? '' : `, server CPU ${page.serverCpuMs} ms`}, autocannon CPU ${page.loadCpuMs} ms per response`;
  return `p50 ${page.p50} / p95 ${page.p95} / p99 ${page.p99} ms, ${page.perSecond} req/s, ${page.kilobytesPerResponse} KB${cpu} — ${page.p95 < goalMs ? 'MET' : 'MISS'} (p95 < ${goalMs} ms)`;
}

/** The page really is the signed-in page it should be (not the sign-in redirect or an error page). */
async function checkPage(baseUrl: string, cookie: string, path: string, expected: string): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(expected))
    throw new Error(`GET ${path} answered ${response.status} without "${expected}"`);
}

export async function benchHttp(): Promise<BenchResult> {
  const name = `case pages over HTTP: next start, autocannon, ${CONNECTIONS} connections`;
  const noBuild = missingBuild(['/cases', '/cases/[id]', '/api/auth/[...nextauth]']);
  if (noBuild) return { name, measurements: {}, goal: GOAL, met: true, skipped: noBuild };
  const staleSource = sourceNewerThanBuild();
  const settings = benchSettings();
  const seconds = Number(process.env.BENCH_HTTP_SECONDS || 10);

  return withScratchDatabase('http', async (database) => {
    const seed = await seedDatabase(database.url, { cases: settings.cases, staffPassword: BENCH_PASSWORD });
    // A supervisor sees every case (need-to-know, lib/cases/access.ts): the sampled cases below
    // are any of the 100,000, and a clinician would get "not found" for most of them.
    const clinician = seed.staff.find((member) => member.role === 'SUPERVISOR');
    if (!clinician) throw new Error('the seed made no supervisor');
    const sample = await sampleCases(database.url);

    const server = await startNextServer({ port: await choosePort(PREFERRED_PORT), databaseUrl: database.url });
    try {
      const cookie = await signIn(server.baseUrl, clinician.email, BENCH_PASSWORD);
      await checkPage(server.baseUrl, cookie, '/cases', '>Cases</h1>');
      const plain = sample.find((row) => /^[A-Za-z]+$/.test(row.lastName)) ?? sample[0]!;
      await checkPage(server.baseUrl, cookie, `/cases/${plain.id}`, plain.lastName);
      const rssBefore = residentMegabytes(server.pid);

      const list = await measurePage(server.baseUrl, cookie, ['/cases'], seconds, server.pid);
      const detail = await measurePage(
        server.baseUrl,
        cookie,
        sample.map((row) => `/cases/${row.id}`),
        seconds,
        server.pid,
      );
      const rssAfter = residentMegabytes(server.pid);
      return {
        name: `${name}, ${seed.cases.toLocaleString('en-US')} cases`,
        measurements: {
          ...(staleSource
            ? {
                'WARNING stale build': `${staleSource} changed after .next was built; run \`npm run build\` for numbers of the current code`,
              }
            : {}),
          server: `${server.baseUrl} (next start, NODE_ENV=production)`,
          'GET /cases': describePage(list, LIST_GOAL_P95_MS),
          'GET /cases/<id>': describePage(detail, CASE_GOAL_P95_MS),
          'server RSS (MB)': rssBefore === null || rssAfter === null ? 'n/a' : `${rssBefore} before, ${rssAfter} after`,
        },
        goal: GOAL,
        met: list.p95 < LIST_GOAL_P95_MS && detail.p95 < CASE_GOAL_P95_MS,
      };
    } catch (error) {
      console.error(`next start output (last lines):\n${server.output()}`);
      throw error;
    } finally {
      await server.stop();
    }
  });
}

async function sampleCases(databaseUrl: string): Promise<Array<{ id: string; lastName: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; lastName: string }>(
      `SELECT id::text, "patientLastName" AS "lastName" FROM "Case" ORDER BY random() LIMIT 1000`,
    );
    return rows;
  } finally {
    await client.end();
  }
}
