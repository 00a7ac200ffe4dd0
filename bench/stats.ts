// The bench contract (docs/performance.md, "The bench contract"): every bench returns a
// BenchResult whose measurements each carry their goal and verdict; bench/run.ts prints them as
// one table and writes them to bench/results/<timestamp>.json.

/** What a measurement is held to. `met` is `metric ≤ max` (or `<` when `strict`), and throughput ≥ `min_throughput`. */
export interface Goal {
  /** As printed in the table: "p95 ≤ 60 ms, ≥ 200/s". */
  readonly text: string;
  /** The measured field the number applies to. */
  readonly metric: 'p50' | 'p95' | 'p99' | 'value' | 'ratio';
  /** The number: the largest value that meets the goal. */
  readonly max: number;
  /** `<` instead of `≤` (goals written before issue 10). */
  readonly strict?: boolean;
  /** A throughput the measurement must also reach (per second). */
  readonly min_throughput?: number;
}

/** One row of the table and one object of the results file. */
export interface Measurement {
  /** Unique in a run: "<bench> <what>", e.g. "http GET /cases?sort=name @10". */
  readonly id: string;
  /** Latency percentiles in ms (null when the measurement is a single value). */
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  /** Completed operations (responses, calls, renders) per second; null when not a rate. */
  readonly throughput: number | null;
  /** A single measured value (a total time, a ratio, a memory growth) with its unit. */
  readonly value?: number;
  readonly unit?: string;
  readonly goal: Goal;
  readonly met: boolean;
  /** The floor's p95 (ms) for the same work in the same run: the bare HTTP server for pages, plain `pg` for data. */
  readonly floor_p95?: number;
  /** p95 / floor_p95. */
  readonly ratio?: number;
  /** Mean response size in KB (HTTP). */
  readonly response_kb?: number;
  /** Server CPU per response in ms, summed over the server's process tree (HTTP; null without /proc). */
  readonly server_cpu_ms?: number | null;
  /** Anything else worth keeping (the floor's own numbers, query plans, …); not printed. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface BenchResult {
  readonly name: string;
  readonly measurements: readonly Measurement[];
  /** Facts printed under the table for information (sizes, settings, warnings); no goal. */
  readonly notes?: Readonly<Record<string, number | string>>;
  /** Why the bench could not run (e.g. no production build): reported as SKIP, neither met nor missed. */
  readonly skipped?: string;
}

/** The shape benches returned before the contract (one verdict, free-form numbers); run.ts converts it. */
export interface LegacyBenchResult {
  name: string;
  measurements: Record<string, number | string>;
  goal: string;
  met: boolean;
  skipped?: string;
}

/** The p-th percentile (nearest rank), rounded to 3 decimals. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 1000) / 1000;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A latency goal: "p95 ≤ 60 ms" (with `minThroughput`: "p95 ≤ 60 ms, ≥ 200/s"). */
export function latencyGoal(
  metric: 'p50' | 'p95' | 'p99',
  maxMs: number,
  options: { strict?: boolean; minThroughput?: number } = {},
): Goal {
  const rate = options.minThroughput === undefined ? '' : `, ≥ ${options.minThroughput}/s`;
  return {
    text: `${metric} ${options.strict ? '<' : '≤'} ${maxMs} ms${rate}`,
    metric,
    max: maxMs,
    ...(options.strict ? { strict: true } : {}),
    ...(options.minThroughput === undefined ? {} : { min_throughput: options.minThroughput }),
  };
}

/** Whether the measured numbers meet `goal` (a missing number never meets it). */
export function meets(measured: Omit<Measurement, 'met' | 'id' | 'goal'>, goal: Goal): boolean {
  const value = measured[goal.metric];
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  const withinMax = goal.strict ? value < goal.max : value <= goal.max;
  const fastEnough =
    goal.min_throughput === undefined || (measured.throughput !== null && measured.throughput >= goal.min_throughput);
  return withinMax && fastEnough;
}

/** A measurement judged against its goal; `alsoRequired` adds conditions the goal's number cannot say. */
export function measurement(
  id: string,
  measured: Omit<Measurement, 'met' | 'id' | 'goal'>,
  goal: Goal,
  alsoRequired = true,
): Measurement {
  return { id, ...measured, goal, met: meets(measured, goal) && alsoRequired };
}

/** Latency percentiles of a list of times (ms; 3 decimals, 0.1 ms from 10 ms up) and the rate over `seconds`. */
export function latencies(
  timesMs: readonly number[],
  seconds: number,
): Pick<Measurement, 'p50' | 'p95' | 'p99' | 'throughput'> {
  const at = (p: number) => {
    const value = percentile(timesMs, p);
    return value >= 10 ? round1(value) : value;
  };
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    throughput: Math.round(timesMs.length / seconds),
  };
}
