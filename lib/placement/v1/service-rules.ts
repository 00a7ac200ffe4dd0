/**
 * Placement rules v1: recommended services (docs/placement-rules-v1.md "Services"), each a rule
 * with an id, its condition and the inputs that made it apply.
 */
import type { Intake } from '@/lib/intake';
import type { ServiceRule } from '../shared/outcome-rules';
import {
  CO_OCCURRING_MENTAL_HEALTH_SERVICE,
  LEVEL_SERVICES,
  MOTIVATIONAL_ENHANCEMENT_SERVICE,
  SOCIAL_SERVICES,
  WITHDRAWAL_MANAGEMENT_SERVICE,
} from '../shared/service-rules';
import { REGULAR_USE_MIN_DAYS } from '../shared/use-days';
import type { DimensionRatings, TreatmentLevel, WithdrawalManagementLevel } from '../shared/vocabulary';
import { joinWords } from '../shared/words';
import { describeSubstanceUse, type PlacementFacts } from './facts';

export const SERVICE_CODES = [
  'WITHDRAWAL_MANAGEMENT',
  'BRIEF_INTERVENTION',
  'GROUP_THERAPY',
  'INDIVIDUAL_THERAPY',
  'CO_OCCURRING_MENTAL_HEALTH',
  'POLYSUBSTANCE_PLAN',
  'MOUD_EVALUATION',
  'MAUD_EVALUATION',
  'MOTIVATIONAL_ENHANCEMENT',
  'HOUSING',
  'EMPLOYMENT',
  'FINANCIAL',
  'LEGAL',
  'TRANSPORTATION',
  'FOOD',
  'SAFETY_PLANNING',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const SERVICE_LABELS: Readonly<Record<ServiceCode, string>> = {
  WITHDRAWAL_MANAGEMENT: 'Withdrawal management',
  BRIEF_INTERVENTION: 'Brief intervention',
  GROUP_THERAPY: 'Group therapy',
  INDIVIDUAL_THERAPY: 'Individual therapy',
  CO_OCCURRING_MENTAL_HEALTH: 'Co-occurring mental health care',
  POLYSUBSTANCE_PLAN: 'Polysubstance treatment plan',
  MOUD_EVALUATION: 'Evaluation for medication for opioid use disorder (MOUD)',
  MAUD_EVALUATION: 'Evaluation for medication for alcohol use disorder (MAUD)',
  MOTIVATIONAL_ENHANCEMENT: 'Motivational enhancement',
  HOUSING: 'Housing support',
  EMPLOYMENT: 'Employment support',
  FINANCIAL: 'Financial assistance',
  LEGAL: 'Legal services',
  TRANSPORTATION: 'Transportation assistance',
  FOOD: 'Food assistance',
  SAFETY_PLANNING: 'Safety planning',
};

/** What v1 service and flag rules may read: the intake facts and the computed ratings and levels. */
export interface RecommendationContext {
  readonly facts: PlacementFacts;
  readonly intake: Intake;
  readonly dimensions: DimensionRatings;
  readonly treatmentLevel: TreatmentLevel;
  readonly withdrawalManagement: WithdrawalManagementLevel;
}

export type { ServiceRule };

const usedEntries = (c: RecommendationContext) => c.facts.substances.filter((s) => s.entry.daysUsedLast30 >= 1);
const opioidsUsedOn4Days = (c: RecommendationContext) =>
  c.facts.substances.filter((s) => s.entry.category === 'opioid' && s.entry.daysUsedLast30 >= 4);
const regularAlcohol = (c: RecommendationContext) =>
  c.facts.substances.filter((s) => s.entry.category === 'alcohol' && s.regular);

/** In SERVICE_CODES order, which is the order services are listed in a recommendation. */
export const SERVICE_RULES: readonly ServiceRule<RecommendationContext, ServiceCode>[] = [
  WITHDRAWAL_MANAGEMENT_SERVICE,
  ...LEVEL_SERVICES,
  CO_OCCURRING_MENTAL_HEALTH_SERVICE,
  {
    id: 'service.polysubstance-plan',
    service: 'POLYSUBSTANCE_PLAN',
    description: 'Two or more substances used on at least 1 of the last 30 days.',
    condition: (c) => usedEntries(c).length >= 2,
    because: (c) =>
      `${usedEntries(c).length} substances used in the last 30 days: ${joinWords(usedEntries(c).map(describeSubstanceUse))}`,
  },
  {
    id: 'service.moud-evaluation',
    service: 'MOUD_EVALUATION',
    description: 'An opioid used on 4 or more of the last 30 days.',
    condition: (c) => opioidsUsedOn4Days(c).length > 0,
    because: (c) => `${joinWords(opioidsUsedOn4Days(c).map(describeSubstanceUse))} (4 or more days)`,
  },
  {
    id: 'service.maud-evaluation',
    service: 'MAUD_EVALUATION',
    description: `Alcohol used regularly (${REGULAR_USE_MIN_DAYS} or more of the last 30 days).`,
    condition: (c) => regularAlcohol(c).length > 0,
    because: (c) =>
      `${joinWords(regularAlcohol(c).map(describeSubstanceUse))} (regular use, ${REGULAR_USE_MIN_DAYS} or more days)`,
  },
  MOTIVATIONAL_ENHANCEMENT_SERVICE,
  ...SOCIAL_SERVICES,
];
