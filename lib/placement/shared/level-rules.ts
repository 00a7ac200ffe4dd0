/**
 * The treatment level from the six dimension ratings: docs/placement-rules-v1.md "Treatment
 * level", which v2 keeps unchanged (docs/placement-rules-v2.md). First match wins, in table order.
 */
import type { RationaleEntry } from './rationale';
import type { DimensionRatings, TreatmentLevel } from './vocabulary';
import { whichHold } from './words';

export interface LevelRule {
  readonly id: string;
  readonly description: string;
  readonly condition: (d: DimensionRatings) => boolean;
  readonly level: TreatmentLevel;
  readonly because: (d: DimensionRatings) => string;
}

const acuteMax = (d: DimensionRatings) => Math.max(d.d1, d.d2, d.d3);
const describeAcute = (d: DimensionRatings) =>
  `the highest of D1 (${d.d1}), D2 (${d.d2}) and D3 (${d.d3}) is ${acuteMax(d)}`;

export const LEVEL_RULES: readonly LevelRule[] = [
  {
    id: 'level.4',
    description: 'max(D1, D2, D3) = 4 → 4.',
    condition: (d) => acuteMax(d) === 4,
    level: '4',
    because: (d) => `Level 4 because ${describeAcute(d)}`,
  },
  {
    id: 'level.3.7',
    description: 'max(D1, D2, D3) = 3 → 3.7.',
    condition: (d) => acuteMax(d) === 3,
    level: '3.7',
    because: (d) => `Level 3.7 because ${describeAcute(d)}`,
  },
  {
    id: 'level.3.5',
    description: 'D6 ≥ 3 and D5 ≥ 2 and (D5 ≥ 3 or D4 ≥ 3) → 3.5.',
    condition: (d) => d.d6 >= 3 && d.d5 >= 2 && (d.d5 >= 3 || d.d4 >= 3),
    level: '3.5',
    because: (d) =>
      `Level 3.5 because D6 is ${d.d6} (3 or more) and ${whichHold([
        [d.d5 >= 3, `D5 is ${d.d5} (3 or more)`],
        [d.d5 < 3 && d.d4 >= 3, `D5 is ${d.d5} (2 or more) and D4 is ${d.d4} (3 or more)`],
      ])}; D1-D3 are below 3 (${d.d1}, ${d.d2}, ${d.d3})`,
  },
  {
    id: 'level.3.1',
    description: 'D6 ≥ 3 and D5 ≥ 2 → 3.1.',
    condition: (d) => d.d6 >= 3 && d.d5 >= 2,
    level: '3.1',
    because: (d) =>
      `Level 3.1 because D6 is ${d.d6} (3 or more) and D5 is ${d.d5} (2 or more), with D4 ${d.d4} (below 3); D1-D3 are below 3 (${d.d1}, ${d.d2}, ${d.d3})`,
  },
  {
    id: 'level.2.5',
    description: 'D5 ≥ 3, or D3 = 2 and D5 ≥ 2 → 2.5.',
    condition: (d) => d.d5 >= 3 || (d.d3 === 2 && d.d5 >= 2),
    level: '2.5',
    because: (d) =>
      `Level 2.5 because ${whichHold([
        [d.d5 >= 3, `D5 is ${d.d5} (3 or more)`],
        [d.d3 === 2 && d.d5 >= 2, `D3 is 2 and D5 is ${d.d5} (2 or more)`],
      ])}; D1-D3 are below 3 and D6 is ${d.d6}`,
  },
  {
    id: 'level.2.1',
    description: 'D5 = 2, or D1 = 2, or D3 = 2 and D5 ≥ 1, or D6 ≥ 2 and D5 ≥ 1 → 2.1.',
    condition: (d) => d.d5 === 2 || d.d1 === 2 || (d.d3 === 2 && d.d5 >= 1) || (d.d6 >= 2 && d.d5 >= 1),
    level: '2.1',
    because: (d) =>
      `Level 2.1 because ${whichHold([
        [d.d5 === 2, 'D5 is 2'],
        [d.d1 === 2, 'D1 is 2'],
        [d.d3 === 2 && d.d5 >= 1, `D3 is 2 and D5 is ${d.d5} (1 or more)`],
        [d.d6 >= 2 && d.d5 >= 1, `D6 is ${d.d6} (2 or more) and D5 is ${d.d5} (1 or more)`],
      ])}`,
  },
  {
    id: 'level.1',
    description: 'Any of D1, D2, D3, D5, D6 ≥ 1 → 1.',
    condition: (d) => d.d1 >= 1 || d.d2 >= 1 || d.d3 >= 1 || d.d5 >= 1 || d.d6 >= 1,
    level: '1',
    because: (d) =>
      `Level 1 because ${whichHold([
        [d.d1 >= 1, `D1 is ${d.d1}`],
        [d.d2 >= 1, `D2 is ${d.d2}`],
        [d.d3 >= 1, `D3 is ${d.d3}`],
        [d.d5 >= 1, `D5 is ${d.d5}`],
        [d.d6 >= 1, `D6 is ${d.d6}`],
      ])} (1 or more), and no rule for a more intensive level applies`,
  },
  {
    id: 'level.0.5',
    description: 'Otherwise → 0.5.',
    condition: () => true,
    level: '0.5',
    because: (d) =>
      `Level 0.5 because D1, D2, D3, D5 and D6 are all 0 (D4 is ${d.d4} and does not raise the level by itself)`,
  },
];

export function chooseTreatmentLevel(dimensions: DimensionRatings): {
  level: TreatmentLevel;
  rationale: RationaleEntry;
} {
  // The last rule always matches, so find() only returns undefined if the table is edited badly.
  const rule = LEVEL_RULES.find((candidate) => candidate.condition(dimensions));
  if (!rule) throw new Error('placement rules: no level rule matched');
  return { level: rule.level, rationale: { dimension: 'level', rule: rule.id, because: rule.because(dimensions) } };
}
