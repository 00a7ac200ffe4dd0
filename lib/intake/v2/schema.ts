/**
 * Intake v2 (issue 8 §1; fields and readings in docs/intake-v2.md): v1 plus the answers placement
 * rules v2 need. An intake with `"intakeVersion": 2` is a v2 intake. Like v1 it is the one schema
 * for the form, the server action, the API and the CLI, and "today" is a parameter.
 *
 * The refusals are exactly v1's and §1's: the CLI and the API accept every other combination,
 * however unusual, because the form (not the schema) is the place to warn about it.
 */
import { z } from 'zod';
import { ageInYears, daysBetween, type CalendarDate } from '../calendar-date';
import {
  calendarDateField,
  choiceField,
  fieldGroup,
  freeTextField,
  requiredTextField,
  scoreOrNullField,
  textListField,
  wholeNumberField,
  wholeNumberOrNullField,
  yesNoField,
  yesNoOrNullField,
} from '../field-schemas';
import {
  COVERAGE_TYPES,
  CURRENT_MEDICATIONS,
  EMPLOYMENT_STATUSES,
  HOUSING_STATUSES,
  LEGAL_STATUSES,
  PREGNANCY_STATUSES,
  READINESS_STAGES,
  ROUTES,
  SEXES,
  SUBSTANCE_CATEGORIES_V2,
  SUPPORT_SYSTEMS,
  type SubstanceCategoryV2,
} from '../options';
import { todaySource, type IntakeSchemaOptions } from '../schema-options';
import { INTAKE_LIMITS } from '../v1/schema';

export const INTAKE_V2_LIMITS = {
  ...INTAKE_LIMITS,
  minGestationalWeeks: 1,
  maxGestationalWeeks: 42,
  maxPreferredLanguageLength: 40,
  maxRelationshipLength: 100,
  /** `daysUsedLast30` counts the 30 days before the assessment: a last use further back means 0 days. */
  usePeriodDays: 30,
} as const;

export const INTAKE_V2_VERSION = 2;

/** Which substance categories each withdrawal score needs among the substances (issue 8 §1). */
export const WITHDRAWAL_SCORE_NEEDS = {
  ciwaAr: ['alcohol', 'benzodiazepine', 'other_sedative', 'ghb'],
  ciwaB: ['benzodiazepine', 'other_sedative', 'ghb'],
  cows: ['opioid'],
} as const satisfies Readonly<Record<'ciwaAr' | 'ciwaB' | 'cows', readonly SubstanceCategoryV2[]>>;

const WITHDRAWAL_SCORE_LABELS = { ciwaAr: 'CIWA-Ar total', ciwaB: 'CIWA-B total', cows: 'COWS total' } as const;

