// Closed-loop load: N callers, each starting its next call as soon as the last one returns, for a
// fixed time after a warm-up. Latency is measured per call; throughput is calls per second.
import { percentile } from '../stats';

export interface LoadSummary {
  readonly calls: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** CPU time of this process per call (the client side: Prisma, validation, JSON), in ms. */
  readonly cpuMsPerCall: number;
}

export interface LoadOptions {
  readonly callers: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
}

async function runFor(
  seconds: number,
  callers: number,
  call: (caller: number, n: number) => Promise<void>,
  timesMs: number[] | null,
): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const t0 = performance.now();
        await call(caller, n);
        timesMs?.push(performance.now() - t0);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Runs `call` from `callers` concurrent loops; `call` must throw when its result is wrong. */
export async function measureLoad(
  options: LoadOptions,
  call: (caller: number, n: number) => Promise<void>,
): Promise<LoadSummary> {
  await runFor(options.warmupSeconds, options.callers, call, null);
  const timesMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  const elapsed = await runFor(options.seconds, options.callers, call, timesMs);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    calls: timesMs.length,
    perSecond: Math.round(timesMs.length / elapsed),
    p50: round1(percentile(timesMs, 50)),
    p95: round1(percentile(timesMs, 95)),
    p99: round1(percentile(timesMs, 99)),
    cpuMsPerCall: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, timesMs.length)) * 100) / 100,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "p50 9.1 / p95 21.3 / p99 30.2 ms, 412/s, client CPU 1.2 ms/call — MET (p95 < 50 ms)" */
export function describeLoad(summary: LoadSummary, goalP95Ms: number): string {
  const verdict = summary.p95 < goalP95Ms ? 'MET' : 'MISS';
  return `p50 ${summary.p50} / p95 ${summary.p95} / p99 ${summary.p99} ms, ${summary.perSecond}/s, client CPU ${summary.cpuMsPerCall} ms/call — ${verdict} (p95 < ${goalP95Ms} ms)`;
}
