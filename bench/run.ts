// `npm run bench`: the project's performance goals, measured (never asserted in tests).
// `npm run bench -- http placement` runs only the benches named. Prints one table of every
// measurement with its goal (MET or MISS; a bench that cannot run is SKIP), each bench's wall time,
// and writes bench/results/<timestamp>.json (docs/performance.md, "The bench contract").
// Exits 1 only when the run itself fails (a bench threw, an unknown bench was named); a missed goal
// is a MISS in the table, never a failed command.
// Run with the react-server condition (package.json) so lib/ modules marked server-only load.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { benchCaseList } from './case-list.bench';
import { benchCsvExport } from './csv-export.bench';
import { benchFhirBundle } from './fhir-bundle.bench';
import { benchHttp } from './http.bench';
import { benchPdfSummary } from './pdf-summary.bench';
import { benchPlacement } from './placement.bench';
import { benchSignInFlood } from './sign-in-flood.bench';
import type { BenchResult, Measurement } from './stats';
import { dropSharedDatabases } from './support/seeded-database';

const benches: Array<[string, () => Promise<BenchResult> | BenchResult]> = [
  ['placement', () => benchPlacement()],
  ['case-list', () => benchCaseList()],
  ['http', () => benchHttp()],
  ['fhir-bundle', () => benchFhirBundle()],
  ['sign-in-flood', () => benchSignInFlood()],
  ['pdf-summary', () => benchPdfSummary()],
  ['csv-100k', () => benchCsvExport()],
];

interface BenchRun {
  readonly id: string;
  readonly name: string;
  readonly status: 'ran' | 'skipped' | 'failed';
  readonly wall_seconds: number;
  readonly skipped?: string;
  readonly error?: string;
  readonly notes?: Readonly<Record<string, number | string>>;
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return `${head.trim()}${dirty.trim() ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return null;
  }
}

/** A number for the table: 1 decimal (2 below 10, 3 below 1) unless `digits` says otherwise. */
function cell(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const places = digits ?? (Math.abs(value) < 1 ? 3 : Math.abs(value) < 10 ? 2 : 1);
  return value.toFixed(places);
}

const COLUMNS: ReadonlyArray<[string, (row: Measurement) => string, 'left' | 'right']> = [
  ['measurement', (row) => row.id, 'left'],
  ['p50 ms', (row) => cell(row.p50), 'right'],
  ['p95 ms', (row) => cell(row.p95), 'right'],
  ['p99 ms', (row) => cell(row.p99), 'right'],
  ['per s', (row) => cell(row.throughput, 0), 'right'],
  ['value', (row) => (row.value === undefined ? '' : `${cell(row.value)}${row.unit ? ` ${row.unit}` : ''}`), 'right'],
  ['floor p95', (row) => cell(row.floor_p95), 'right'],
  ['ratio', (row) => cell(row.ratio, 2), 'right'],
  ['KB', (row) => cell(row.response_kb), 'right'],
  ['CPU ms', (row) => cell(row.server_cpu_ms), 'right'],
  ['goal', (row) => row.goal.text, 'left'],
  ['', (row) => (row.met ? 'MET' : 'MISS'), 'left'],
];

function printTable(rows: readonly Measurement[]): void {
  const cells = rows.map((row) => COLUMNS.map(([, read]) => read(row)));
  const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const format = (line: readonly string[]) =>
    line
      .map((text, i) => (COLUMNS[i]![2] === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(COLUMNS.map(([title]) => title))}`);
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of cells) console.log(format(line));
}

function resultsPath(startedAt: Date): string {
  const dir = path.join(process.cwd(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
}

async function main(): Promise<boolean> {
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !benches.some(([known]) => known === id));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; the benches are: ${benches.map(([id]) => id).join(', ')}`);
    return false;
  }
  const startedAt = new Date();
  const loadAverage = os.loadavg().map((load) => Math.round(load * 100) / 100);
  const runs: BenchRun[] = [];
  const measurements: Array<Measurement & { bench: string }> = [];
  for (const [id, bench] of benches) {
    if (only.length > 0 && !only.includes(id)) continue;
    console.log(`\n== ${id}`);
    const started = performance.now();
    const wall = () => Math.round((performance.now() - started) / 100) / 10;
    try {
      const result = await bench();
      if (result.skipped) {
        runs.push({ id, name: result.name, status: 'skipped', wall_seconds: wall(), skipped: result.skipped });
        console.log(`   SKIP ${result.name} — ${result.skipped}`);
        continue;
      }
      const ids = new Set(measurements.map((row) => row.id));
      for (const row of result.measurements) {
        if (ids.has(row.id)) throw new Error(`bench ${id} reported the measurement id "${row.id}" twice`);
        measurements.push({ bench: id, ...row });
      }
      runs.push({ id, name: result.name, status: 'ran', wall_seconds: wall(), notes: result.notes });
      console.log(`   ${result.name}: ${result.measurements.length} measurements in ${wall()} s`);
    } catch (error) {
      console.error(error);
      runs.push({
        id,
        name: id,
        status: 'failed',
        wall_seconds: wall(),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  printTable(measurements);
  for (const run of runs) {
    const verdict = run.status === 'ran' ? '' : ` ${run.status.toUpperCase()}: ${run.skipped ?? run.error ?? ''}`;
    console.log(`\n${run.id} (${run.wall_seconds} s)${verdict}`);
    for (const [label, value] of Object.entries(run.notes ?? {})) console.log(`   ${label}: ${value}`);
  }
  const met = measurements.filter((row) => row.met).length;
  const totalSeconds = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
  console.log(
    `\n${met} of ${measurements.length} goals met; ${runs.filter((run) => run.status === 'skipped').length} benches skipped, ${runs.filter((run) => run.status === 'failed').length} failed; ${totalSeconds} s in all`,
  );

  const file = resultsPath(startedAt);
  const report = {
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    wall_seconds: totalSeconds,
    commit: gitCommit(),
    machine: { cpus: os.cpus().length, node: process.version, load_average_at_start: loadAverage },
    selected: only.length > 0 ? only : 'all',
    benches: runs,
    measurements,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`results: ${path.relative(process.cwd(), file)}`);
  return runs.every((run) => run.status !== 'failed');
}

main()
  .finally(() => dropSharedDatabases())
  .then(
    (ranToTheEnd) => process.exit(ranToTheEnd ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