/** The sections of a v2 intake, field rules only; rules across fields live in {@link makeIntakeV2Schema}. */
function intakeV2Sections(today: () => CalendarDate) {
  const L = INTAKE_V2_LIMITS;
  const patient = fieldGroup('The patient section', {
    firstName: requiredTextField('First name', L.maxNameLength),
    lastName: requiredTextField('Last name', L.maxNameLength),
    // The age limits are checked against assessedOn, across fields.
    dateOfBirth: calendarDateField('Date of birth', { today }),
    sex: choiceField('Sex', SEXES),
    pregnancy: choiceField('Pregnancy', PREGNANCY_STATUSES),
    gestationalWeeks: wholeNumberOrNullField('Weeks of pregnancy', L.minGestationalWeeks, L.maxGestationalWeeks),
    mrn: requiredTextField('Medical record number', L.maxIdentifierLength).optional(),
    phone: requiredTextField('Phone number', L.maxIdentifierLength).optional(),
    preferredLanguage: requiredTextField('Preferred language', L.maxPreferredLanguageLength).optional(),
    interpreterNeeded: yesNoField('Interpreter needed'),
    coverage: choiceField('Coverage', COVERAGE_TYPES),
    emergencyContact: fieldGroup('The emergency contact', {
      name: requiredTextField('Emergency contact name', L.maxNameLength),
      phone: requiredTextField('Emergency contact phone number', L.maxIdentifierLength),
      relationship: requiredTextField('Emergency contact relationship', L.maxRelationshipLength),
    }).nullable(),
  });

  const substance = fieldGroup('Each substance', {
    category: choiceField('Substance category', SUBSTANCE_CATEGORIES_V2),
    name: requiredTextField('Substance name', L.maxNameLength),
    route: choiceField('Route', ROUTES),
    daysUsedLast30: wholeNumberField('Days used in the last 30', 0, L.maxDaysUsedLast30),
    durationMonths: wholeNumberField('Months of regular use', 0, L.maxDurationMonths),
    primary: yesNoField('Primary substance'),
    prescribed: yesNoField('Taken as prescribed'),
    lastUse: calendarDateField('Date of last use', { today }).optional(),
  });

  const withdrawal = fieldGroup('The withdrawal section', {
    ciwaAr: scoreOrNullField('CIWA-Ar total', L.maxCiwaAr),
    cows: scoreOrNullField('COWS total', L.maxCows),
    ciwaB: scoreOrNullField('CIWA-B total', L.maxCiwaB),
    historySeizures: yesNoField('History of withdrawal seizures'),
    historyDeliriumTremens: yesNoField('History of delirium tremens'),
    historyHallucinations: yesNoField('History of withdrawal hallucinations'),
    currentSeizureOrDelirium: yesNoField('Current seizure or delirium'),
  });

  const biomedical = fieldGroup('The medical section', {
    unstableMedical: yesNoField('Unstable medical condition'),
    needs24hMedical: yesNoField('Needs 24-hour medical care'),
    chronicConditions: textListField(
      'Chronic conditions',
      'Each chronic condition',
      L.maxChronicConditions,
      L.maxChronicConditionLength,
    ),
  });

  const mentalHealth = fieldGroup('The mental health section', {
    phq9: scoreOrNullField('PHQ-9 total', L.maxPhq9),
    phq9Item9: scoreOrNullField('PHQ-9 item 9 (thoughts of self-harm)', L.maxPhq9Item9),
    gad7: scoreOrNullField('GAD-7 total', L.maxGad7),
    suicidalIdeationWithPlan: yesNoField('Suicidal ideation with a plan'),
    suicideAttemptLast3Months: yesNoField('Suicide attempt in the last 3 months'),
    homicidalIdeation: yesNoField('Thoughts of seriously harming or killing someone now'),
    // v2 meaning: a stable, treated psychotic disorder is not an emergency and is answered false.
    psychosis: yesNoField('Psychotic symptoms now that are new or not controlled'),
  });

  const overdoseRisk = fieldGroup('The overdose risk section', {
    overdoseLast12Months: yesNoField('Overdose in the last 12 months'),
    lostTolerance: yesNoField('Lost tolerance (released in the last 30 days after a time without use)'),
    usesAlone: yesNoField('Uses alone'),
    naloxoneOnHand: yesNoOrNullField('Naloxone on hand'),
  });

  const treatment = fieldGroup('The treatment section', {
    currentMedication: choiceField('Current medication for opioid or alcohol use disorder', CURRENT_MEDICATIONS),
  });

  const readiness = fieldGroup('The readiness section', {
    stage: choiceField('Stage of change', READINESS_STAGES),
  });

  const relapse = fieldGroup('The relapse history section', {
    priorTreatmentEpisodes: wholeNumberField('Prior treatment episodes', 0, L.maxPriorTreatmentEpisodes),
  });

  const environment = fieldGroup('The living environment section', {
    housing: choiceField('Housing', HOUSING_STATUSES),
    livesWithActiveUser: yesNoField('Lives with someone who actively uses'),
    supportSystem: choiceField('Support system', SUPPORT_SYSTEMS),
    interpersonalSafetyConcern: yesNoField('Interpersonal safety concern'),
    ambulatoryWithdrawalSupport: yesNoField('Safe place and daily check-ins for withdrawal at home'),
    // Issue 12 item 5: asked by the form, optional so every intake without it stays valid; no rule reads it.
    livesAlone: yesNoField('Lives alone').optional(),
  });

  const socialNeeds = fieldGroup('The social needs section', {
    employment: choiceField('Employment', EMPLOYMENT_STATUSES),
    financialStrain: yesNoField('Financial strain'),
    legal: choiceField('Legal situation', LEGAL_STATUSES),
    transportationBarrier: yesNoField('Transportation barrier'),
    foodInsecurity: yesNoField('Food insecurity'),
  });

  // Free text for staff; the placement rules never read it.
  const notes = fieldGroup('The notes section', {
    substances: freeTextField('Substance use notes', L.maxNoteLength).optional(),
    withdrawal: freeTextField('Withdrawal notes', L.maxNoteLength).optional(),
    medical: freeTextField('Medical notes', L.maxNoteLength).optional(),
    mentalHealth: freeTextField('Mental health notes', L.maxNoteLength).optional(),
    social: freeTextField('Social and environment notes', L.maxNoteLength).optional(),
    general: freeTextField('General notes', L.maxNoteLength).optional(),
  });

  return {
    intakeVersion: z.literal(INTAKE_V2_VERSION, {
      error: (issue) =>
        issue.input === undefined
          ? 'Intake version is required (2)'
          : 'Intake version must be 2 for a version 2 intake',
    }),
    assessedOn: calendarDateField('Assessment date', { today }),
    patient,
    substance,
    withdrawal,
    biomedical,
    mentalHealth,
    overdoseRisk,
    treatment,
    readiness,
    relapse,
    environment,
    socialNeeds,
    notes,
  };
}

