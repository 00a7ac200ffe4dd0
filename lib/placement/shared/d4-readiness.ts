/**
 * D4 Readiness to change, from the stage of change: docs/placement-rules-v1.md "D4", which v2
 * keeps unchanged. Exactly one rule applies to any answer.
 */
import type { ReadinessStage } from '@/lib/intake/options';
import type { DimensionRuleTable, RuleFacts } from './rating-rule';
import type { Rating } from './vocabulary';

export interface ReadinessFacts extends RuleFacts {
  readonly intake: { readonly readiness: { readonly stage: ReadinessStage } };
}

const STAGE_RATINGS: ReadonlyArray<readonly [ReadinessStage, Rating]> = [
  ['precontemplation', 3],
  ['contemplation', 2],
  ['preparation', 1],
  ['action', 0],
  ['maintenance', 0],
];

export const D4_RULES: DimensionRuleTable<ReadinessFacts> = {
  dimension: 'd4',
  rules: STAGE_RATINGS.map(([stage, rating]) => ({
    id: `d4.${stage}`,
    dimension: 'd4',
    scope: 'intake',
    description: `Stage of change ${stage} → ${rating}.`,
    effect: { kind: 'atLeast', rating },
    condition: (facts: ReadinessFacts) => facts.intake.readiness.stage === stage,
    because: () => `Stage of change: ${stage}`,
  })),
};
