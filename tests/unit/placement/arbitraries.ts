/**
 * fast-check arbitraries for valid intakes (valid against `testIntakeSchema`, i.e. on TEST_TODAY),
 * and "worsening" changes that move one input in the direction of more need. Shared with any
 * test that needs realistic intakes.
 */
import fc from 'fast-check';
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
  type Intake,
  type IntakeSubstance,
} from '@/lib/intake';
import { TEST_TODAY } from './intake-builder';

export { TEST_TODAY };

const toCalendarDate = (date: Date) => date.toISOString().slice(0, 10);

/** A YYYY-MM-DD date between two dates, inclusive. */
export function calendarDateArbitrary(min: string, max: string): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(toCalendarDate);
}

/** Ages 12 to 119 on TEST_TODAY (2025-06-01). */
export const dateOfBirthArbitrary = calendarDateArbitrary('1906-01-01', '2012-12-31');

/** null one time in three: instruments are often not done. */
const scoreOrNull = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null, freq: 3 });

const substanceNames = [
  'Klonopin',
  'Xanax',
  'Vodka',
  'Beer',
  'Heroin',
  'Fentanyl',
  'Oxycodone',
  'Cocaine',
  'Methamphetamine',
  'Cannabis',
  'Zolpidem',
  'Kratom',
];

export const substanceArbitrary: fc.Arbitrary<Omit<IntakeSubstance, 'primary'>> = fc.record(
  {
    category: fc.constantFrom(...SUBSTANCE_CATEGORIES),
    name: fc.constantFrom(...substanceNames),
    route: fc.constantFrom(...ROUTES),
    daysUsedLast30: fc.integer({ min: 0, max: INTAKE_LIMITS.maxDaysUsedLast30 }),
    // Mostly short durations, where the 1/3/6/12-month thresholds are.
    durationMonths: fc.oneof(
      fc.integer({ min: 0, max: 15 }),
      fc.integer({ min: 0, max: INTAKE_LIMITS.maxDurationMonths }),
    ),
    lastUse: calendarDateArbitrary('2024-01-01', TEST_TODAY),
  },
  { requiredKeys: ['category', 'name', 'route', 'daysUsedLast30', 'durationMonths'] },
);

/** 1 to 5 substances (up to the limit of 12 now and then), exactly one primary. */
export const substanceListArbitrary: fc.Arbitrary<IntakeSubstance[]> = fc
  .oneof(
    { weight: 9, arbitrary: fc.array(substanceArbitrary, { minLength: 1, maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(substanceArbitrary, { minLength: 1, maxLength: INTAKE_LIMITS.maxSubstances }) },
  )
  .chain((list) =>
    fc
      .nat({ max: list.length - 1 })
      .map((primaryIndex) => list.map((entry, index) => ({ ...entry, primary: index === primaryIndex }))),
  );

/** PHQ-9 item 9 is part of the total, so it never exceeds it. */
const mentalHealthArbitrary: fc.Arbitrary<Intake['mentalHealth']> = scoreOrNull(INTAKE_LIMITS.maxPhq9).chain((phq9) =>
  fc.record({
    phq9: fc.constant(phq9),
    phq9Item9: scoreOrNull(Math.min(INTAKE_LIMITS.maxPhq9Item9, phq9 ?? INTAKE_LIMITS.maxPhq9Item9)),
    gad7: scoreOrNull(INTAKE_LIMITS.maxGad7),
    suicidalIdeationWithPlan: fc.boolean(),
    psychosis: fc.boolean(),
  }),
);

const noteText = fc.string({ maxLength: 40 });

export const intakeArbitrary: fc.Arbitrary<Intake> = fc.record(
  {
    patient: fc.record(
      {
        firstName: fc.constantFrom('Alex', 'Sam', 'Maria', 'Wei', 'Aisha'),
        lastName: fc.constantFrom('Rivera', 'Lee', 'Okafor', 'Nguyen', 'Smith'),
        dateOfBirth: dateOfBirthArbitrary,
        sex: fc.constantFrom(...SEXES),
        pregnant: fc.boolean(),
        mrn: fc.stringMatching(/^MRN-\d{6}$/),
        phone: fc.constantFrom('555-0100', '+1 555 0101'),
      },
      { requiredKeys: ['firstName', 'lastName', 'dateOfBirth', 'sex', 'pregnant'] },
    ),
    substances: substanceListArbitrary,
    withdrawal: fc.record({
      ciwaAr: scoreOrNull(INTAKE_LIMITS.maxCiwaAr),
      cows: scoreOrNull(INTAKE_LIMITS.maxCows),
      ciwaB: scoreOrNull(INTAKE_LIMITS.maxCiwaB),
      historySeizures: fc.boolean(),
      historyDeliriumTremens: fc.boolean(),
      historyHallucinations: fc.boolean(),
      currentSeizureOrDelirium: fc.boolean(),
    }),
    biomedical: fc.record({
      unstableMedical: fc.boolean(),
      needs24hMedical: fc.boolean(),
      chronicConditions: fc.array(fc.constantFrom('diabetes', 'hypertension', 'hepatitis C', 'asthma', 'HIV'), {
        maxLength: 3,
      }),
    }),
    mentalHealth: mentalHealthArbitrary,
    readiness: fc.record({ stage: fc.constantFrom(...READINESS_STAGES) }),
    relapse: fc.record({
      priorTreatmentEpisodes: fc.oneof(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: INTAKE_LIMITS.maxPriorTreatmentEpisodes }),
      ),
    }),
    environment: fc.record({
      housing: fc.constantFrom(...HOUSING_STATUSES),
      livesWithActiveUser: fc.boolean(),
      supportSystem: fc.constantFrom(...SUPPORT_SYSTEMS),
      interpersonalSafetyConcern: fc.boolean(),
    }),
    socialNeeds: fc.record({
      employment: fc.constantFrom(...EMPLOYMENT_STATUSES),
      financialStrain: fc.boolean(),
      legal: fc.constantFrom(...LEGAL_STATUSES),
      transportationBarrier: fc.boolean(),
      foodInsecurity: fc.boolean(),
    }),
    notes: fc.record(
      {
        substances: noteText,
        withdrawal: noteText,
        medical: noteText,
        mentalHealth: noteText,
        social: noteText,
        general: noteText,
      },
      { requiredKeys: [] },
    ),
  },
  {
    requiredKeys: [
      'patient',
      'substances',
      'withdrawal',
      'biomedical',
      'mentalHealth',
      'readiness',
      'relapse',
      'environment',
      'socialNeeds',
    ],
  },
);

