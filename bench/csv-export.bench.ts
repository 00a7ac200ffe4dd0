// The case-list CSV over HTTP (issue 11 item 5): `next start` on the existing build, a scratch
// database of 100,000 seeded cases (BENCH_CASES), signed in as the seed's supervisor.
//
// What it measures, on a WARM server:
// 1. Warm-up (not measured against the goal, printed for information): one whole export read to
//    the end right after start, so the route's code is compiled, the pool's connections are open
//    and V8's heap has grown to its working size — as on a server that has been up for a while.
// 2. Then MEASURED_RUNS whole downloads, 1 s apart, each read to the end as fast as the client
//    can: its total time, and the server's resident memory (RSS of the `next start` process and
//    its children, from /proc/<pid>/status every 100 ms) — just before the request, the peak
//    during it, and the growth = peak − before. The goal holds when every measured download is
//    ≤ 20 s and grows RSS by ≤ 100 MB (the worst one is reported as the result).
// RSS is what the operating system has given the process: it includes garbage V8 has not yet
// collected, so it is the honest number for "the server's memory" (heapUsed would hide it). The
// RSS right after start (before the warm-up) and each run's peak above it are printed too, so a
// baseline raised by an earlier export's uncollected garbage cannot hide growth.
// Needs `npm run build` first; skipped (not failed) when there is no build.
import fs from 'node:fs';

import { benchSettings } from './case-list.bench';
import { measurement, type BenchResult } from './stats';
import { seedDatabase } from '../scripts/lib/seed/seed-database';
import { choosePort, missingBuild, signIn, sourceNewerThanBuild, startNextServer } from './support/next-server';
import { withScratchDatabase } from './support/scratch-database';
import { BENCH_PASSWORD, seededStaff } from './support/seeded-database';

const PREFERRED_PORT = 3730;
const GOAL_SECONDS = 20;
const GOAL_RSS_MB = 100;

/** Kilobytes of resident memory of `pid` and every process below it (Linux), or null. */
function treeRssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    let total = match ? Number(match[1]) : 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child)) ?? 0;
    }
    return total;
  } catch {
    return null;
  }
}

interface Download {
  /** Server RSS (kB) just before the request, or null where /proc is not there. */
  readonly before: number | null;
  /** Highest server RSS (kB) sampled while the response was read. */
  readonly peak: number;
  readonly bytes: number;
  readonly rows: number;
  readonly seconds: number;
}

/** How many measured downloads follow the warm-up. */
const MEASURED_RUNS = 2;

async function download(baseUrl: string, cookie: string, pid: number): Promise<Download> {
  const before = treeRssKb(pid);
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    const now = treeRssKb(pid);
    if (now !== null && now > peak) peak = now;
  }, 100);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const response = await fetch(`${baseUrl}/cases/export.csv`, { headers: { cookie } });
    if (response.status !== 200 || !response.body) throw new Error(`GET /cases/export.csv answered ${response.status}`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const last = treeRssKb(pid);
  if (last !== null && last > peak) peak = last;
  return { before, peak, bytes, rows: lines - 1, seconds: (performance.now() - started) / 1000 };
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;
const seconds = (value: number) => Math.round(value * 100) / 100;

/** "8.36 s, RSS 329 → 421 MB (+92 MB; peak 162 MB above the idle server)" */
function describeDownload(run: Download, idle: number | null): string {
  if (run.before === null) return `${seconds(run.seconds)} s`;
  const aboveIdle = idle === null ? '' : `; peak ${mb(run.peak - idle)} MB above the idle server`;
  return `${seconds(run.seconds)} s, RSS ${Math.round(run.before / 1024)} → ${Math.round(run.peak / 1024)} MB (+${mb(run.peak - run.before)} MB${aboveIdle})`;
}

export async function benchCsvExport(): Promise<BenchResult> {
  const name = 'case-list CSV over HTTP: next start, a supervisor downloads every case (warm-up + 2 measured)';
  const noBuild = missingBuild(['/cases/export.csv', '/api/auth/[...nextauth]']);
  if (noBuild) return { name, measurements: [], skipped: noBuild };
  const staleSource = sourceNewerThanBuild();
  const settings = benchSettings();

  return withScratchDatabase('csv', async (database) => {
    const seed = await seedDatabase(database.url, { cases: settings.cases, staffPassword: BENCH_PASSWORD });
    const supervisor = seededStaff(seed, 'SUPERVISOR');
    const server = await startNextServer({ port: await choosePort(PREFERRED_PORT), databaseUrl: database.url });
    try {
      const cookie = await signIn(server.baseUrl, supervisor.email, BENCH_PASSWORD);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const idle = treeRssKb(server.pid);
      const warmUp = await download(server.baseUrl, cookie, server.pid);
      const runs: Download[] = [];
      for (let run = 0; run < MEASURED_RUNS; run += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        runs.push(await download(server.baseUrl, cookie, server.pid));
      }
      for (const run of [warmUp, ...runs])
        if (run.rows !== seed.cases) throw new Error(`the CSV held ${run.rows} rows, the seed ${seed.cases} cases`);
      const growthOf = (run: Download) => (run.before === null ? null : mb(run.peak - run.before));
      const worstGrowth = runs.every((run) => run.before !== null)
        ? Math.max(...runs.map((run) => growthOf(run)!))
        : null;
      const slowest = Math.max(...runs.map((run) => run.seconds));
      const single = { p50: null, p95: null, p99: null, throughput: null };
      return {
        name: `${name}, ${seed.cases.toLocaleString('en-US')} cases`,
        measurements: [
          measurement(
            'csv-100k total time',
            { ...single, throughput: Math.round(seed.cases / slowest), value: seconds(slowest), unit: 's' },
            { text: `≤ ${GOAL_SECONDS} s (slowest measured download)`, metric: 'value', max: GOAL_SECONDS },
          ),
          // Without /proc there is no number for memory: the time goal alone is measured.
          ...(worstGrowth === null
            ? []
            : [
                measurement(
                  'csv-100k server RSS growth',
                  { ...single, value: worstGrowth, unit: 'MB' },
                  {
                    text: `≤ ${GOAL_RSS_MB} MB (warm server, worst measured download)`,
                    metric: 'value',
                    max: GOAL_RSS_MB,
                  },
                ),
              ]),
        ],
        notes: {
          ...(staleSource
            ? {
                'WARNING stale build': `${staleSource} changed after .next was built; run \`npm run build\` for numbers of the current code`,
              }
            : {}),
          rows: seed.cases,
          'size (MB)': Math.round(warmUp.bytes / 1024 / 102.4) / 10,
          'server RSS idle, after start and sign-in (MB)': idle === null ? 'n/a' : Math.round(idle / 1024),
          'warm-up: first export after start (not in the goal)': describeDownload(warmUp, idle),
          ...Object.fromEntries(
            runs.map((run, index) => [`measured download ${index + 1}`, describeDownload(run, idle)]),
          ),
          'total time, slowest measured (s)': seconds(slowest),
          'server RSS growth, worst measured (MB)': worstGrowth ?? 'n/a',
        },
      };
    } catch (error) {
      console.error(`next start output (last lines):\n${server.output()}`);
      throw error;
    } finally {
      await server.stop();
    }
  });
}
