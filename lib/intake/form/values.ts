/**
 * What the intake form holds while staff type: the shape of an intake v2, but as entered — text
 * for numbers and dates, '' for "not answered yet", instrument answers item by item. Drafts store
 * exactly this, so a half-typed date or a number out of range is kept (and reported at review)
 * instead of being lost. `formValuesToIntake` turns it into a v2 intake for the one schema.
 * Drafts saved by the v1 form are read with ./values-v1 and upgraded (./any-values).
 *
 * Pure and client-safe: the form, the server actions and the tests share it.
 */
import { z } from 'zod';

import { CIWA_AR, COWS, GAD7, PHQ9, type ItemizedInstrument } from '@/lib/instruments';
import {
  COVERAGE_TYPES,
  CURRENT_MEDICATIONS,
  EMPLOYMENT_STATUSES,
  HOUSING_STATUSES,
  INTAKE_V2_LIMITS,
  INTAKE_V2_VERSION,
  LEGAL_STATUSES,
  PREGNANCY_STATUSES,
  READINESS_STAGES,
  ROUTES,
  SEXES,
  SUBSTANCE_CATEGORIES_V2,
  SUPPORT_SYSTEMS,
} from '@/lib/intake';

/** A yes/no question nobody has answered yet is '' — safety questions have no default answer. */
export const YES_NO = ['yes', 'no'] as const;
export type YesNo = '' | (typeof YES_NO)[number];

/** Naloxone on hand: "unknown" is an answer (stored as null), '' is not answered yet. */
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = '' | (typeof YES_NO_UNKNOWN)[number];

/** '' until staff choose: an instrument left out must be a decision ("not assessed"), not an oversight. */
export const INSTRUMENT_STATUSES = ['not_assessed', 'assessed'] as const;
export type InstrumentStatus = '' | (typeof INSTRUMENT_STATUSES)[number];

/** The itemized instruments the form asks item by item, by their key in the form values. */
export const ITEMIZED_INSTRUMENTS = { ciwaAr: CIWA_AR, cows: COWS, phq9: PHQ9, gad7: GAD7 } as const satisfies Record<
  string,
  ItemizedInstrument
>;
export type ItemizedInstrumentKey = keyof typeof ITEMIZED_INSTRUMENTS;

export interface ItemizedInstrumentValues {
  readonly status: InstrumentStatus;
  /** Item id → chosen value; missing or null = not answered yet. */
  readonly items: Readonly<Record<string, number | null | undefined>>;
}

export interface TotalInstrumentValues {
  readonly status: InstrumentStatus;
  readonly total: string;
}

export interface SubstanceRowValues {
  /** Stable key for the row while it is edited (React key, focus after add/remove); not part of the intake. */
  readonly rowId: string;
  readonly category: '' | (typeof SUBSTANCE_CATEGORIES_V2)[number];
  readonly name: string;
  readonly route: '' | (typeof ROUTES)[number];
  readonly daysUsedLast30: string;
  readonly durationMonths: string;
  readonly primary: boolean;
  /** Taken as prescribed by the patient's own prescriber (methadone or buprenorphine from their program too). */
  readonly prescribed: YesNo;
  readonly lastUse: string;
}

export interface EmergencyContactValues {
  /** Does the patient name an emergency contact? "no" stores `emergencyContact: null`. */
  readonly given: YesNo;
  readonly name: string;
  readonly phone: string;
  readonly relationship: string;
}

