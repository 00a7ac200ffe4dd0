/**
 * Placement rules v1: withdrawal-management level from D1 (and D6 for 3.2-WM),
 * docs/placement-rules-v1.md "Withdrawal management".
 */
import type { RationaleEntry } from '../shared/rationale';
import type { DimensionRatings, WithdrawalManagementLevel } from '../shared/vocabulary';

export interface WithdrawalManagementRule {
  readonly id: string;
  readonly description: string;
  readonly condition: (d: DimensionRatings) => boolean;
  readonly level: WithdrawalManagementLevel;
  readonly because: (d: DimensionRatings) => string;
}

/** Exactly one rule matches any set of ratings. */
export const WITHDRAWAL_MANAGEMENT_RULES: readonly WithdrawalManagementRule[] = [
  {
    id: 'wm.d1-0',
    description: 'D1 0 → none.',
    condition: (d) => d.d1 === 0,
    level: 'none',
    because: () => 'No withdrawal management because D1 is 0',
  },
  {
    id: 'wm.d1-1',
    description: 'D1 1 → 1-WM.',
    condition: (d) => d.d1 === 1,
    level: '1-WM',
    because: () => '1-WM because D1 is 1',
  },
  {
    id: 'wm.d1-2',
    description: 'D1 2 and D6 below 3 → 2-WM.',
    condition: (d) => d.d1 === 2 && d.d6 < 3,
    level: '2-WM',
    because: (d) => `2-WM because D1 is 2 and D6 is ${d.d6} (below 3)`,
  },
  {
    id: 'wm.d1-2-d6-3-plus',
    description:
      'D1 2 and D6 3 or more → 3.2-WM (residential, because the living environment cannot support ambulatory withdrawal).',
    condition: (d) => d.d1 === 2 && d.d6 >= 3,
    level: '3.2-WM',
    because: (d) => `3.2-WM because D1 is 2 and D6 is ${d.d6} (3 or more)`,
  },
  {
    id: 'wm.d1-3',
    description: 'D1 3 → 3.7-WM.',
    condition: (d) => d.d1 === 3,
    level: '3.7-WM',
    because: () => '3.7-WM because D1 is 3',
  },
  {
    id: 'wm.d1-4',
    description: 'D1 4 → 4-WM.',
    condition: (d) => d.d1 === 4,
    level: '4-WM',
    because: () => '4-WM because D1 is 4',
  },
];

export function chooseWithdrawalManagement(dimensions: DimensionRatings): {
  level: WithdrawalManagementLevel;
  rationale: RationaleEntry;
} {
  const rule = WITHDRAWAL_MANAGEMENT_RULES.find((candidate) => candidate.condition(dimensions));
  if (!rule) throw new Error('placement rules: no withdrawal-management rule matched');
  return { level: rule.level, rationale: { dimension: 'wm', rule: rule.id, because: rule.because(dimensions) } };
}
