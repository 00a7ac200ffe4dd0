// Referral-summary PDF speed (issue 11): render one summary PDF from an export source, fonts
// shipped with the app. Goal: one PDF ≤ 300 ms. The first render (fonts read and parsed) is
// reported apart, for information.
import { renderReferralSummaryPdf } from '@/lib/referrals/pdf/render-pdf';
import { fixtureIntake, referralWith, sourceOf } from '@/tests/unit/fhir/fixtures';
import type { ReferralExportSource } from '@/lib/referrals/export-source';

import { type BenchResult, latencies, latencyGoal, measurement } from './stats';

function withNotes(source: ReferralExportSource, count: number): ReferralExportSource {
  const notes = Array.from({ length: count }, (_, index) => ({
    id: `note-${index}`,
    createdAt: new Date(Date.UTC(2025, 5, 2, 8, index)),
    authorName: 'Nguyễn Văn An',
    body: `Follow-up ${index + 1} about transport, housing and the referral. `.repeat(3).trim(),
  }));
  return { ...source, case: { ...source.case, notes } };
}

export async function benchPdfSummary(samples = 60): Promise<BenchResult> {
  const sources = [
    withNotes(sourceOf(fixtureIntake('v2-pregnant-heroin-fentanyl-xanax'), referralWith('scheduled')), 20),
    sourceOf(fixtureIntake('alcohol-severe-withdrawal-seizure-history'), referralWith('sent')),
    sourceOf(fixtureIntake('v2-benign-baseline'), null),
  ];
  const coldStarted = performance.now();
  await renderReferralSummaryPdf(sources[0]!);
  const coldMs = performance.now() - coldStarted;
  // Warm up the JIT so the numbers describe a running server, not a cold start.
  for (let i = 0; i < 10; i += 1) await renderReferralSummaryPdf(sources[i % sources.length]!);

  const timesMs: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    const pdf = await renderReferralSummaryPdf(sources[i % sources.length]!);
    timesMs.push(performance.now() - t0);
    bytes += pdf.byteLength;
  }

  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'render one referral summary PDF',
    measurements: [measurement('pdf-summary render', latencies(timesMs, seconds), latencyGoal('p95', 300))],
    notes: {
      pdfs: samples,
      'first render (ms, once: fonts read and parsed)': Math.round(coldMs),
      'mean size (KB)': Math.round(bytes / samples / 1024),
    },
  };
}
