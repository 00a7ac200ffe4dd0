/** Builds raw v2 intakes from the v2 benign baseline fixture, to test what the schema does with JSON. */
import baseline from '@/tests/fixtures/intakes/v2-benign-baseline.json';
import { formatIntakeIssues, makeIntakeV2Schema, type IntakeIssue } from '@/lib/intake';

/** The fixed "today" of the v2 tests; the baseline is assessed on it. */
export const V2_TODAY = '2025-06-01';
export const testIntakeV2Schema = makeIntakeV2Schema({ today: V2_TODAY });
export const v2Baseline = baseline;

export type JsonPath = readonly (string | number)[];
export type Edit = readonly [JsonPath, unknown];

/** Marks a key to delete instead of set. */
export const REMOVE = Symbol('remove');

export function withEdits(source: unknown, ...edits: readonly Edit[]): unknown {
  const copy: unknown = structuredClone(source);
  for (const [path, value] of edits) {
    const key = path[path.length - 1];
    if (key === undefined) throw new Error('withEdits needs a non-empty path');
    let parent = copy as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
    if (value === REMOVE) delete parent[key];
    else parent[key] = value;
  }
  return copy;
}

export const v2BaselineWith = (...edits: readonly Edit[]) => withEdits(baseline, ...edits);

export function v2IssuesOf(input: unknown, schema = testIntakeV2Schema): IntakeIssue[] {
  const result = schema.safeParse(input);
  return result.success ? [] : formatIntakeIssues(result.error);
}

export const v2IssuesWith = (...edits: readonly Edit[]) => v2IssuesOf(v2BaselineWith(...edits));

/** A substance entry with neutral answers, for lists built in a test. */
export function substanceEntry(patch: Record<string, unknown> & { readonly category: string }) {
  return {
    name: patch.category,
    route: 'oral',
    daysUsedLast30: 0,
    durationMonths: 0,
    primary: false,
    prescribed: false,
    ...patch,
  };
}
