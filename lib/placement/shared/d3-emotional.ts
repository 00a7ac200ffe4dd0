/**
 * D3 Emotional, behavioral or cognitive conditions and complications: docs/placement-rules-v1.md
 * "D3". v2 adds rules at 4 and at 3 (docs/placement-rules-v2.md "D3"), which it passes in.
 */
import type { DimensionRuleTable, IntakeRatingRule, RuleFacts } from './rating-rule';
import { inRange } from './score-tiers';
import { describeScoreBelow, joinWords } from './words';

export interface MentalHealthFacts extends RuleFacts {
  readonly intake: {
    readonly mentalHealth: {
      readonly phq9: number | null;
      readonly phq9Item9: number | null;
      readonly gad7: number | null;
      readonly suicidalIdeationWithPlan: boolean;
      readonly psychosis: boolean;
    };
  };
}

export interface EmotionalAdditions<F extends MentalHealthFacts> {
  /** More rules that rate 4, and that rate 3 (checked after v1's at the same rating). */
  readonly atFour: readonly IntakeRatingRule<F>[];
  readonly atThree: readonly IntakeRatingRule<F>[];
  /** The yes/no findings that are all no when no rule applies, e.g. `No suicidal ideation with a plan and no psychosis`. */
  readonly noFindings: string;
}

export const V1_EMOTIONAL_FINDINGS = 'No suicidal ideation with a plan and no psychosis';

export function makeD3Rules<F extends MentalHealthFacts>(additions: EmotionalAdditions<F>): DimensionRuleTable<F> {
  return {
    dimension: 'd3',
    rules: [
      {
        id: 'd3.suicidal-ideation-with-plan',
        dimension: 'd3',
        scope: 'intake',
        description: 'Suicidal ideation with a plan → 4.',
        effect: { kind: 'atLeast', rating: 4 },
        condition: (facts) => facts.intake.mentalHealth.suicidalIdeationWithPlan,
        because: () => 'Suicidal ideation with a plan',
      },
      {
        id: 'd3.psychosis',
        dimension: 'd3',
        scope: 'intake',
        description: 'Psychosis → 4.',
        effect: { kind: 'atLeast', rating: 4 },
        condition: (facts) => facts.intake.mentalHealth.psychosis,
        because: () => 'Psychosis',
      },
      ...additions.atFour,
      {
        id: 'd3.phq9-20-plus',
        dimension: 'd3',
        scope: 'intake',
        description: 'PHQ-9 20 or more → 3.',
        effect: { kind: 'atLeast', rating: 3 },
        condition: (facts) => inRange(facts.intake.mentalHealth.phq9, 20),
        because: (facts) => `PHQ-9 ${facts.intake.mentalHealth.phq9} (20 or more)`,
      },
      {
        id: 'd3.phq9-item9-2-plus',
        dimension: 'd3',
        scope: 'intake',
        description: 'PHQ-9 item 9 (thoughts of self-harm) 2 or more → 3.',
        effect: { kind: 'atLeast', rating: 3 },
        condition: (facts) => inRange(facts.intake.mentalHealth.phq9Item9, 2),
        because: (facts) =>
          `PHQ-9 item 9 (thoughts of self-harm) answered ${facts.intake.mentalHealth.phq9Item9} (2 or more)`,
      },
      ...additions.atThree,
      {
        id: 'd3.phq9-15-to-19',
        dimension: 'd3',
        scope: 'intake',
        description: 'PHQ-9 15-19 → 2.',
        effect: { kind: 'atLeast', rating: 2 },
        condition: (facts) => inRange(facts.intake.mentalHealth.phq9, 15, 19),
        because: (facts) => `PHQ-9 ${facts.intake.mentalHealth.phq9} (15 to 19)`,
      },
      {
        id: 'd3.gad7-15-plus',
        dimension: 'd3',
        scope: 'intake',
        description: 'GAD-7 15 or more → 2.',
        effect: { kind: 'atLeast', rating: 2 },
        condition: (facts) => inRange(facts.intake.mentalHealth.gad7, 15),
        because: (facts) => `GAD-7 ${facts.intake.mentalHealth.gad7} (15 or more)`,
      },
      {
        id: 'd3.phq9-item9-1',
        dimension: 'd3',
        scope: 'intake',
        description: 'PHQ-9 item 9 (thoughts of self-harm) = 1 → 2.',
        effect: { kind: 'atLeast', rating: 2 },
        condition: (facts) => facts.intake.mentalHealth.phq9Item9 === 1,
        because: () => 'PHQ-9 item 9 (thoughts of self-harm) answered 1 (several days)',
      },
      {
        id: 'd3.phq9-10-to-14',
        dimension: 'd3',
        scope: 'intake',
        description: 'PHQ-9 10-14 → 1.',
        effect: { kind: 'atLeast', rating: 1 },
        condition: (facts) => inRange(facts.intake.mentalHealth.phq9, 10, 14),
        because: (facts) => `PHQ-9 ${facts.intake.mentalHealth.phq9} (10 to 14)`,
      },
      {
        id: 'd3.gad7-10-to-14',
        dimension: 'd3',
        scope: 'intake',
        description: 'GAD-7 10-14 → 1.',
        effect: { kind: 'atLeast', rating: 1 },
        condition: (facts) => inRange(facts.intake.mentalHealth.gad7, 10, 14),
        because: (facts) => `GAD-7 ${facts.intake.mentalHealth.gad7} (10 to 14)`,
      },
    ],
    whenNoRuleApplies: {
      id: 'd3.no-elevated-finding',
      dimension: 'd3',
      scope: 'intake',
      description: 'No D3 rule applies → 0 (scores not done count as not elevated).',
      because: (facts) => {
        const { phq9, phq9Item9, gad7 } = facts.intake.mentalHealth;
        const scores = [
          describeScoreBelow('PHQ-9', phq9, 10),
          describeScoreBelow('PHQ-9 item 9', phq9Item9, 1),
          describeScoreBelow('GAD-7', gad7, 10),
        ];
        return `${additions.noFindings}; ${joinWords(scores)}; scores not done count as not elevated`;
      },
    },
  };
}
