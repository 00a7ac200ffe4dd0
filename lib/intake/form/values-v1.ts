/**
 * The intake form's values as the v1 form saved them (drafts stored with `formVersion: 1`, before
 * intake v2). Kept only to read those drafts: {@link upgradeFormValuesV1} turns them into v2 form
 * values, so a draft started before v2 opens in the v2 form and keeps saving (as v2).
 *
 * Pure and client-safe.
 */
import { z } from 'zod';

import { CIWA_AR, COWS, GAD7, PHQ9, type ItemizedInstrument } from '@/lib/instruments';
import {
  EMPLOYMENT_STATUSES,
  HOUSING_STATUSES,
  INTAKE_LIMITS,
  LEGAL_STATUSES,
  READINESS_STAGES,
  ROUTES,
  SEXES,
  SUBSTANCE_CATEGORIES,
  SUPPORT_SYSTEMS,
} from '@/lib/intake';

import {
  INSTRUMENT_STATUSES,
  YES_NO,
  emptyIntakeFormValues,
  type IntakeFormValues,
  type ItemizedInstrumentValues,
  type TotalInstrumentValues,
  type YesNo,
} from './values';

export interface SubstanceRowValuesV1 {
  /** Stable key for the row while it is edited (React key, focus after add/remove); not part of the intake. */
  readonly rowId: string;
  readonly category: '' | (typeof SUBSTANCE_CATEGORIES)[number];
  readonly name: string;
  readonly route: '' | (typeof ROUTES)[number];
  readonly daysUsedLast30: string;
  readonly durationMonths: string;
  readonly primary: boolean;
  readonly lastUse: string;
}

export interface IntakeFormValuesV1 {
  readonly patient: {
    readonly firstName: string;
    readonly lastName: string;
    readonly dateOfBirth: string;
    readonly sex: '' | (typeof SEXES)[number];
    readonly pregnant: YesNo;
    readonly mrn: string;
    readonly phone: string;
  };
  readonly substances: readonly SubstanceRowValuesV1[];
  readonly withdrawal: {
    readonly ciwaAr: ItemizedInstrumentValues;
    readonly cows: ItemizedInstrumentValues;
    readonly ciwaB: TotalInstrumentValues;
    readonly historySeizures: YesNo;
    readonly historyDeliriumTremens: YesNo;
    readonly historyHallucinations: YesNo;
    readonly currentSeizureOrDelirium: YesNo;
  };
  readonly biomedical: {
    readonly unstableMedical: YesNo;
    readonly needs24hMedical: YesNo;
    /** One condition per line. */
    readonly chronicConditions: string;
  };
  readonly mentalHealth: {
    readonly phq9: ItemizedInstrumentValues;
    readonly gad7: ItemizedInstrumentValues;
    readonly suicidalIdeationWithPlan: YesNo;
    readonly psychosis: YesNo;
  };
  readonly readiness: { readonly stage: '' | (typeof READINESS_STAGES)[number] };
  readonly relapse: { readonly priorTreatmentEpisodes: string };
  readonly environment: {
    readonly housing: '' | (typeof HOUSING_STATUSES)[number];
    readonly livesWithActiveUser: YesNo;
    readonly supportSystem: '' | (typeof SUPPORT_SYSTEMS)[number];
    readonly interpersonalSafetyConcern: YesNo;
  };
  readonly socialNeeds: {
    readonly employment: '' | (typeof EMPLOYMENT_STATUSES)[number];
    readonly financialStrain: YesNo;
    readonly legal: '' | (typeof LEGAL_STATUSES)[number];
    readonly transportationBarrier: YesNo;
    readonly foodInsecurity: YesNo;
  };
  readonly notes: {
    readonly substances: string;
    readonly withdrawal: string;
    readonly medical: string;
    readonly mentalHealth: string;
    readonly social: string;
    readonly general: string;
  };
}

// ---------------------------------------------------------------------------------------------
// The shape check for what a browser sends (autosave, review, submit). Lenient about content —
// that is the intake schema's job at review — strict about shape and size, so a draft can only
// ever hold form values and a request cannot store megabytes.

const L = INTAKE_LIMITS;
const text = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const choiceOrBlank = <const T extends readonly [string, ...string[]]>(options: T) => z.enum(['', ...options]);
const yesNo = choiceOrBlank(YES_NO);
const instrumentStatus = choiceOrBlank(INSTRUMENT_STATUSES);
/** Room for a typed number with a stray character or two; the intake schema names the rule. */
const typedNumber = text(12);
const typedDate = text(20);