/**
 * Worse-direction orders for the inputs that have one. Readiness: maintenance and action
 * (both D4 0) < preparation < contemplation < precontemplation.
 */
export const READINESS_FROM_BEST = [
  'maintenance',
  'action',
  'preparation',
  'contemplation',
  'precontemplation',
] as const;
export const HOUSING_FROM_BEST = ['stable', 'unstable', 'homeless'] as const;
export const SUPPORT_FROM_BEST = ['supportive', 'limited', 'none'] as const;

/** A number above `current` and at most `max`, chosen by `seed`; null when already at the maximum. */
function higher(current: number, max: number, seed: number): number | null {
  return current >= max ? null : current + 1 + (seed % (max - current));
}

/** A score raised from `current` (null counts as the lowest) to at most `max`. */
function higherScore(current: number | null, max: number, seed: number, min = 0): number | null {
  if (current === null) return min > max ? null : min + (seed % (max - min + 1));
  return higher(current, max, seed);
}

/** The next-worse choice in an ordered list, chosen by `seed`; null at the worst. */
function worseChoice<T>(order: readonly T[], current: T, seed: number): T | null {
  const index = order.indexOf(current);
  const worse = order.slice(index + 1);
  return worse.length === 0 ? null : (worse[seed % worse.length] ?? null);
}

type Worsen = (intake: Intake, seed: number) => Intake | null;

function setFlag<Section extends 'withdrawal' | 'biomedical' | 'mentalHealth' | 'environment' | 'socialNeeds'>(
  section: Section,
  key: { [K in keyof Intake[Section]]: Intake[Section][K] extends boolean ? K : never }[keyof Intake[Section]],
): Worsen {
  return (intake) => (intake[section][key] ? null : { ...intake, [section]: { ...intake[section], [key]: true } });
}

function raiseSubstance(key: 'daysUsedLast30' | 'durationMonths', max: number): Worsen {
  return (intake, seed) => {
    const index = seed % intake.substances.length;
    const entry = intake.substances[index];
    const value = entry && higher(entry[key], max, Math.floor(seed / intake.substances.length));
    if (!entry || value === null) return null;
    return { ...intake, substances: intake.substances.map((s, i) => (i === index ? { ...s, [key]: value } : s)) };
  };
}

function raiseWithdrawalScore(key: 'ciwaAr' | 'cows' | 'ciwaB', max: number): Worsen {
  return (intake, seed) => {
    const value = higherScore(intake.withdrawal[key], max, seed);
    return value === null ? null : { ...intake, withdrawal: { ...intake.withdrawal, [key]: value } };
  };
}

/**
 * One input moved in the "worse" direction (more use, higher scores, yes instead of no, a
 * worse choice, one more substance). Returns null when that input is already at its worst.
 * Every result is still a valid intake.
 */
