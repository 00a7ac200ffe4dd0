/**
 * The words every version of the placement rules shares: levels, withdrawal-management levels,
 * dimensions and ratings. Level numbering and dimension names follow the public structure of the
 * ASAM Criteria (3rd edition); the rules themselves are this product's local policy and claim no
 * ASAM endorsement.
 */

/** Least to most intensive, so an index comparison is an intensity comparison. */
export const TREATMENT_LEVELS = ['0.5', '1', '2.1', '2.5', '3.1', '3.5', '3.7', '4'] as const;
export type TreatmentLevel = (typeof TREATMENT_LEVELS)[number];

export const TREATMENT_LEVEL_NAMES: Readonly<Record<TreatmentLevel, string>> = {
  '0.5': 'Early Intervention',
  '1': 'Outpatient',
  '2.1': 'Intensive Outpatient',
  '2.5': 'Partial Hospitalization',
  '3.1': 'Clinically Managed Low-Intensity Residential',
  '3.5': 'Clinically Managed High-Intensity Residential',
  '3.7': 'Medically Monitored Intensive Inpatient',
  '4': 'Medically Managed Intensive Inpatient',
};

/** Least to most intensive. */
export const WITHDRAWAL_MANAGEMENT_LEVELS = ['none', '1-WM', '2-WM', '3.2-WM', '3.7-WM', '4-WM'] as const;
export type WithdrawalManagementLevel = (typeof WITHDRAWAL_MANAGEMENT_LEVELS)[number];

export const WITHDRAWAL_MANAGEMENT_LEVEL_NAMES: Readonly<Record<WithdrawalManagementLevel, string>> = {
  none: 'No withdrawal management',
  '1-WM': 'Ambulatory withdrawal management without extended on-site monitoring',
  '2-WM': 'Ambulatory withdrawal management with extended on-site monitoring',
  '3.2-WM': 'Clinically managed residential withdrawal management',
  '3.7-WM': 'Medically monitored inpatient withdrawal management',
  '4-WM': 'Medically managed intensive inpatient withdrawal management',
};

export function isTreatmentLevel(value: unknown): value is TreatmentLevel {
  return typeof value === 'string' && (TREATMENT_LEVELS as readonly string[]).includes(value);
}

export function isWithdrawalManagementLevel(value: unknown): value is WithdrawalManagementLevel {
  return typeof value === 'string' && (WITHDRAWAL_MANAGEMENT_LEVELS as readonly string[]).includes(value);
}

/** Negative when `a` is less intensive than `b`, 0 when equal, positive when more intensive. */
export function compareTreatmentLevels(a: TreatmentLevel, b: TreatmentLevel): number {
  return TREATMENT_LEVELS.indexOf(a) - TREATMENT_LEVELS.indexOf(b);
}

/** Negative when `a` is less intensive than `b`, 0 when equal, positive when more intensive. */
export function compareWithdrawalManagementLevels(a: WithdrawalManagementLevel, b: WithdrawalManagementLevel): number {
  return WITHDRAWAL_MANAGEMENT_LEVELS.indexOf(a) - WITHDRAWAL_MANAGEMENT_LEVELS.indexOf(b);
}

export const DIMENSIONS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  d1: 'Acute intoxication and/or withdrawal potential',
  d2: 'Biomedical conditions and complications',
  d3: 'Emotional, behavioral or cognitive conditions and complications',
  d4: 'Readiness to change',
  d5: 'Relapse, continued use or continued problem potential',
  d6: 'Recovery/living environment',
};

export const RATINGS = [0, 1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];
export const MAX_RATING: Rating = 4;

export type DimensionRatings = Readonly<Record<Dimension, Rating>>;
