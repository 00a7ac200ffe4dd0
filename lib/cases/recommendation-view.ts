/**
 * A recommendation in the words staff read: names for codes, the reasons for each rating, flags
 * split into the urgent ones (shown first, as alerts) and the rest, each with its guidance.
 * Pure and client-safe; the review step and the case page both show this, never the raw rules.
 * Every word comes from the table of the rules version that scored the recommendation
 * (`rulesVersion`), so a stored v1 case keeps showing v1's words.
 */
import {
  DIMENSIONS,
  DIMENSION_NAMES,
  DISPOSITION_NAMES,
  EMERGENCY_DISPOSITION_GUIDANCE,
  EMERGENCY_FLAG_CODES,
  RULES_LABELS,
  TREATMENT_LEVEL_NAMES,
  URGENT_FLAG_CODES_V2,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  describeLevelChange,
  flagWordsFor,
  isPlacementRecommendationV2,
  serviceLabelFor,
  type AnyPlacementRecommendation,
  type Disposition,
  type FlagCode,
  type TreatmentLevel,
  type WithdrawalManagementLevel,
} from '@/lib/placement';

/** v1: flags that must be acted on before anything else: the emergencies and a positive self-harm item. */
export const URGENT_FLAG_CODES: readonly FlagCode[] = [...EMERGENCY_FLAG_CODES, 'SAFETY_ASSESSMENT'];

/** Urgent in the version that raised it; the list reads stored flags of either version. */
export function isUrgentFlag(code: string): boolean {
  return (
    (URGENT_FLAG_CODES as readonly string[]).includes(code) ||
    (URGENT_FLAG_CODES_V2 as readonly string[]).includes(code)
  );
}

function isUrgentIn(recommendation: AnyPlacementRecommendation, code: string): boolean {
  return isPlacementRecommendationV2(recommendation)
    ? (URGENT_FLAG_CODES_V2 as readonly string[]).includes(code)
    : (URGENT_FLAG_CODES as readonly string[]).includes(code);
}

const INCOMPLETE_LABELS: Readonly<Record<string, string>> = {
  'mentalHealth.phq9Item9': 'PHQ-9 item 9 (thoughts of self-harm) not assessed',
  'patient.pregnancy': 'Pregnancy unknown',
  'withdrawal.ciwaAr': 'CIWA-Ar not done',
  'withdrawal.ciwaB': 'CIWA-B (or CIWA-Ar) not done',
  'withdrawal.cows': 'COWS not done',
};

export interface FlagView {
  readonly code: string;
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
  /** v2 only: an emergency disposition, shown above the level. Null for placement and for v1. */
  readonly emergency: { readonly code: Disposition; readonly name: string; readonly guidance: string } | null;
  /** v2 only: safety-critical items not assessed (field paths with the reason), shown at the top. */
  readonly incomplete: readonly { readonly item: string; readonly label: string }[];
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
  /** v2 only: "3.7 because D1 = 3; with D1 = 2 it would be 2.5". */
  readonly levelChanges: readonly string[];
}

export function describeRecommendation(recommendation: AnyPlacementRecommendation): RecommendationView {
  const version = recommendation.rulesVersion;
  const becauseFor = (subject: string) =>
    recommendation.rationale.filter((entry) => entry.dimension === subject).map((entry) => entry.because);
  const flags = recommendation.flags.map((code): FlagView => {
    const words = flagWordsFor(version, code, recommendation.treatmentLevel);
    return { code, title: words?.title ?? code, guidance: words?.guidance ?? '' };
  });
  const v2 = isPlacementRecommendationV2(recommendation) ? recommendation : null;
  return {
    rulesLabel: RULES_LABELS[version],
    rulesVersion: version,
    emergency:
      v2 !== null && v2.disposition !== 'placement'
        ? { code: v2.disposition, name: DISPOSITION_NAMES[v2.disposition], guidance: EMERGENCY_DISPOSITION_GUIDANCE }
        : null,
    incomplete: (v2?.incomplete ?? []).map((item) => ({ item, label: INCOMPLETE_LABELS[item] ?? item })),
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
    urgentFlags: flags.filter((flag) => isUrgentIn(recommendation, flag.code)),
    otherFlags: flags.filter((flag) => !isUrgentIn(recommendation, flag.code)),
    dimensions: DIMENSIONS.map((dimension, index) => ({
      id: dimension,
      label: `D${index + 1}`,
      name: DIMENSION_NAMES[dimension],
      rating: recommendation.dimensions[dimension],
      because: becauseFor(dimension),
    })),
    services: recommendation.services.map((code) => ({ code, label: serviceLabelFor(version, code) ?? code })),
    levelChanges: (v2?.levelChanges ?? []).map((change) =>
      describeLevelChange(recommendation.treatmentLevel, recommendation.dimensions, change),
    ),
  };
}
