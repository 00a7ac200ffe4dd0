/**
 * The services both rules versions recommend on the same condition (docs/placement-rules-v1.md
 * "Services"; v2 keeps these unchanged). Each version lists them in its own table, with the
 * services whose conditions differ.
 */
import {
  EMPLOYMENT_STATUS_LABELS,
  HOUSING_STATUS_LABELS,
  LEGAL_STATUS_LABELS,
  type EmploymentStatus,
  type HousingStatus,
  type LegalStatus,
} from '@/lib/intake/options';
import { anyFinding, findingsThatHold, type Findings, type ServiceRule } from './outcome-rules';
import type { DimensionRatings, TreatmentLevel, WithdrawalManagementLevel } from './vocabulary';

/** What the shared service rules read: a few answers and the computed ratings and levels. */
export interface ServiceContext {
  readonly intake: {
    readonly mentalHealth: { readonly phq9: number | null; readonly gad7: number | null; readonly psychosis: boolean };
    readonly environment: { readonly housing: HousingStatus; readonly interpersonalSafetyConcern: boolean };
    readonly socialNeeds: {
      readonly employment: EmploymentStatus;
      readonly financialStrain: boolean;
      readonly legal: LegalStatus;
      readonly transportationBarrier: boolean;
      readonly foodInsecurity: boolean;
    };
  };
  readonly dimensions: DimensionRatings;
  readonly treatmentLevel: TreatmentLevel;
  readonly withdrawalManagement: WithdrawalManagementLevel;
}

type SharedServiceRule<S extends string> = ServiceRule<ServiceContext, S>;

export const WITHDRAWAL_MANAGEMENT_SERVICE: SharedServiceRule<'WITHDRAWAL_MANAGEMENT'> = {
  id: 'service.withdrawal-management',
  service: 'WITHDRAWAL_MANAGEMENT',
  description: 'Withdrawal-management level is not none.',
  condition: (c) => c.withdrawalManagement !== 'none',
  because: (c) => `Withdrawal-management level is ${c.withdrawalManagement}`,
};

export const LEVEL_SERVICES: readonly SharedServiceRule<
  'BRIEF_INTERVENTION' | 'GROUP_THERAPY' | 'INDIVIDUAL_THERAPY'
>[] = [
  {
    id: 'service.brief-intervention',
    service: 'BRIEF_INTERVENTION',
    description: 'Level 0.5.',
    condition: (c) => c.treatmentLevel === '0.5',
    because: () => 'Level 0.5 (early intervention)',
  },
  {
    id: 'service.group-therapy',
    service: 'GROUP_THERAPY',
    description: 'Any level above 0.5.',
    condition: (c) => c.treatmentLevel !== '0.5',
    because: (c) => `Level ${c.treatmentLevel} (above 0.5)`,
  },
  {
    id: 'service.individual-therapy',
    service: 'INDIVIDUAL_THERAPY',
    description: 'Any level above 0.5.',
    condition: (c) => c.treatmentLevel !== '0.5',
    because: (c) => `Level ${c.treatmentLevel} (above 0.5)`,
  },
];

const coOccurringFindings: Findings<ServiceContext> = ({ intake, dimensions }) => {
  const { phq9, gad7, psychosis } = intake.mentalHealth;
  return [
    [phq9 !== null && phq9 >= 10, `PHQ-9 ${phq9} (10 or more)`],
    [gad7 !== null && gad7 >= 10, `GAD-7 ${gad7} (10 or more)`],
    [psychosis, 'psychosis'],
    [dimensions.d3 >= 2, `D3 is ${dimensions.d3} (2 or more)`],
  ];
};

export const CO_OCCURRING_MENTAL_HEALTH_SERVICE: SharedServiceRule<'CO_OCCURRING_MENTAL_HEALTH'> = {
  id: 'service.co-occurring-mental-health',
  service: 'CO_OCCURRING_MENTAL_HEALTH',
  description: 'PHQ-9 10 or more, or GAD-7 10 or more, or psychosis, or D3 2 or more.',
  condition: anyFinding(coOccurringFindings),
  because: findingsThatHold(coOccurringFindings),
};

export const MOTIVATIONAL_ENHANCEMENT_SERVICE: SharedServiceRule<'MOTIVATIONAL_ENHANCEMENT'> = {
  id: 'service.motivational-enhancement',
  service: 'MOTIVATIONAL_ENHANCEMENT',
  description: 'D4 2 or more.',
  condition: (c) => c.dimensions.d4 >= 2,
  because: (c) => `D4 (readiness to change) is ${c.dimensions.d4} (2 or more)`,
};

const NEEDS_EMPLOYMENT_SUPPORT: readonly EmploymentStatus[] = ['unemployed', 'recent_job_loss'];

export const SOCIAL_SERVICES: readonly SharedServiceRule<
  'HOUSING' | 'EMPLOYMENT' | 'FINANCIAL' | 'LEGAL' | 'TRANSPORTATION' | 'FOOD' | 'SAFETY_PLANNING'
>[] = [
  {
    id: 'service.housing',
    service: 'HOUSING',
    description: 'Housing not stable.',
    condition: (c) => c.intake.environment.housing !== 'stable',
    because: (c) => `Housing: ${HOUSING_STATUS_LABELS[c.intake.environment.housing].toLowerCase()}`,
  },
  {
    id: 'service.employment',
    service: 'EMPLOYMENT',
    description: 'Unemployed or recent job loss.',
    condition: (c) => NEEDS_EMPLOYMENT_SUPPORT.includes(c.intake.socialNeeds.employment),
    because: (c) => `Employment: ${EMPLOYMENT_STATUS_LABELS[c.intake.socialNeeds.employment].toLowerCase()}`,
  },
  {
    id: 'service.financial',
    service: 'FINANCIAL',
    description: 'Financial strain.',
    condition: (c) => c.intake.socialNeeds.financialStrain,
    because: () => 'Financial strain',
  },
  {
    id: 'service.legal',
    service: 'LEGAL',
    description: 'Any legal involvement.',
    condition: (c) => c.intake.socialNeeds.legal !== 'none',
    because: (c) => `Legal situation: ${LEGAL_STATUS_LABELS[c.intake.socialNeeds.legal].toLowerCase()}`,
  },
  // The spec names TRANSPORTATION and FOOD without a condition; each follows its intake answer.
  {
    id: 'service.transportation',
    service: 'TRANSPORTATION',
    description: 'Transportation barrier.',
    condition: (c) => c.intake.socialNeeds.transportationBarrier,
    because: () => 'Transportation barrier',
  },
  {
    id: 'service.food',
    service: 'FOOD',
    description: 'Food insecurity.',
    condition: (c) => c.intake.socialNeeds.foodInsecurity,
    because: () => 'Food insecurity',
  },
  {
    id: 'service.safety-planning',
    service: 'SAFETY_PLANNING',
    description: 'Interpersonal safety concern.',
    condition: (c) => c.intake.environment.interpersonalSafetyConcern,
    because: () => 'Interpersonal safety concern',
  },
];
