// Placement engine speed: validate an intake with the shared schema, then recommend.
// Goal: well under a millisecond per intake at p99, so the live review step is never slowed by it.
import fc from 'fast-check';

import { makeIntakeSchema } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';
import { intakeArbitrary, TEST_TODAY } from '@/tests/unit/placement/arbitraries';

import { type BenchResult, latencies, latencyGoal, measurement } from './stats';

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
  return {
    name: 'validate + recommend one intake',
    measurements: [
      measurement(
        'placement validate + recommend',
        latencies(timesMs, totalMs / 1000),
        latencyGoal('p99', 1, { strict: true }),
      ),
    ],
    notes: { intakes: samples },
  };
}
