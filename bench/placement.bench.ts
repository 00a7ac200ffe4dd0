// Placement engine speed: validate an intake with the shared schema, then recommend.
// Goal: well under a millisecond per intake at p99, so the live review step is never slowed by it.
import fc from 'fast-check';

import { makeIntakeSchema } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';
import { intakeArbitrary, TEST_TODAY } from '@/tests/unit/placement/arbitraries';

import { type BenchResult, percentile } from './stats';

export function benchPlacement(samples = 5_000): BenchResult {
  const schema = makeIntakeSchema({ today: TEST_TODAY });
  const intakes = fc.sample(intakeArbitrary, { numRuns: samples, seed: 42 });
  // Warm up the JIT so the numbers describe a running server, not a cold start.
  for (const intake of intakes.slice(0, 500)) recommendPlacement(schema.parse(intake));

  const timesMs: number[] = [];
  const started = performance.now();
  for (const intake of intakes) {
    const t0 = performance.now();
    recommendPlacement(schema.parse(intake));
    timesMs.push(performance.now() - t0);
  }
  const totalMs = performance.now() - started;
  const p99 = percentile(timesMs, 99);
  return {
    name: 'validate + recommend one intake',
    measurements: {
      intakes: samples,
      'throughput (intakes/s)': Math.round((samples / totalMs) * 1000),
      'p50 (ms)': percentile(timesMs, 50),
      'p95 (ms)': percentile(timesMs, 95),
      'p99 (ms)': p99,
    },
    goal: 'p99 < 1 ms',
    met: p99 < 1,
  };
}
