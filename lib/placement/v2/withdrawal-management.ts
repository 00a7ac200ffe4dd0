/**
 * Placement rules v2, withdrawal management (docs/placement-rules-v2.md "Withdrawal management"):
 * start from D1, then apply the steps in order. v1's "3.2-WM when D6 >= 3" is replaced by the
 * first step. Every step that applies adds a rationale entry, so the WM level names its inputs.
 */
import type { RationaleEntry } from '../shared/rationale';
import {
  compareWithdrawalManagementLevels,
  type DimensionRatings,
  type Rating,
  type WithdrawalManagementLevel,
} from '../shared/vocabulary';
import { whichHold } from '../shared/words';
import type { PlacementFactsV2 } from './facts';

export interface WithdrawalManagementContextV2 {
  readonly facts: PlacementFactsV2;
  readonly dimensions: DimensionRatings;
}

const FROM_D1: Readonly<Record<Rating, WithdrawalManagementLevel>> = {
  0: 'none',
  1: '1-WM',
  2: '2-WM',
  3: '3.7-WM',
  4: '4-WM',
};

export interface WithdrawalManagementStep {
  readonly id: string;
  readonly description: string;
  /** Whether the step applies to the WM level reached so far. */
  readonly condition: (c: WithdrawalManagementContextV2, current: WithdrawalManagementLevel) => boolean;
  /** The level after the step, from the level reached so far. */
  readonly apply: (current: WithdrawalManagementLevel) => WithdrawalManagementLevel;
  readonly because: (
    c: WithdrawalManagementContextV2,
    current: WithdrawalManagementLevel,
    next: WithdrawalManagementLevel,
  ) => string;
}

/** "3.7-WM (was 2-WM)", or "4-WM stays" when the step confirms the level reached so far. */
const became = (current: WithdrawalManagementLevel, next: WithdrawalManagementLevel) =>
  current === next ? `${next} stays` : `${next} (was ${current})`;

const atLeast = (level: WithdrawalManagementLevel) => (current: WithdrawalManagementLevel) =>
  compareWithdrawalManagementLevels(current, level) >= 0 ? current : level;

const ambulatoryUnsafe = (c: WithdrawalManagementContextV2): ReadonlyArray<readonly [boolean, string]> => [
  [c.dimensions.d6 >= 3, `D6 is ${c.dimensions.d6} (3 or more)`],
  [
    !c.facts.intake.environment.ambulatoryWithdrawalSupport,
    'no safe place with daily check-ins for withdrawal at home (ambulatoryWithdrawalSupport is false)',
  ],
];

const pregnantWithAlcoholOrSedativeUse = (c: WithdrawalManagementContextV2) =>
  c.facts.pregnant && (c.facts.classes.alcohol.used || c.facts.classes.sedative.used);

/** The steps after the start from D1, in the order they apply. */
export const WITHDRAWAL_MANAGEMENT_STEPS_V2: readonly WithdrawalManagementStep[] = [
  {
    id: 'wm.ambulatory-not-supported',
    description: 'D1 is 1 or 2 and (D6 >= 3 or ambulatoryWithdrawalSupport is false) → 3.2-WM.',
    condition: (c) => (c.dimensions.d1 === 1 || c.dimensions.d1 === 2) && ambulatoryUnsafe(c).some(([holds]) => holds),
    apply: () => '3.2-WM',
    because: (c, current, next) =>
      `${next} instead of ${current} because D1 is ${c.dimensions.d1} and ${whichHold(ambulatoryUnsafe(c), ' and ')}`,
  },
  {
    id: 'wm.d2-3',
    description: 'WM not none and D2 = 3 → at least 3.7-WM.',
    condition: (c, current) => current !== 'none' && c.dimensions.d2 === 3,
    apply: atLeast('3.7-WM'),
    because: (_c, current, next) => `${became(current, next)} because withdrawal management is needed and D2 is 3`,
  },
  {
    id: 'wm.d2-4',
    description: 'WM not none and D2 = 4 → 4-WM.',
    condition: (c, current) => current !== 'none' && c.dimensions.d2 === 4,
    apply: () => '4-WM',
    because: (_c, current, next) => `${became(current, next)} because withdrawal management is needed and D2 is 4`,
  },
  {
    id: 'wm.pregnant-alcohol-or-sedative',
    description: 'WM not none, pregnancy "yes" and alcohol or sedative used → at least 3.7-WM.',
    condition: (c, current) => current !== 'none' && pregnantWithAlcoholOrSedativeUse(c),
    apply: atLeast('3.7-WM'),
    because: (c, current, next) =>
      `${became(current, next)} because withdrawal management is needed, the patient is pregnant and ${whichHold(
        [
          [c.facts.classes.alcohol.used, `alcohol is used (${c.facts.classes.alcohol.days} of the last 30 days)`],
          [c.facts.classes.sedative.used, `sedatives are used (${c.facts.classes.sedative.days} of the last 30 days)`],
        ],
        ' and ',
      )}`,
  },
];

export function chooseWithdrawalManagementV2(c: WithdrawalManagementContextV2): {
  readonly level: WithdrawalManagementLevel;
  readonly rationale: readonly RationaleEntry[];
} {
  let level = FROM_D1[c.dimensions.d1];
  const rationale: RationaleEntry[] = [
    {
      dimension: 'wm',
      rule: `wm.d1-${c.dimensions.d1}`,
      because:
        level === 'none'
          ? 'No withdrawal management because D1 is 0'
          : `${level} to start with, because D1 is ${c.dimensions.d1}`,
    },
  ];
  for (const step of WITHDRAWAL_MANAGEMENT_STEPS_V2) {
    if (!step.condition(c, level)) continue;
    const next = step.apply(level);
    rationale.push({ dimension: 'wm', rule: step.id, because: step.because(c, level, next) });
    level = next;
  }
  return { level, rationale };
}
