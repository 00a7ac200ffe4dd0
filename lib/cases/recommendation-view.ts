/**
 * A recommendation in the words staff read: names for codes, the reasons for each rating, flags
 * split into the urgent ones (shown first, as alerts) and the rest, each with its guidance.
 * Pure and client-safe; the review step and the case page both show this, never the raw rules.
 */
import {
  DIMENSIONS,
  DIMENSION_NAMES,
  EMERGENCY_FLAG_CODES,
  FLAG_TITLES,
  RULES_LABEL,
  SERVICE_LABELS,
  TREATMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  flagGuidance,
  type FlagCode,
  type PlacementRecommendation,
  type TreatmentLevel,
  type WithdrawalManagementLevel,
} from '@/lib/placement';

/** Flags that must be acted on before anything else: the emergencies and a positive self-harm item. */
export const URGENT_FLAG_CODES: readonly FlagCode[] = [...EMERGENCY_FLAG_CODES, 'SAFETY_ASSESSMENT'];

export function isUrgentFlag(code: string): boolean {
  return (URGENT_FLAG_CODES as readonly string[]).includes(code);
}

export interface FlagView {
  readonly code: FlagCode;
  readonly title: string;
  readonly guidance: string;
}

export interface DimensionView {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly rating: number;
  readonly because: readonly string[];
}

export interface RecommendationView {
  readonly rulesLabel: string;
  readonly rulesVersion: string;
  readonly treatmentLevel: {
    readonly code: TreatmentLevel;
    readonly name: string;
    readonly because: readonly string[];
  };
  readonly withdrawalManagement: {
    readonly code: WithdrawalManagementLevel;
    readonly name: string;
    readonly because: readonly string[];
  };
  readonly urgentFlags: readonly FlagView[];
  readonly otherFlags: readonly FlagView[];
  readonly dimensions: readonly DimensionView[];
  readonly services: readonly { readonly code: string; readonly label: string }[];
}

export function describeRecommendation(recommendation: PlacementRecommendation): RecommendationView {
  const becauseFor = (subject: string) =>
    recommendation.rationale.filter((entry) => entry.dimension === subject).map((entry) => entry.because);
  const flags = recommendation.flags.map((code): FlagView => ({
    code,
    title: FLAG_TITLES[code],
    guidance: flagGuidance(code, recommendation.treatmentLevel),
  }));
  return {
    rulesLabel: RULES_LABEL,
    rulesVersion: recommendation.rulesVersion,
    treatmentLevel: {
      code: recommendation.treatmentLevel,
      name: TREATMENT_LEVEL_NAMES[recommendation.treatmentLevel],
      because: becauseFor('level'),
    },
    withdrawalManagement: {
      code: recommendation.withdrawalManagement,
      name: WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[recommendation.withdrawalManagement],
      because: becauseFor('wm'),
    },
    urgentFlags: flags.filter((flag) => isUrgentFlag(flag.code)),
    otherFlags: flags.filter((flag) => !isUrgentFlag(flag.code)),
    dimensions: DIMENSIONS.map((dimension, index) => ({
      id: dimension,
      label: `D${index + 1}`,
      name: DIMENSION_NAMES[dimension],
      rating: recommendation.dimensions[dimension],
      because: becauseFor(dimension),
    })),
    services: recommendation.services.map((code) => ({ code, label: SERVICE_LABELS[code] })),
  };
}