export interface IntakeFormValues {
  /** Always 2: the form builds v2 intakes, and drafts saved by it say so. */
  readonly intakeVersion: typeof INTAKE_V2_VERSION;
  readonly patient: {
    readonly firstName: string;
    readonly lastName: string;
    readonly dateOfBirth: string;
    readonly sex: '' | (typeof SEXES)[number];
    /** Asked for female, other and unknown; for male it is hidden and the intake says "no" (issue 12 item 5). */
    readonly pregnancy: '' | (typeof PREGNANCY_STATUSES)[number];
    /** Asked when pregnancy is "yes"; blank = not known (null). */
    readonly gestationalWeeks: string;
    readonly mrn: string;
    readonly phone: string;
    readonly preferredLanguage: string;
    readonly interpreterNeeded: YesNo;
    readonly coverage: '' | (typeof COVERAGE_TYPES)[number];
    readonly emergencyContact: EmergencyContactValues;
  };
  readonly substances: readonly SubstanceRowValues[];
  readonly overdoseRisk: {
    readonly overdoseLast12Months: YesNo;
    readonly lostTolerance: YesNo;
    readonly usesAlone: YesNo;
    readonly naloxoneOnHand: YesNoUnknown;
  };
  readonly treatment: { readonly currentMedication: '' | (typeof CURRENT_MEDICATIONS)[number] };
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
    readonly suicideAttemptLast3Months: YesNo;
    readonly homicidalIdeation: YesNo;
    readonly psychosis: YesNo;
  };
  readonly readiness: { readonly stage: '' | (typeof READINESS_STAGES)[number] };
  readonly relapse: { readonly priorTreatmentEpisodes: string };
  readonly environment: {
    readonly housing: '' | (typeof HOUSING_STATUSES)[number];
    readonly livesWithActiveUser: YesNo;
    /** Optional in the intake: '' leaves it out. */
    readonly livesAlone: YesNo;
    readonly supportSystem: '' | (typeof SUPPORT_SYSTEMS)[number];
    readonly interpersonalSafetyConcern: YesNo;
    readonly ambulatoryWithdrawalSupport: YesNo;
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

export function emptySubstanceRow(rowId: string, primary: boolean): SubstanceRowValues {
  return {
    rowId,
    category: '',
    name: '',
    route: '',
    daysUsedLast30: '',
    durationMonths: '',
    primary,
    prescribed: '',
    lastUse: '',
  };
}

const emptyItemized = (): ItemizedInstrumentValues => ({ status: '', items: {} });

/** A new intake: one substance row (primary), nothing answered. */
export function emptyIntakeFormValues(firstRowId = 'substance-1'): IntakeFormValues {
  return {
    intakeVersion: INTAKE_V2_VERSION,
    patient: {
      firstName: '',
      lastName: '',
      dateOfBirth: '',
      sex: '',
      pregnancy: '',
      gestationalWeeks: '',
      mrn: '',
      phone: '',
      preferredLanguage: '',
      interpreterNeeded: '',
      coverage: '',
      emergencyContact: { given: '', name: '', phone: '', relationship: '' },
    },
    substances: [emptySubstanceRow(firstRowId, true)],
    overdoseRisk: { overdoseLast12Months: '', lostTolerance: '', usesAlone: '', naloxoneOnHand: '' },
    treatment: { currentMedication: '' },
    withdrawal: {
      ciwaAr: emptyItemized(),
      cows: emptyItemized(),
      ciwaB: { status: '', total: '' },
      historySeizures: '',
      historyDeliriumTremens: '',
      historyHallucinations: '',
      currentSeizureOrDelirium: '',
    },
    biomedical: { unstableMedical: '', needs24hMedical: '', chronicConditions: '' },
    mentalHealth: {
      phq9: emptyItemized(),
      gad7: emptyItemized(),
      suicidalIdeationWithPlan: '',
      suicideAttemptLast3Months: '',
      homicidalIdeation: '',
      psychosis: '',
    },
    readiness: { stage: '' },
    relapse: { priorTreatmentEpisodes: '' },
    environment: {
      housing: '',
      livesWithActiveUser: '',
      livesAlone: '',
      supportSystem: '',
      interpersonalSafetyConcern: '',
      ambulatoryWithdrawalSupport: '',
    },
    socialNeeds: { employment: '', financialStrain: '', legal: '', transportationBarrier: '', foodInsecurity: '' },
    notes: { substances: '', withdrawal: '', medical: '', mentalHealth: '', social: '', general: '' },
  };
}

/** Pregnancy is asked unless the sex is male (then the intake says "no"); unanswered sex asks it. */
export function asksPregnancy(sex: IntakeFormValues['patient']['sex']): boolean {
  return sex !== 'male';
}

// ---------------------------------------------------------------------------------------------
// The shape check for what a browser sends (autosave, review, submit). Lenient about content —
// that is the intake schema's job at review — strict about shape and size, so a draft can only
// ever hold form values and a request cannot store megabytes.

const L = INTAKE_V2_LIMITS;
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

export const IntakeFormValuesSchema = z.strictObject({
  intakeVersion: z.literal(INTAKE_V2_VERSION),
  patient: z.strictObject({
    firstName: text(L.maxNameLength),
    lastName: text(L.maxNameLength),
    dateOfBirth: typedDate,
    sex: choiceOrBlank(SEXES),
    pregnancy: choiceOrBlank(PREGNANCY_STATUSES),
    gestationalWeeks: typedNumber,
    mrn: text(L.maxIdentifierLength),
    phone: text(L.maxIdentifierLength),
    preferredLanguage: text(L.maxPreferredLanguageLength),
    interpreterNeeded: yesNo,
    coverage: choiceOrBlank(COVERAGE_TYPES),
    emergencyContact: z.strictObject({
      given: yesNo,
      name: text(L.maxNameLength),
      phone: text(L.maxIdentifierLength),
      relationship: text(L.maxRelationshipLength),
    }),
  }),
  substances: z
    .array(
      z.strictObject({
        rowId: z.string().min(1).max(64),
        category: choiceOrBlank(SUBSTANCE_CATEGORIES_V2),
        name: text(L.maxNameLength),
        route: choiceOrBlank(ROUTES),
        daysUsedLast30: typedNumber,
        durationMonths: typedNumber,
        primary: z.boolean(),
        prescribed: yesNo,
        lastUse: typedDate,
      }),
    )
    .max(L.maxSubstances),
  overdoseRisk: z.strictObject({
    overdoseLast12Months: yesNo,
    lostTolerance: yesNo,
    usesAlone: yesNo,
    naloxoneOnHand: choiceOrBlank(YES_NO_UNKNOWN),
  }),
  treatment: z.strictObject({ currentMedication: choiceOrBlank(CURRENT_MEDICATIONS) }),
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
    suicideAttemptLast3Months: yesNo,
    homicidalIdeation: yesNo,
    psychosis: yesNo,
  }),
  readiness: z.strictObject({ stage: choiceOrBlank(READINESS_STAGES) }),
  relapse: z.strictObject({ priorTreatmentEpisodes: typedNumber }),
  environment: z.strictObject({
    housing: choiceOrBlank(HOUSING_STATUSES),
    livesWithActiveUser: yesNo,
    livesAlone: yesNo,
    supportSystem: choiceOrBlank(SUPPORT_SYSTEMS),
    interpersonalSafetyConcern: yesNo,
    ambulatoryWithdrawalSupport: yesNo,
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
const _schemaMatchesInterface: z.ZodType<IntakeFormValues> = IntakeFormValuesSchema;
void _schemaMatchesInterface;