const substancesListError = (issue: { readonly input?: unknown }) =>
  issue.input === undefined ? 'Substances are required' : 'Substances must be a list';
const substancesCountError = `List from ${INTAKE_V2_LIMITS.minSubstances} to ${INTAKE_V2_LIMITS.maxSubstances} substances`;

/** Builds the v2 intake schema. Pass `today` in tests so results never depend on the clock. */
export function makeIntakeV2Schema(options: IntakeSchemaOptions = {}) {
  const sections = intakeV2Sections(todaySource(options));
  const substances = z
    .array(sections.substance, { error: substancesListError })
    .min(INTAKE_V2_LIMITS.minSubstances, { error: substancesCountError })
    .max(INTAKE_V2_LIMITS.maxSubstances, { error: substancesCountError })
    .superRefine((list, ctx) => {
      const primaries = list.filter((entry) => entry.primary);
      // An empty list already has its own message.
      if (primaries.length === 1 || list.length === 0) return;
      ctx.addIssue({
        code: 'custom',
        input: list,
        message:
          primaries.length === 0
            ? 'Mark exactly one substance as primary; none is marked'
            : `Mark exactly one substance as primary; ${primaries.length} are marked (${primaries.map((entry) => entry.name).join(', ')})`,
      });
    });

  return fieldGroup('The intake', {
    intakeVersion: sections.intakeVersion,
    assessedOn: sections.assessedOn,
    patient: sections.patient,
    substances,
    withdrawal: sections.withdrawal,
    biomedical: sections.biomedical,
    mentalHealth: sections.mentalHealth,
    overdoseRisk: sections.overdoseRisk,
    treatment: sections.treatment,
    readiness: sections.readiness,
    relapse: sections.relapse,
    environment: sections.environment,
    socialNeeds: sections.socialNeeds,
    notes: sections.notes.optional(),
  }).superRefine((intake, ctx) => {
    // Rules across fields: contradictory answers are data-entry errors, not clinical facts.
    // zod runs this only when no field failed its type (dates stop at a bad date too, so each date
    // here is real), but a number out of range still gets here: a rule reading a field that already
    // has its own issue is skipped, so each field gets one message.
    const { assessedOn, patient } = intake;
    const L = INTAKE_V2_LIMITS;
    const failed = (...paths: ReadonlyArray<readonly PropertyKey[]>) =>
      ctx.issues.some((issue) => paths.some((path) => samePath(issue.path ?? [], path)));

    const age = ageInYears(patient.dateOfBirth, assessedOn);
    if (patient.dateOfBirth > assessedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['patient', 'dateOfBirth'],
        input: patient.dateOfBirth,
        message: `Date of birth (${patient.dateOfBirth}) cannot be after the assessment date (${assessedOn})`,
      });
    } else if (age < L.minAge || age > L.maxAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['patient', 'dateOfBirth'],
        input: patient.dateOfBirth,
        message: `Date of birth gives an age of ${age} on the assessment date (${assessedOn}); the patient must be ${L.minAge} to ${L.maxAge} years old`,
      });
    }
    if (patient.sex === 'male' && patient.pregnancy !== 'no') {
      ctx.addIssue({
        code: 'custom',
        path: ['patient', 'pregnancy'],
        input: patient.pregnancy,
        message: `Pregnancy must be "no" when sex is male, not "${patient.pregnancy}"`,
      });
    }
    if (patient.gestationalWeeks !== null && patient.pregnancy !== 'yes' && !failed(['patient', 'gestationalWeeks'])) {
      ctx.addIssue({
        code: 'custom',
        path: ['patient', 'gestationalWeeks'],
        input: patient.gestationalWeeks,
        message: `Weeks of pregnancy must be null unless pregnancy is "yes" (it is "${patient.pregnancy}")`,
      });
    }

    intake.substances.forEach((entry, index) => {
      const { lastUse, daysUsedLast30 } = entry;
      if (lastUse === undefined || failed(['substances', index, 'daysUsedLast30'])) return;
      const issue = (message: string) =>
        ctx.addIssue({ code: 'custom', path: ['substances', index, 'lastUse'], input: lastUse, message });
      if (lastUse < patient.dateOfBirth) {
        issue(`Date of last use (${lastUse}) cannot be before the date of birth (${patient.dateOfBirth})`);
        return;
      }
      const daysAgo = daysBetween(lastUse, assessedOn);
      if (daysAgo < 0) {
        issue(`Date of last use (${lastUse}) cannot be after the assessment date (${assessedOn})`);
      } else if (daysUsedLast30 >= 1 && daysAgo > L.usePeriodDays) {
        issue(
          `Date of last use (${lastUse}) is ${daysAgo} days before the assessment date (${assessedOn}), more than ${L.usePeriodDays}, but days used in the last 30 is ${daysUsedLast30}; correct one of them`,
        );
      } else if (daysUsedLast30 === 0 && daysAgo <= L.usePeriodDays) {
        issue(
          `Date of last use (${lastUse}) is ${daysAgo === 0 ? 'the assessment date' : `${daysAgo} ${daysAgo === 1 ? 'day' : 'days'} before the assessment date (${assessedOn})`}, within the last ${L.usePeriodDays} days, but days used in the last 30 is 0; correct one of them`,
        );
      }
    });

    const listed = new Set(intake.substances.map((entry) => entry.category));
    for (const score of ['ciwaAr', 'ciwaB', 'cows'] as const) {
      const value = intake.withdrawal[score];
      const needs: readonly SubstanceCategoryV2[] = WITHDRAWAL_SCORE_NEEDS[score];
      if (value === null || needs.some((category) => listed.has(category)) || failed(['withdrawal', score])) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['withdrawal', score],
        input: value,
        message: `${WITHDRAWAL_SCORE_LABELS[score]} needs a substance of category ${categoryList(needs)} in the substances; add it, or set the total to null if the score does not apply`,
      });
    }

    const { phq9, phq9Item9 } = intake.mentalHealth;
    if (
      phq9 !== null &&
      phq9Item9 !== null &&
      phq9Item9 > phq9 &&
      !failed(['mentalHealth', 'phq9'], ['mentalHealth', 'phq9Item9'])
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentalHealth', 'phq9Item9'],
        input: phq9Item9,
        message: `PHQ-9 item 9 (${phq9Item9}) cannot be higher than the PHQ-9 total (${phq9}), which includes it`,
      });
    }
  });
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** "alcohol, benzodiazepine, other_sedative or ghb" */
function categoryList(categories: readonly string[]): string {
  return categories.length === 1
    ? categories[0]!
    : `${categories.slice(0, -1).join(', ')} or ${categories[categories.length - 1]}`;
}

