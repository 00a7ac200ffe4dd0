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
export const SUBSTANCE_CATEGORY_LABELS: Readonly<Record<SubstanceCategory, string>> = {
  alcohol: 'Alcohol',
  benzodiazepine: 'Benzodiazepine',
  other_sedative: 'Other sedative',
  opioid: 'Opioid',
  stimulant: 'Stimulant',
  cannabis: 'Cannabis',
  other: 'Other',
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

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'recent_job_loss', 'student', 'retired', 'disabled'] as const;
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
