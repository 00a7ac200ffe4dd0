// The case-list CSV over HTTP (issue 11 item 5): `next start` on the existing build, a scratch
// database of 100,000 seeded cases (BENCH_CASES), signed in as the seed's supervisor, one
// GET /cases/export.csv read to the end. Measures the total time and the server's resident memory
// (RSS of the server process and its children, from /proc/<pid>/status every 100 ms) above its
// level just before the request. Goals (docs/performance.md): ≤ 20 s, RSS growth ≤ 100 MB.
// Needs `npm run build` first; skipped (not failed) when there is no build.
import fs from 'node:fs';

import { benchSettings } from './case-list.bench';
import { measurement, type BenchResult } from './stats';
import { seedDatabase } from '../scripts/lib/seed/seed-database';
import { choosePort, missingBuild, signIn, sourceNewerThanBuild, startNextServer } from './support/next-server';
import { withScratchDatabase } from './support/scratch-database';

/** The seeded staff's password in this bench's scratch database only. */
const BENCH_PASSWORD = 'bench password, not a secret';

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

async function download(baseUrl: string, cookie: string, pid: number) {
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
  return { before, peak, bytes, rows: lines - 1, seconds: (performance.now() - started) / 1000 };
}

export async function benchCsvExport(): Promise<BenchResult> {
  const name = 'case-list CSV over HTTP: next start, one supervisor download';
  const noBuild = missingBuild(['/cases/export.csv', '/api/auth/[...nextauth]']);
  if (noBuild) return { name, measurements: [], skipped: noBuild };
  const staleSource = sourceNewerThanBuild();
  const settings = benchSettings();

  return withScratchDatabase('csv', async (database) => {
    const seed = await seedDatabase(database.url, { cases: settings.cases, staffPassword: BENCH_PASSWORD });
    const supervisor = seed.staff.find((member) => member.role === 'SUPERVISOR');
    if (!supervisor) throw new Error('the seed made no supervisor');
    const server = await startNextServer({ port: await choosePort(PREFERRED_PORT), databaseUrl: database.url });
    try {
      const cookie = await signIn(server.baseUrl, supervisor.email, BENCH_PASSWORD);
      // Warm-up: the route module loaded and compiled before the measurement.
      const warm = await fetch(`${server.baseUrl}/cases/export.csv?status=CLOSED&level=0.5`, { headers: { cookie } });
      if (warm.status !== 200) throw new Error(`GET /cases/export.csv answered ${warm.status}`);
      await warm.text();
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((resolve) => setTimeout(resolve, 1000));

      const { before, peak, bytes, rows, seconds } = await download(server.baseUrl, cookie, server.pid);
      // A second download on the now warm server, for information (the goal is on the first).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const second = await download(server.baseUrl, cookie, server.pid);
      if (rows !== seed.cases) throw new Error(`the CSV held ${rows} rows, the seed ${seed.cases} cases`);
      const growthMb = before === null ? null : Math.round((peak - before) / 102.4) / 10;
      const single = { p50: null, p95: null, p99: null, throughput: null };
      return {
        name: `${name}, ${seed.cases.toLocaleString('en-US')} cases`,
        measurements: [
          measurement(
            'csv-100k total time',
            { ...single, throughput: Math.round(rows / seconds), value: Math.round(seconds * 100) / 100, unit: 's' },
            { text: `≤ ${GOAL_SECONDS} s`, metric: 'value', max: GOAL_SECONDS },
          ),
          // Without /proc there is no number for memory: the time goal alone is measured.
          ...(growthMb === null
            ? []
            : [
                measurement(
                  'csv-100k server RSS growth',
                  { ...single, value: growthMb, unit: 'MB' },
                  { text: `≤ ${GOAL_RSS_MB} MB`, metric: 'value', max: GOAL_RSS_MB },
                ),
              ]),
        ],
        notes: {
          ...(staleSource
            ? {
                'WARNING stale build': `${staleSource} changed after .next was built; run \`npm run build\` for numbers of the current code`,
              }
            : {}),
          rows,
          'size (MB)': Math.round(bytes / 1024 / 102.4) / 10,
          'server RSS before (MB)': before === null ? 'n/a' : Math.round(before / 1024),
          'server RSS peak (MB)': before === null ? 'n/a' : Math.round(peak / 1024),
          'second download (warm)':
            second.before === null
              ? `${Math.round(second.seconds * 100) / 100} s`
              : `${Math.round(second.seconds * 100) / 100} s, RSS ${Math.round(second.before / 1024)} → ${Math.round(second.peak / 1024)} MB (+${Math.round((second.peak - second.before) / 102.4) / 10} MB)`,
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