/** Validates a v2 intake against the server's current date. */
export const IntakeV2Schema = makeIntakeV2Schema();

type DatedIntakeV2Schema = ReturnType<typeof makeIntakeV2Schema>;
const schemasByDate = new Map<CalendarDate, DatedIntakeV2Schema>();
const MAX_CACHED_DATES = 64;

/** The v2 intake schema as of a fixed date, built once per date (see v1's `intakeSchemaOn`). */
export function intakeV2SchemaOn(today: CalendarDate): DatedIntakeV2Schema {
  let schema = schemasByDate.get(today);
  if (!schema) {
    schema = makeIntakeV2Schema({ today });
    if (schemasByDate.size >= MAX_CACHED_DATES) schemasByDate.delete(schemasByDate.keys().next().value!);
    schemasByDate.set(today, schema);
  }
  return schema;
}

/** A complete, valid v2 intake: the only input placement rules v2 accept. */
export type IntakeV2 = z.output<typeof IntakeV2Schema>;
export type IntakeV2Patient = IntakeV2['patient'];
export type IntakeV2Substance = IntakeV2['substances'][number];
export type IntakeV2EmergencyContact = NonNullable<IntakeV2Patient['emergencyContact']>;
export type IntakeV2OverdoseRisk = IntakeV2['overdoseRisk'];
export type IntakeV2Notes = NonNullable<IntakeV2['notes']>;