function itemizedValuesSchema(instrument: ItemizedInstrument) {
  const itemAnswer = z.number().int().min(0).max(10).nullable().optional();
  return z.strictObject({
    status: instrumentStatus,
    items: z.strictObject(Object.fromEntries(instrument.items.map((item) => [item.id, itemAnswer]))),
  });
}

export const IntakeFormValuesV1Schema = z.strictObject({
  patient: z.strictObject({
    firstName: text(L.maxNameLength),
    lastName: text(L.maxNameLength),
    dateOfBirth: typedDate,
    sex: choiceOrBlank(SEXES),
    pregnant: yesNo,
    mrn: text(L.maxIdentifierLength),
    phone: text(L.maxIdentifierLength),
  }),
  substances: z
    .array(
      z.strictObject({
        rowId: z.string().min(1).max(64),
        category: choiceOrBlank(SUBSTANCE_CATEGORIES),
        name: text(L.maxNameLength),
        route: choiceOrBlank(ROUTES),
        daysUsedLast30: typedNumber,
        durationMonths: typedNumber,
        primary: z.boolean(),
        lastUse: typedDate,
      }),
    )
    .max(L.maxSubstances),
  withdrawal: z.strictObject({
    ciwaAr: itemizedValuesSchema(CIWA_AR),
    cows: itemizedValuesSchema(COWS),
    ciwaB: z.strictObject({ status: instrumentStatus, total: typedNumber }),
    historySeizures: yesNo,
    historyDeliriumTremens: yesNo,
    historyHallucinations: yesNo,
    currentSeizureOrDelirium: yesNo,
  }),
  biomedical: z.strictObject({
    unstableMedical: yesNo,
    needs24hMedical: yesNo,
    chronicConditions: text(L.maxChronicConditions * (L.maxChronicConditionLength + 1)),
  }),
  mentalHealth: z.strictObject({
    phq9: itemizedValuesSchema(PHQ9),
    gad7: itemizedValuesSchema(GAD7),
    suicidalIdeationWithPlan: yesNo,
    psychosis: yesNo,
  }),
  readiness: z.strictObject({ stage: choiceOrBlank(READINESS_STAGES) }),
  relapse: z.strictObject({ priorTreatmentEpisodes: typedNumber }),
  environment: z.strictObject({
    housing: choiceOrBlank(HOUSING_STATUSES),
    livesWithActiveUser: yesNo,
    supportSystem: choiceOrBlank(SUPPORT_SYSTEMS),
    interpersonalSafetyConcern: yesNo,
  }),
  socialNeeds: z.strictObject({
    employment: choiceOrBlank(EMPLOYMENT_STATUSES),
    financialStrain: yesNo,
    legal: choiceOrBlank(LEGAL_STATUSES),
    transportationBarrier: yesNo,
    foodInsecurity: yesNo,
  }),
  notes: z.strictObject({
    substances: text(L.maxNoteLength),
    withdrawal: text(L.maxNoteLength),
    medical: text(L.maxNoteLength),
    mentalHealth: text(L.maxNoteLength),
    social: text(L.maxNoteLength),
    general: text(L.maxNoteLength),
  }),
});

// The schema and the interface describe the same thing; this line fails to compile if they drift.
const _schemaMatchesInterface: z.ZodType<IntakeFormValuesV1> = IntakeFormValuesV1Schema;
void _schemaMatchesInterface;

/**
 * v1 form values → v2 form values. Every v1 answer keeps its meaning: "Pregnant?" yes → pregnancy
 * "yes", no → "no" (unanswered stays unanswered); every question v2 adds starts unanswered, so
 * nothing is assumed for the patient (issue 8 §3: existing drafts keep working).
 */
export function upgradeFormValuesV1(values: IntakeFormValuesV1): IntakeFormValues {
  const empty = emptyIntakeFormValues();
  const { pregnant, ...patient } = values.patient;
  return {
    ...empty,
    patient: { ...empty.patient, ...patient, pregnancy: pregnant },
    substances: values.substances.map((row) => ({ ...row, prescribed: '' })),
    withdrawal: values.withdrawal,
    biomedical: values.biomedical,
    mentalHealth: { ...empty.mentalHealth, ...values.mentalHealth },
    readiness: values.readiness,
    relapse: values.relapse,
    environment: { ...empty.environment, ...values.environment },
    socialNeeds: values.socialNeeds,
    notes: values.notes,
  };
}
