/**
 * Intake v1: the one intake schema (issue 4 §1), shared by the form, the server action, the API and the CLI.
 * Validation depends on "today" (dates in the future, age from date of birth), so today is a
 * parameter: tests pass a fixed date and the default schema reads the server's date at each parse.
 */
import { z } from 'zod';
import type { CalendarDate } from '../calendar-date';
import { todaySource, type IntakeSchemaOptions } from '../schema-options';
import {
  calendarDateField,
  choiceField,
  fieldGroup,
  freeTextField,
  requiredTextField,
  scoreOrNullField,
  textListField,
  wholeNumberField,
  yesNoField,
} from '../field-schemas';
import {
  EMPLOYMENT_STATUSES,
  HOUSING_STATUSES,
  LEGAL_STATUSES,
  READINESS_STAGES,
  ROUTES,
  SEXES,
  SUBSTANCE_CATEGORIES,
  SUPPORT_SYSTEMS,
} from '../options';

export const INTAKE_LIMITS = {
  minAge: 12,
  maxAge: 120,
  minSubstances: 1,
  maxSubstances: 12,
  maxDaysUsedLast30: 30,
  maxDurationMonths: 600,
  maxPriorTreatmentEpisodes: 100,
  maxCiwaAr: 67,
  maxCows: 48,
  maxCiwaB: 80,
  maxPhq9: 27,
  maxPhq9Item9: 3,
  maxGad7: 21,
  maxNameLength: 100,
  maxIdentifierLength: 64,
  maxChronicConditions: 50,
  maxChronicConditionLength: 200,
  maxNoteLength: 4000,
} as const;

/** The sections of an intake, field rules only; rules across fields live in {@link makeIntakeSchema}. */
function intakeSections(today: () => CalendarDate) {
  const L = INTAKE_LIMITS;
  const patient = fieldGroup('The patient section', {
    firstName: requiredTextField('First name', L.maxNameLength),
    lastName: requiredTextField('Last name', L.maxNameLength),
    dateOfBirth: calendarDateField('Date of birth', { today, ageRange: { min: L.minAge, max: L.maxAge } }),
    sex: choiceField('Sex', SEXES),
    pregnant: yesNoField('Pregnant'),
    mrn: requiredTextField('Medical record number', L.maxIdentifierLength).optional(),
    phone: requiredTextField('Phone number', L.maxIdentifierLength).optional(),
  });

  const substance = fieldGroup('Each substance', {
    category: choiceField('Substance category', SUBSTANCE_CATEGORIES),
    name: requiredTextField('Substance name', L.maxNameLength),
    route: choiceField('Route', ROUTES),
    daysUsedLast30: wholeNumberField('Days used in the last 30', 0, L.maxDaysUsedLast30),
    durationMonths: wholeNumberField('Months of regular use', 0, L.maxDurationMonths),
    primary: yesNoField('Primary substance'),
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
    psychosis: yesNoField('Psychosis'),
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
    patient,
    substance,
    withdrawal,
    biomedical,
    mentalHealth,
    readiness,
    relapse,
    environment,
    socialNeeds,
    notes,
  };
}

const substancesListError = (issue: { readonly input?: unknown }) =>
  issue.input === undefined ? 'Substances are required' : 'Substances must be a list';
const substancesCountError = `List from ${INTAKE_LIMITS.minSubstances} to ${INTAKE_LIMITS.maxSubstances} substances`;

/** Builds the intake schema. Pass `today` in tests so results never depend on the clock. */
export function makeIntakeSchema(options: IntakeSchemaOptions = {}) {
  const sections = intakeSections(todaySource(options));
  const substances = z
    .array(sections.substance, { error: substancesListError })
    .min(INTAKE_LIMITS.minSubstances, { error: substancesCountError })
    .max(INTAKE_LIMITS.maxSubstances, { error: substancesCountError })
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
    patient: sections.patient,
    substances,
    withdrawal: sections.withdrawal,
    biomedical: sections.biomedical,
    mentalHealth: sections.mentalHealth,
    readiness: sections.readiness,
    relapse: sections.relapse,
    environment: sections.environment,
    socialNeeds: sections.socialNeeds,
    notes: sections.notes.optional(),
  }).superRefine((intake, ctx) => {
    // Rules across fields: contradictory answers are data-entry errors, not clinical facts.
    const { phq9, phq9Item9 } = intake.mentalHealth;
    if (phq9 !== null && phq9Item9 !== null && phq9Item9 > phq9) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentalHealth', 'phq9Item9'],
        input: phq9Item9,
        message: `PHQ-9 item 9 (${phq9Item9}) cannot be higher than the PHQ-9 total (${phq9}), which includes it`,
      });
    }
    intake.substances.forEach((entry, index) => {
      if (entry.lastUse !== undefined && entry.lastUse < intake.patient.dateOfBirth) {
        ctx.addIssue({
          code: 'custom',
          path: ['substances', index, 'lastUse'],
          input: entry.lastUse,
          message: `Date of last use (${entry.lastUse}) cannot be before the date of birth (${intake.patient.dateOfBirth})`,
        });
      }
    });
  });
}

/** Validates an intake against the server's current date. */
export const IntakeSchema = makeIntakeSchema();

type DatedIntakeSchema = ReturnType<typeof makeIntakeSchema>;
const schemasByDate = new Map<CalendarDate, DatedIntakeSchema>();
const MAX_CACHED_DATES = 64;

/**
 * The intake schema as of a fixed date, built once per date. Building one (and zod compiling it)
 * costs about a millisecond of CPU, which reading a stored case must not pay every time.
 */
export function intakeSchemaOn(today: CalendarDate): DatedIntakeSchema {
  let schema = schemasByDate.get(today);
  if (!schema) {
    schema = makeIntakeSchema({ today });
    if (schemasByDate.size >= MAX_CACHED_DATES) schemasByDate.delete(schemasByDate.keys().next().value!);
    schemasByDate.set(today, schema);
  }
  return schema;
}

/** A complete, valid intake: the only input the placement rules accept. */
export type Intake = z.output<typeof IntakeSchema>;
export type IntakeSubstance = Intake['substances'][number];
export type IntakeNotes = NonNullable<Intake['notes']>;
/** Intake v1 by its version name; `Intake` is the same type under its pre-v2 name. */
export type IntakeV1 = Intake;

export type { IntakeSchemaOptions };

/**
 * A draft saved while staff work through the form: every section and field may be missing,
 * substances may be an empty list and the exactly-one-primary and cross-field rules wait for
 * submission. A field that is present still follows its own rule (type, range, real date),
 * and unknown keys are still rejected.
 */
export function makeIntakeDraftSchema(options: IntakeSchemaOptions = {}) {
  const sections = intakeSections(todaySource(options));
  return fieldGroup('The intake draft', {
    patient: sections.patient.partial().optional(),
    substances: z
      .array(sections.substance.partial(), { error: 'Substances must be a list' })
      .max(INTAKE_LIMITS.maxSubstances, { error: `List at most ${INTAKE_LIMITS.maxSubstances} substances` })
      .optional(),
    withdrawal: sections.withdrawal.partial().optional(),
    biomedical: sections.biomedical.partial().optional(),
    mentalHealth: sections.mentalHealth.partial().optional(),
    readiness: sections.readiness.partial().optional(),
    relapse: sections.relapse.partial().optional(),
    environment: sections.environment.partial().optional(),
    socialNeeds: sections.socialNeeds.partial().optional(),
    notes: sections.notes.optional(),
  });
}

export const IntakeDraftSchema = makeIntakeDraftSchema();
export type IntakeDraft = z.output<typeof IntakeDraftSchema>;
