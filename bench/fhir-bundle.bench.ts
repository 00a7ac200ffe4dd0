// FHIR R4 referral export speed (issue 11): build one document Bundle from an export source.
// Goal: one Bundle ≤ 50 ms. The R4 structure validation of the tests is measured for information
// only (the export does not validate at run time; docs/fhir-export.md).
import { buildReferralBundle } from '@/lib/fhir/referral-bundle';
import { fixtureIntake, referralWith, sourceOf } from '@/tests/unit/fhir/fixtures';
import { loadR4Definitions, structureErrors } from '@/tests/unit/fhir/validator';

import { type BenchResult, latencies, latencyGoal, measurement, percentile } from './stats';

export function benchFhirBundle(samples = 2_000): BenchResult {
  const sources = [
    sourceOf(fixtureIntake('v2-pregnant-heroin-fentanyl-xanax'), referralWith('scheduled')),
    sourceOf(fixtureIntake('alcohol-severe-withdrawal-seizure-history'), referralWith('sent')),
    sourceOf(fixtureIntake('v2-benign-baseline'), null),
  ];
  // Warm up the JIT so the numbers describe a running server, not a cold start.
  for (let i = 0; i < 200; i += 1) buildReferralBundle(sources[i % sources.length]!);

  const timesMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    buildReferralBundle(sources[i % sources.length]!);
    timesMs.push(performance.now() - t0);
  }
  const buildSeconds = (performance.now() - started) / 1000;

  const loadStarted = performance.now();
  loadR4Definitions();
  const loadMs = performance.now() - loadStarted;
  const bundle = buildReferralBundle(sources[0]!);
  const errors = structureErrors(bundle);
  const validateMs: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const t0 = performance.now();
    structureErrors(bundle);
    validateMs.push(performance.now() - t0);
  }

  const validateSeconds = validateMs.reduce((sum, ms) => sum + ms, 0) / 1000;
  return {
    name: 'build one FHIR R4 referral Bundle',
    measurements: [
      // The Bundle must also be valid R4 (the tests' structure validation) for the goal to be met.
      measurement('fhir-bundle build', latencies(timesMs, buildSeconds), latencyGoal('p95', 50), errors.length === 0),
    ],
    notes: {
      bundles: samples,
      'validation errors (goal: 0)': errors.length,
      'validator load (ms, once)': Math.round(loadMs),
      'validate p50 / p95 (ms, for information)': `${percentile(validateMs, 50)} / ${percentile(validateMs, 95)}`,
      'validations per second (for information)': Math.round(validateMs.length / validateSeconds),
    },
  };
}
