/** Placement rules v1: recommended services (issue 4 §3), each a code with its condition. */
import { REGULAR_USE_MIN_DAYS, type PlacementFacts } from './facts';
import type { DimensionRatings, TreatmentLevel, WithdrawalManagementLevel } from './vocabulary';

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

/** What service and flag rules may read: the intake facts and the computed ratings and levels. */
export interface RecommendationContext {
  readonly facts: PlacementFacts;
  readonly dimensions: DimensionRatings;
  readonly treatmentLevel: TreatmentLevel;
  readonly withdrawalManagement: WithdrawalManagementLevel;
}

export interface ServiceRule {
  readonly service: ServiceCode;
  readonly description: string;
  readonly condition: (context: RecommendationContext) => boolean;
}

/** In SERVICE_CODES order, which is the order services are listed in a recommendation. */
export const SERVICE_RULES: readonly ServiceRule[] = [
  {
    service: 'WITHDRAWAL_MANAGEMENT',
    description: 'Withdrawal-management level is not none.',
    condition: (c) => c.withdrawalManagement !== 'none',
  },
  { service: 'BRIEF_INTERVENTION', description: 'Level 0.5.', condition: (c) => c.treatmentLevel === '0.5' },
  { service: 'GROUP_THERAPY', description: 'Any level above 0.5.', condition: (c) => c.treatmentLevel !== '0.5' },
  { service: 'INDIVIDUAL_THERAPY', description: 'Any level above 0.5.', condition: (c) => c.treatmentLevel !== '0.5' },
  {
    service: 'CO_OCCURRING_MENTAL_HEALTH',
    description: 'PHQ-9 10 or more, or GAD-7 10 or more, or psychosis, or D3 2 or more.',
    condition: ({ facts, dimensions }) => {
      const { phq9, gad7, psychosis } = facts.intake.mentalHealth;
      return (phq9 !== null && phq9 >= 10) || (gad7 !== null && gad7 >= 10) || psychosis || dimensions.d3 >= 2;
    },
  },
  {
    service: 'POLYSUBSTANCE_PLAN',
    description: 'Two or more substances used on at least 1 of the last 30 days.',
    condition: (c) => c.facts.substances.filter((s) => s.entry.daysUsedLast30 >= 1).length >= 2,
  },
  {
    service: 'MOUD_EVALUATION',
    description: 'An opioid used on 4 or more of the last 30 days.',
    condition: (c) => c.facts.substances.some((s) => s.entry.category === 'opioid' && s.entry.daysUsedLast30 >= 4),
  },
  {
    service: 'MAUD_EVALUATION',
    description: `Alcohol used regularly (${REGULAR_USE_MIN_DAYS} or more of the last 30 days).`,
    condition: (c) => c.facts.substances.some((s) => s.entry.category === 'alcohol' && s.regular),
  },
  { service: 'MOTIVATIONAL_ENHANCEMENT', description: 'D4 2 or more.', condition: (c) => c.dimensions.d4 >= 2 },
  { service: 'HOUSING', description: 'Housing not stable.', condition: (c) => c.facts.intake.environment.housing !== 'stable' },
  {
    service: 'EMPLOYMENT',
    description: 'Unemployed or recent job loss.',
    condition: (c) => ['unemployed', 'recent_job_loss'].includes(c.facts.intake.socialNeeds.employment),
  },
  { service: 'FINANCIAL', description: 'Financial strain.', condition: (c) => c.facts.intake.socialNeeds.financialStrain },
  { service: 'LEGAL', description: 'Any legal involvement.', condition: (c) => c.facts.intake.socialNeeds.legal !== 'none' },
  // The spec names TRANSPORTATION and FOOD without a condition; each follows its intake answer.
  {
    service: 'TRANSPORTATION',
    description: 'Transportation barrier.',
    condition: (c) => c.facts.intake.socialNeeds.transportationBarrier,
  },
  { service: 'FOOD', description: 'Food insecurity.', condition: (c) => c.facts.intake.socialNeeds.foodInsecurity },
  {
    service: 'SAFETY_PLANNING',
    description: 'Interpersonal safety concern.',
    condition: (c) => c.facts.intake.environment.interpersonalSafetyConcern,
  },
];
