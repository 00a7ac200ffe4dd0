// What a new case and a re-assessment both write (lib/cases/create-case.ts, reassess-case.ts): the
// same columns, on Case and on its CaseAssessment row, from the validated intake and the
// recommendation computed on the server — written once here so the two can never drift apart.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AnyIntake } from '@/lib/intake';
import { AnyFormValuesSchema } from '@/lib/intake/form/any-values';
import { fitFormValuesToLimits } from '@/lib/intake/form/text-limits';
import type { InstrumentItems } from '@/lib/intake/form/to-intake';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import type { AnyPlacementRecommendation } from '@/lib/placement';

import { isUrgentFlag } from './recommendation-view';
import { searchKey } from './search-key';

/** The refusals the two share, word for word. */
export const INTAKE_FORM_MESSAGES = {
  malformed: 'The form sent something it should not have. Reload the page and try again. Nothing was saved.',
  incomplete: 'Some answers are missing or break a rule. Nothing was saved.',
  invalidIntake: 'The intake is not complete or has answers that break a rule. Nothing was saved.',
  itemsMismatch: 'The instrument answers do not match the totals. Nothing was saved.',
} as const;

/**
 * The intake form's values as sent, or null when they are not a form's values at all. A v1 draft's
 * values (a page loaded before intake v2) pass as they are (formValuesToIntake upgrades them); a v2
 * answer over its length limit passes as typed, so the problem names the field and its limit
 * (never stored cut).
 */
export function readIntakeFormValues(raw: unknown): IntakeFormValues | null {
  const anyVersion = AnyFormValuesSchema.safeParse(raw);
  if (anyVersion.success) return anyVersion.data;
  return fitFormValuesToLimits(raw).ok ? (raw as IntakeFormValues) : null;
}

/**
 * What only the Case row holds: the patient's columns, with the accent- and case-free keys the
 * list searches, and whether a flag is urgent (the list's urgent filter and the dashboard's queue
 * read this column; isUrgentFlag is the rules tables' urgency).
 */
export function caseOnlyColumns(patient: AnyIntake['patient'], recommendation: AnyPlacementRecommendation) {
  return {
    urgent: recommendation.flags.some((flag) => isUrgentFlag(flag)),
    patientFirstName: patient.firstName,
    patientLastName: patient.lastName,
    patientDateOfBirth: new Date(`${patient.dateOfBirth}T00:00:00Z`),
    patientMrn: patient.mrn ?? null,
    patientFirstNameKey: searchKey(patient.firstName),
    patientLastNameKey: searchKey(patient.lastName),
    patientMrnKey: patient.mrn === undefined ? null : searchKey(patient.mrn),
  };
}

/**
 * The scored assessment's columns. The final levels start as the computed ones (an override is a
 * later, separate, reasoned step). `instrumentItems` is undefined when no item answers were given.
 */
export function assessmentColumns(
  intake: AnyIntake,
  instrumentItems: InstrumentItems,
  recommendation: AnyPlacementRecommendation,
) {
  return {
    intake: toJson(intake),
    instrumentItems: Object.keys(instrumentItems).length > 0 ? toJson(instrumentItems) : undefined,
    recommendation: toJson(recommendation),
    rulesVersion: recommendation.rulesVersion,
    computedLevel: recommendation.treatmentLevel,
    computedWm: recommendation.withdrawalManagement,
    finalLevel: recommendation.treatmentLevel,
    finalWm: recommendation.withdrawalManagement,
    flags: [...recommendation.flags],
  };
}

/** Plain validated data → a JSON column value. */
function toJson(value: unknown): Prisma.InputJsonValue {
  // Validated intakes, recommendations and item answers are plain objects of JSON values.
  return value as Prisma.InputJsonValue;
}
