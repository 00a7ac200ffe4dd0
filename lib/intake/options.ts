/**
 * The fixed answer choices of the intake, each with the words staff see.
 * `as const` keeps the codes as union types; the labels serve both the form and error messages.
 */

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Readonly<Record<Sex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** Substance categories of intake v1. v2 adds two ({@link SUBSTANCE_CATEGORIES_V2}). */
export const SUBSTANCE_CATEGORIES = [
  'alcohol',
  'benzodiazepine',
  'other_sedative',
  'opioid',
  'stimulant',
  'cannabis',
  'other',
] as const;
export type SubstanceCategory = (typeof SUBSTANCE_CATEGORIES)[number];

/** Substance categories of intake v2 (issue 8 §1): v1's plus GHB/GBL and gabapentinoids. */
export const SUBSTANCE_CATEGORIES_V2 = [
  'alcohol',
  'benzodiazepine',
  'other_sedative',
  'ghb',
  'gabapentinoid',
  'opioid',
  'stimulant',
  'cannabis',
  'other',
] as const;
export type SubstanceCategoryV2 = (typeof SUBSTANCE_CATEGORIES_V2)[number];

/** Labels for every category of every intake version (v1's categories are a subset of v2's). */
export const SUBSTANCE_CATEGORY_LABELS: Readonly<Record<SubstanceCategoryV2, string>> = {
  alcohol: 'Alcohol',
  benzodiazepine: 'Benzodiazepine',
  other_sedative: 'Other sedative',
  ghb: 'GHB/GBL',
  gabapentinoid: 'Gabapentinoid (gabapentin, pregabalin)',
  opioid: 'Opioid',
  stimulant: 'Stimulant',
  cannabis: 'Cannabis',
  other: 'Other',
};

/**
 * Hints the v2 form shows under a category. Kratom acts on opioid receptors and its withdrawal
 * resembles opioid withdrawal, so the placement rules must see it as an opioid (issue 8 §1).
 */
export const SUBSTANCE_CATEGORY_HINTS: Readonly<Partial<Record<SubstanceCategoryV2, string>>> = {
  opioid: 'Includes heroin, fentanyl, prescription opioids, methadone, buprenorphine. Enter kratom as an opioid.',
  benzodiazepine: 'For example alprazolam (Xanax), clonazepam (Klonopin), diazepam (Valium).',
  other_sedative: 'For example barbiturates, zolpidem, carisoprodol.',
  ghb: 'GHB or GBL (also 1,4-butanediol).',
  gabapentinoid: 'Gabapentin or pregabalin.',
};

export const ROUTES = ['oral', 'intranasal', 'smoked', 'injected', 'other'] as const;
export type Route = (typeof ROUTES)[number];
export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  oral: 'Oral',
  intranasal: 'Intranasal',
  smoked: 'Smoked',
  injected: 'Injected',
  other: 'Other',
};

export const READINESS_STAGES = ['precontemplation', 'contemplation', 'preparation', 'action', 'maintenance'] as const;
export type ReadinessStage = (typeof READINESS_STAGES)[number];
export const READINESS_STAGE_LABELS: Readonly<Record<ReadinessStage, string>> = {
  precontemplation: 'Precontemplation',
  contemplation: 'Contemplation',
  preparation: 'Preparation',
  action: 'Action',
  maintenance: 'Maintenance',
};

export const HOUSING_STATUSES = ['stable', 'unstable', 'homeless'] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];
export const HOUSING_STATUS_LABELS: Readonly<Record<HousingStatus, string>> = {
  stable: 'Stable',
  unstable: 'Unstable',
  homeless: 'Homeless',
};

export const SUPPORT_SYSTEMS = ['supportive', 'limited', 'none'] as const;
export type SupportSystem = (typeof SUPPORT_SYSTEMS)[number];
export const SUPPORT_SYSTEM_LABELS: Readonly<Record<SupportSystem, string>> = {
  supportive: 'Supportive',
  limited: 'Limited',
  none: 'None',
};

export const EMPLOYMENT_STATUSES = [
  'employed',
  'unemployed',
  'recent_job_loss',
  'student',
  'retired',
  'disabled',
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EMPLOYMENT_STATUS_LABELS: Readonly<Record<EmploymentStatus, string>> = {
  employed: 'Employed',
  unemployed: 'Unemployed',
  recent_job_loss: 'Recent job loss',
  student: 'Student',
  retired: 'Retired',
  disabled: 'Disabled',
};

export const LEGAL_STATUSES = ['none', 'pending_charges', 'probation_parole', 'court_mandated'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const LEGAL_STATUS_LABELS: Readonly<Record<LegalStatus, string>> = {
  none: 'None',
  pending_charges: 'Pending charges',
  probation_parole: 'Probation or parole',
  court_mandated: 'Court-mandated treatment',
};

/** Pregnancy in intake v2: "yes" and "unknown" are refused when sex is male. */
export const PREGNANCY_STATUSES = ['yes', 'no', 'unknown'] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];
export const PREGNANCY_STATUS_LABELS: Readonly<Record<PregnancyStatus, string>> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Unknown (not known or not asked)',
};

export const COVERAGE_TYPES = [
  'medicaid',
  'medicare',
  'commercial',
  'military',
  'uninsured',
  'other',
  'unknown',
] as const;
export type CoverageType = (typeof COVERAGE_TYPES)[number];
export const COVERAGE_TYPE_LABELS: Readonly<Record<CoverageType, string>> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  commercial: 'Commercial insurance',
  military: 'Military (TRICARE, VA)',
  uninsured: 'Uninsured',
  other: 'Other',
  unknown: 'Unknown',
};

/** Medication for opioid or alcohol use disorder taken now (intake v2 `treatment.currentMedication`). */
export const CURRENT_MEDICATIONS = ['none', 'methadone', 'buprenorphine', 'naltrexone'] as const;
export type CurrentMedication = (typeof CURRENT_MEDICATIONS)[number];
export const CURRENT_MEDICATION_LABELS: Readonly<Record<CurrentMedication, string>> = {
  none: 'None',
  methadone: 'Methadone',
  buprenorphine: 'Buprenorphine',
  naltrexone: 'Naltrexone',
};
