/**
 * D5 Relapse, continued use or continued problem potential: docs/placement-rules-v1.md "D5". v2
 * keeps the rules and leaves prescribed entries out of maxDays and maxDur
 * (docs/placement-rules-v2.md "D5"); each version passes in the entries that count.
 *
 * D5 reads "...; else 2, +1 if maxDur ≥ 12, +1 if priorTreatmentEpisodes ≥ 2": both additions
 * belong to the "else 2" branch (maxDays ≥ 20), as written. Outside it they cannot apply.
 */
import type { DimensionRuleTable, RuleFacts } from './rating-rule';
import { REGULAR_USE_MIN_DAYS } from './use-days';

export interface RelapseEntry {
  readonly name: string;
  readonly daysUsedLast30: number;
  readonly durationMonths: number;
}

export interface RelapseUse {
  /** The substance entries D5 counts, in intake order. */
  readonly entries: readonly RelapseEntry[];
  readonly priorTreatmentEpisodes: number;
}

export interface RelapseDefinitions<F extends RuleFacts> {
  readonly use: (facts: F) => RelapseUse;
  /** Which entries count, for rule descriptions, e.g. `any substance`. */
  readonly counted: string;
  /** Names the maximum when no entry counts; `no substance` unless given. */
  readonly noEntry?: string;
}

/** Highest of a measure over the counted entries; 0 when none is counted. */
const highest = (entries: readonly RelapseEntry[], measure: (entry: RelapseEntry) => number) =>
  Math.max(0, ...entries.map(measure));

/** The name of the first entry with the highest value, to name it in explanations. */
function entryWithMost(
  entries: readonly RelapseEntry[],
  measure: (entry: RelapseEntry) => number,
  value: number,
  noEntry: string,
): string {
  return entries.find((entry) => measure(entry) === value)?.name ?? noEntry;
}

const days = (entry: RelapseEntry) => entry.daysUsedLast30;
const duration = (entry: RelapseEntry) => entry.durationMonths;

export function makeD5Rules<F extends RuleFacts>(definitions: RelapseDefinitions<F>): DimensionRuleTable<F> {
  const noEntry = definitions.noEntry ?? 'no substance';
  const maxDays = (facts: F) => highest(definitions.use(facts).entries, days);
  const maxDuration = (facts: F) => highest(definitions.use(facts).entries, duration);
  const describeMaxDays = (facts: F) =>
    `the most days used in the last 30 is ${maxDays(facts)} (${entryWithMost(definitions.use(facts).entries, days, maxDays(facts), noEntry)})`;
  const describeMaxDuration = (facts: F) =>
    `the longest regular use is ${maxDuration(facts)} months (${entryWithMost(definitions.use(facts).entries, duration, maxDuration(facts), noEntry)})`;
  const isLittleUse = (facts: F) => maxDays(facts) <= 4 && maxDuration(facts) < 3;
  const isRegularUse = (facts: F) => maxDays(facts) >= REGULAR_USE_MIN_DAYS;

  return {
    dimension: 'd5',
    rules: [
      {
        id: 'd5.little-use',
        dimension: 'd5',
        scope: 'intake',
        description: `Most days used in the last 30 (${definitions.counted}) 4 or fewer and longest regular use under 3 months → 0.`,
        effect: { kind: 'atLeast', rating: 0 },
        condition: isLittleUse,
        because: (facts) =>
          `Little use: ${describeMaxDays(facts)}, 4 or fewer, and ${describeMaxDuration(facts)}, under 3`,
      },
      {
        id: 'd5.use-under-20-days',
        dimension: 'd5',
        scope: 'intake',
        description: 'Otherwise, most days used in the last 30 under 20 → 1.',
        effect: { kind: 'atLeast', rating: 1 },
        condition: (facts) => !isLittleUse(facts) && !isRegularUse(facts),
        because: (facts) =>
          maxDays(facts) > 4
            ? `Some use: ${describeMaxDays(facts)}, more than 4 but under 20`
            : `Some use: ${describeMaxDays(facts)}, under 20, and ${describeMaxDuration(facts)}, 3 or more`,
      },
      {
        id: 'd5.regular-use',
        dimension: 'd5',
        scope: 'intake',
        description: 'Otherwise (most days used in the last 30 is 20 or more) → 2.',
        effect: { kind: 'atLeast', rating: 2 },
        condition: isRegularUse,
        because: (facts) => `Regular use: ${describeMaxDays(facts)}, 20 or more`,
      },
      {
        id: 'd5.regular-use-12-months-plus',
        dimension: 'd5',
        scope: 'intake',
        description: 'With regular use, longest regular use 12 months or more → +1 (up to 4).',
        effect: { kind: 'add', amount: 1 },
        condition: (facts) => isRegularUse(facts) && maxDuration(facts) >= 12,
        because: (facts) => `Regular use and ${describeMaxDuration(facts)}, 12 or more: adds 1`,
      },
      {
        id: 'd5.regular-use-2-plus-prior-treatments',
        dimension: 'd5',
        scope: 'intake',
        description: 'With regular use, 2 or more prior treatment episodes → +1 (up to 4).',
        effect: { kind: 'add', amount: 1 },
        condition: (facts) => isRegularUse(facts) && definitions.use(facts).priorTreatmentEpisodes >= 2,
        because: (facts) =>
          `Regular use and ${definitions.use(facts).priorTreatmentEpisodes} prior treatment episodes (2 or more): adds 1`,
      },
    ],
  };
}
