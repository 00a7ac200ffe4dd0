// FHIR R4 referral export speed (issue 11): build one document Bundle from an export source.
// Goal: one Bundle ≤ 50 ms. The R4 structure validation of the tests is measured for information
// only (the export does not validate at run time; docs/fhir-export.md).
import { buildReferralBundle } from '@/lib/fhir/referral-bundle';
import { fixtureIntake, referralWith, sourceOf } from '@/tests/unit/fhir/fixtures';
import { loadR4Definitions, structureErrors } from '@/tests/unit/fhir/validator';

import { type BenchResult, percentile } from './stats';

export function benchFhirBundle(samples = 2_000): BenchResult {
  const sources = [
    sourceOf(fixtureIntake('v2-pregnant-heroin-fentanyl-xanax'), referralWith('scheduled')),
    sourceOf(fixtureIntake('alcohol-severe-withdrawal-seizure-history'), referralWith('sent')),
    sourceOf(fixtureIntake('v2-benign-baseline'), null),
  ];
  // Warm up the JIT so the numbers describe a running server, not a cold start.
  for (let i = 0; i < 200; i += 1) buildReferralBundle(sources[i % sources.length]!);

  const timesMs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    buildReferralBundle(sources[i % sources.length]!);
    timesMs.push(performance.now() - t0);
  }

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

  const p95 = percentile(timesMs, 95);
  return {
    name: 'build one FHIR R4 referral Bundle',
    measurements: {
      bundles: samples,
      'build p50 (ms)': percentile(timesMs, 50),
      'build p95 (ms)': p95,
      'build p99 (ms)': percentile(timesMs, 99),
      'validator load (ms, once)': Math.round(loadMs),
      'validate p50 (ms, info)': percentile(validateMs, 50),
      'validation errors': errors.length,
    },
    goal: 'build p95 ≤ 50 ms, Bundle valid',
    met: p95 <= 50 && errors.length === 0,
  };
}