/**
 * A v2 draft saved while staff work through the form, as v1's draft: every section and field may
 * be missing (intakeVersion too), substances may be an empty list, and the exactly-one-primary and
 * cross-field rules (ages, pregnancy, last use, withdrawal scores) wait for submission. A field
 * that is present still follows its own rule, and unknown keys are still rejected.
 */
export function makeIntakeV2DraftSchema(options: IntakeSchemaOptions = {}) {
  const sections = intakeV2Sections(todaySource(options));
  return fieldGroup('The intake draft', {
    intakeVersion: sections.intakeVersion.optional(),
    assessedOn: sections.assessedOn.optional(),
    patient: sections.patient
      .extend({ emergencyContact: sections.patient.shape.emergencyContact.unwrap().partial().nullable() })
      .partial()
      .optional(),
    substances: z
      .array(sections.substance.partial(), { error: 'Substances must be a list' })
      .max(INTAKE_V2_LIMITS.maxSubstances, { error: `List at most ${INTAKE_V2_LIMITS.maxSubstances} substances` })
      .optional(),
    withdrawal: sections.withdrawal.partial().optional(),
    biomedical: sections.biomedical.partial().optional(),
    mentalHealth: sections.mentalHealth.partial().optional(),
    overdoseRisk: sections.overdoseRisk.partial().optional(),
    treatment: sections.treatment.partial().optional(),
    readiness: sections.readiness.partial().optional(),
    relapse: sections.relapse.partial().optional(),
    environment: sections.environment.partial().optional(),
    socialNeeds: sections.socialNeeds.partial().optional(),
    notes: sections.notes.optional(),
  });
}

export const IntakeV2DraftSchema = makeIntakeV2DraftSchema();
export type IntakeV2Draft = z.output<typeof IntakeV2DraftSchema>;
