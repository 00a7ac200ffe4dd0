// `npm run bench`: the project's performance goals, measured (never asserted in tests).
// Prints each measurement with its goal; exits 1 when a goal is missed.
// Run with the react-server condition (package.json) so lib/ modules marked server-only load.
import { benchCaseList } from './case-list.bench';
import { benchCsvExport } from './csv-export.bench';
import { benchFhirBundle } from './fhir-bundle.bench';
import { benchHttp } from './http.bench';
import { benchPdfSummary } from './pdf-summary.bench';
import { benchPlacement } from './placement.bench';
import { benchSignInFlood } from './sign-in-flood.bench';
import type { BenchResult } from './stats';

const benches: Array<[string, () => Promise<BenchResult> | BenchResult]> = [
  ['placement', () => benchPlacement()],
  ['case-list', () => benchCaseList()],
  ['http', () => benchHttp()],
  ['fhir-bundle', () => benchFhirBundle()],
  ['sign-in-flood', () => benchSignInFlood()],
  ['pdf-summary', () => benchPdfSummary()],
  ['csv-100k', () => benchCsvExport()],
];

async function main(): Promise<boolean> {
  const only = process.argv.slice(2);
  let allMet = true;
  for (const [id, bench] of benches) {
    if (only.length > 0 && !only.includes(id)) continue;
    const result = await bench();
    if (result.skipped) {
      console.log(`\nSKIP  ${id}: ${result.name} — ${result.skipped}`);
      continue;
    }
    allMet &&= result.met;
    console.log(`\n${result.met ? 'MET ' : 'MISS'}  ${id}: ${result.name} — goal ${result.goal}`);
    for (const [label, value] of Object.entries(result.measurements)) console.log(`      ${label.padEnd(28)} ${value}`);
  }
  return allMet;
}

main().then(
  (allMet) => process.exit(allMet ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