export const WORSENINGS: Readonly<Record<string, Worsen>> = {
  daysUsedLast30: raiseSubstance('daysUsedLast30', INTAKE_LIMITS.maxDaysUsedLast30),
  durationMonths: raiseSubstance('durationMonths', INTAKE_LIMITS.maxDurationMonths),
  addSubstance: (intake, seed) => {
    if (intake.substances.length >= INTAKE_LIMITS.maxSubstances) return null;
    const added: IntakeSubstance = {
      category: SUBSTANCE_CATEGORIES[seed % SUBSTANCE_CATEGORIES.length] ?? 'other',
      name: 'Added',
      route: 'oral',
      daysUsedLast30: seed % 31,
      durationMonths: seed % 25,
      primary: false,
    };
    return { ...intake, substances: [...intake.substances, added] };
  },
  ciwaAr: raiseWithdrawalScore('ciwaAr', INTAKE_LIMITS.maxCiwaAr),
  cows: raiseWithdrawalScore('cows', INTAKE_LIMITS.maxCows),
  ciwaB: raiseWithdrawalScore('ciwaB', INTAKE_LIMITS.maxCiwaB),
  historySeizures: setFlag('withdrawal', 'historySeizures'),
  historyDeliriumTremens: setFlag('withdrawal', 'historyDeliriumTremens'),
  historyHallucinations: setFlag('withdrawal', 'historyHallucinations'),
  currentSeizureOrDelirium: setFlag('withdrawal', 'currentSeizureOrDelirium'),
  unstableMedical: setFlag('biomedical', 'unstableMedical'),
  needs24hMedical: setFlag('biomedical', 'needs24hMedical'),
  addChronicCondition: (intake) =>
    intake.biomedical.chronicConditions.length >= INTAKE_LIMITS.maxChronicConditions
      ? null
      : {
          ...intake,
          biomedical: { ...intake.biomedical, chronicConditions: [...intake.biomedical.chronicConditions, 'COPD'] },
        },
  pregnant: (intake) =>
    intake.patient.pregnant ? null : { ...intake, patient: { ...intake.patient, pregnant: true } },
  phq9: (intake, seed) => {
    // A PHQ-9 total entered after item 9 must include it.
    const value = higherScore(
      intake.mentalHealth.phq9,
      INTAKE_LIMITS.maxPhq9,
      seed,
      intake.mentalHealth.phq9Item9 ?? 0,
    );
    return value === null ? null : { ...intake, mentalHealth: { ...intake.mentalHealth, phq9: value } };
  },
  phq9Item9: (intake, seed) => {
    const max = Math.min(INTAKE_LIMITS.maxPhq9Item9, intake.mentalHealth.phq9 ?? INTAKE_LIMITS.maxPhq9Item9);
    const value = higherScore(intake.mentalHealth.phq9Item9, max, seed);
    return value === null ? null : { ...intake, mentalHealth: { ...intake.mentalHealth, phq9Item9: value } };
  },
  gad7: (intake, seed) => {
    const value = higherScore(intake.mentalHealth.gad7, INTAKE_LIMITS.maxGad7, seed);
    return value === null ? null : { ...intake, mentalHealth: { ...intake.mentalHealth, gad7: value } };
  },
  suicidalIdeationWithPlan: setFlag('mentalHealth', 'suicidalIdeationWithPlan'),
  psychosis: setFlag('mentalHealth', 'psychosis'),
  readiness: (intake, seed) => {
    const stage = worseChoice(READINESS_FROM_BEST, intake.readiness.stage, seed);
    return stage === null ? null : { ...intake, readiness: { stage } };
  },
  priorTreatmentEpisodes: (intake, seed) => {
    const value = higher(intake.relapse.priorTreatmentEpisodes, INTAKE_LIMITS.maxPriorTreatmentEpisodes, seed);
    return value === null ? null : { ...intake, relapse: { priorTreatmentEpisodes: value } };
  },
  housing: (intake, seed) => {
    const housing = worseChoice(HOUSING_FROM_BEST, intake.environment.housing, seed);
    return housing === null ? null : { ...intake, environment: { ...intake.environment, housing } };
  },
  supportSystem: (intake, seed) => {
    const supportSystem = worseChoice(SUPPORT_FROM_BEST, intake.environment.supportSystem, seed);
    return supportSystem === null ? null : { ...intake, environment: { ...intake.environment, supportSystem } };
  },
  livesWithActiveUser: setFlag('environment', 'livesWithActiveUser'),
  interpersonalSafetyConcern: setFlag('environment', 'interpersonalSafetyConcern'),
  financialStrain: setFlag('socialNeeds', 'financialStrain'),
  transportationBarrier: setFlag('socialNeeds', 'transportationBarrier'),
  foodInsecurity: setFlag('socialNeeds', 'foodInsecurity'),
};

export const worseningNameArbitrary = fc.constantFrom(...Object.keys(WORSENINGS));
