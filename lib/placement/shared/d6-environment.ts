/**
 * D6 Recovery/living environment: docs/placement-rules-v1.md "D6", which v2 keeps unchanged.
 * The housing rules cover every answer, so D6 never needs a fallback explanation.
 */
import type { HousingStatus, SupportSystem } from '@/lib/intake/options';
import type { DimensionRuleTable, IntakeRatingRule, RuleFacts } from './rating-rule';
import type { Rating } from './vocabulary';

export interface EnvironmentFacts extends RuleFacts {
  readonly intake: {
    readonly environment: {
      readonly housing: HousingStatus;
      readonly livesWithActiveUser: boolean;
      readonly supportSystem: SupportSystem;
      readonly interpersonalSafetyConcern: boolean;
    };
  };
}

const HOUSING_RATINGS: ReadonlyArray<readonly [HousingStatus, Rating]> = [
  ['stable', 0],
  ['unstable', 2],
  ['homeless', 3],
];

export const D6_RULES: DimensionRuleTable<EnvironmentFacts> = {
  dimension: 'd6',
  rules: [
    ...HOUSING_RATINGS.map(([housing, rating]): IntakeRatingRule<EnvironmentFacts> => ({
      id: `d6.housing-${housing}`,
      dimension: 'd6',
      scope: 'intake',
      description: `Housing ${housing} → ${rating}.`,
      effect: { kind: 'atLeast', rating },
      condition: (facts) => facts.intake.environment.housing === housing,
      because: () => `Housing: ${housing}`,
    })),
    {
      id: 'd6.lives-with-active-user',
      dimension: 'd6',
      scope: 'intake',
      description: 'Lives with someone who actively uses → at least 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts) => facts.intake.environment.livesWithActiveUser,
      because: () => 'Lives with someone who actively uses',
    },
    {
      id: 'd6.no-support-system',
      dimension: 'd6',
      scope: 'intake',
      description: 'Then, no support system → +1 (up to 4).',
      effect: { kind: 'add', amount: 1 },
      condition: (facts) => facts.intake.environment.supportSystem === 'none',
      because: () => 'Support system: none (adds 1)',
    },
    {
      id: 'd6.interpersonal-safety-concern',
      dimension: 'd6',
      scope: 'intake',
      description: 'Interpersonal safety concern → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.environment.interpersonalSafetyConcern,
      because: () => 'Interpersonal safety concern',
    },
  ],
};
