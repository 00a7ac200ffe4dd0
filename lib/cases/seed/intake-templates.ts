/**
 * Clinical content for synthetic cases (issue 9 item 9): a few hundred v2 intakes drawn from a
 * seeded generator, each parsed with the real v2 schema and scored by the real placement rules
 * (lib/placement's one entry point). The seed copies each template onto many rows with that row's
 * own patient, assessment date, date of birth and dates of last use: every date in the template's
 * intake and recommendation JSON is replaced by a token naming its offset from the assessment date
 * ({@link TEMPLATE_TOKENS}), which the SQL fills in per case. Ages are kept in whole years, the only
 * way the rules read a date of birth, so the rules give the same recommendation with the row's
 * dates substituted (the seed's integration test re-runs the rules on every seeded case to prove it).
 * Pure: no database, no clock.
 */
import {
  COVERAGE_TYPES,
  EMPLOYMENT_STATUSES,
  LEGAL_STATUSES,
  READINESS_STAGES,
  SUBSTANCE_CATEGORY_LABELS,
  makeIntakeV2Schema,
  type IntakeV2,
  type SubstanceCategoryV2,
} from '@/lib/intake';
import { recommendPlacement, TREATMENT_LEVELS, type AnyPlacementRecommendation } from '@/lib/placement';

import { FIRST_NAMES, LAST_NAMES } from './names';
import { chance, integer, pick, seededRandom, type Random } from './random';

/** The assessment day templates are written on; each case gets its own in place of it. */
export const TEMPLATE_DAY = '2025-06-01';
/** Days before the assessment a last use may be: each has its own token. */
export const LAST_USE_OFFSETS = [0, 1, 2, 3, 5, 45, 90] as const;

export const TEMPLATE_TOKENS = {
  dateOfBirth: '@@DOB@@',
  daysBefore: (days: number) => `@@D${days}@@`,
} as const;

/** Placeholder patient names in the template: the seed writes each case's own. */
const TEMPLATE_FIRST_NAME = 'Template';
const TEMPLATE_LAST_NAME = 'Patient';

export interface IntakeTemplate {
  /** The parsed intake as JSON text, dates replaced by tokens, patient names placeholders, no MRN. */
  readonly intakeJson: string;
  /** The recommendation the rules gave, as JSON text, dates replaced by the same tokens. */
  readonly recommendationJson: string;
  /** Whole years on the assessment date, and days past that birthday (0–300). */
  readonly ageYears: number;
  readonly birthdayDaysAgo: number;
  readonly rulesVersion: string;
  readonly treatmentLevel: string;
  readonly withdrawalManagement: string;
  readonly flags: readonly string[];
  /** A level a clinician might override to (one step more intensive, or less at the top). */
  readonly overrideLevel: string;
}

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `day` minus whole years (29 February → 28 February, as PostgreSQL's date - interval does). */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

export function dateOfBirthFor(assessedOn: string, ageYears: number, birthdayDaysAgo: number): string {
  return addDays(yearsBefore(assessedOn, ageYears), -birthdayDaysAgo);
}

const PRIMARY_WEIGHTS: ReadonlyArray<readonly [SubstanceCategoryV2, number]> = [
  ['alcohol', 34],
  ['opioid', 28],
  ['stimulant', 14],
  ['cannabis', 10],
  ['benzodiazepine', 7],
  ['other_sedative', 2],
  ['gabapentinoid', 2],
  ['ghb', 1],
  ['other', 2],
];

const ROUTES_BY_CATEGORY: Readonly<Record<SubstanceCategoryV2, readonly IntakeV2['substances'][number]['route'][]>> = {
  alcohol: ['oral'],
  opioid: ['injected', 'smoked', 'intranasal', 'oral'],
  stimulant: ['smoked', 'intranasal', 'injected', 'oral'],
  cannabis: ['smoked', 'oral'],
  benzodiazepine: ['oral'],
  other_sedative: ['oral'],
  gabapentinoid: ['oral'],
  ghb: ['oral'],
  other: ['oral', 'other'],
};

const CONDITIONS = ['Hypertension', 'Type 2 diabetes', 'Hepatitis C', 'Asthma', 'Chronic back pain', 'COPD'];

const NOTES: ReadonlyArray<IntakeV2['notes']> = [
  {
    substances: 'Reports drinking most days for the past year; last drink yesterday evening.',
    general: 'Referred by the emergency department after a fall; asked about residential options.',
  },
  {
    substances: 'Daily fentanyl, smoked. Previously on buprenorphine for six months and stopped when insurance lapsed.',
    social: 'Staying with a friend; part-time job, worried about missing shifts.',
  },
  { mentalHealth: 'Panic attacks since adolescence; follows with a psychiatrist every three months.' },
  undefined,
  undefined,
];

function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of entries) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function substanceEntry(random: Random, category: SubstanceCategoryV2, primary: boolean, day: string) {
  const daysUsedLast30 = primary ? pick(random, [30, 28, 20, 12, 5, 1, 0]) : pick(random, [0, 2, 8, 15]);
  const lastUseOffset =
    daysUsedLast30 > 0
      ? pick(
          random,
          LAST_USE_OFFSETS.filter((days) => days <= 5),
        )
      : pick(random, [45, 90]);
  return {
    category,
    name: SUBSTANCE_CATEGORY_LABELS[category],
    route: pick(random, ROUTES_BY_CATEGORY[category]),
    daysUsedLast30,
    durationMonths: pick(random, [2, 6, 12, 24, 60, 120]),
    primary,
    prescribed: (category === 'benzodiazepine' || category === 'gabapentinoid') && chance(random, 0.3),
    ...(chance(random, 0.8) ? { lastUse: addDays(day, -lastUseOffset) } : {}),
  };
}

/** One raw v2 intake (not yet parsed), assessed on `day`; the real schema decides if it is valid. */
export function generateIntake(random: Random, day: string = TEMPLATE_DAY): Record<string, unknown> {
  const ageYears = chance(random, 0.04) ? integer(random, 13, 17) : integer(random, 18, 74);
  const birthdayDaysAgo = integer(random, 0, 300);
  const sex = weighted(random, [
    ['male', 55],
    ['female', 42],
    ['other', 2],
    ['unknown', 1],
  ] as const);
  const pregnant = sex === 'female' && ageYears < 45 && chance(random, 0.08);
  const primary = weighted(random, PRIMARY_WEIGHTS);
  const others = (['alcohol', 'opioid', 'stimulant', 'cannabis', 'benzodiazepine'] as const).filter(
    (category) => category !== primary && chance(random, 0.18),
  );
  const substances = [
    substanceEntry(random, primary, true, day),
    ...others.map((category) => substanceEntry(random, category, false, day)),
  ];
  const listed = new Set(substances.map((entry) => entry.category));
  const has = (...categories: SubstanceCategoryV2[]) => categories.some((category) => listed.has(category));
  const severe = chance(random, 0.15);
  const phq9 = chance(random, 0.7) ? integer(random, 0, severe ? 27 : 14) : null;
  const emergencyContact = chance(random, 0.6)
    ? {
        name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
        phone: `555-01${String(integer(random, 0, 99)).padStart(2, '0')}`,
        relationship: pick(random, ['Mother', 'Partner', 'Brother', 'Friend', 'Daughter']),
      }
    : null;
  return {
    intakeVersion: 2,
    assessedOn: day,
    patient: {
      firstName: TEMPLATE_FIRST_NAME,
      lastName: TEMPLATE_LAST_NAME,
      dateOfBirth: dateOfBirthFor(day, ageYears, birthdayDaysAgo),
      sex,
      pregnancy: sex === 'male' ? 'no' : pregnant ? 'yes' : chance(random, 0.1) ? 'unknown' : 'no',
      gestationalWeeks: pregnant ? integer(random, 6, 36) : null,
      ...(chance(random, 0.7) ? { phone: `555-02${String(integer(random, 0, 99)).padStart(2, '0')}` } : {}),
      ...(chance(random, 0.12) ? { preferredLanguage: pick(random, ['Spanish', 'Vietnamese', 'Polish']) } : {}),
      interpreterNeeded: chance(random, 0.06),
      coverage: pick(random, COVERAGE_TYPES),
      emergencyContact,
    },
    substances,
    withdrawal: {
      ciwaAr:
        has('alcohol', 'benzodiazepine', 'other_sedative', 'ghb') && chance(random, 0.7)
          ? integer(random, 0, severe ? 30 : 12)
          : null,
      cows: has('opioid') && chance(random, 0.7) ? integer(random, 0, severe ? 30 : 14) : null,
      ciwaB: has('benzodiazepine', 'other_sedative', 'ghb') && chance(random, 0.5) ? integer(random, 0, 40) : null,
      historySeizures: chance(random, 0.08),
      historyDeliriumTremens: chance(random, 0.05),
      historyHallucinations: chance(random, 0.06),
      currentSeizureOrDelirium: chance(random, 0.01),
    },
    biomedical: {
      unstableMedical: chance(random, 0.03),
      needs24hMedical: chance(random, 0.03),
      chronicConditions: chance(random, 0.4) ? [pick(random, CONDITIONS)] : [],
    },
    mentalHealth: {
      phq9,
      phq9Item9: phq9 === null ? null : Math.min(phq9, chance(random, 0.85) ? 0 : integer(random, 1, 3)),
      gad7: chance(random, 0.6) ? integer(random, 0, 21) : null,
      suicidalIdeationWithPlan: chance(random, 0.02),
      suicideAttemptLast3Months: chance(random, 0.03),
      homicidalIdeation: chance(random, 0.005),
      psychosis: chance(random, 0.02),
    },
    overdoseRisk: {
      overdoseLast12Months: has('opioid') && chance(random, 0.25),
      lostTolerance: chance(random, 0.04),
      usesAlone: chance(random, 0.3),
      naloxoneOnHand: pick(random, [true, false, null]),
    },
    treatment: {
      currentMedication: has('opioid') ? pick(random, ['none', 'none', 'methadone', 'buprenorphine']) : 'none',
    },
    readiness: { stage: pick(random, READINESS_STAGES) },
    relapse: { priorTreatmentEpisodes: pick(random, [0, 0, 1, 2, 3, 5]) },
    environment: {
      housing: weighted(random, [
        ['stable', 70],
        ['unstable', 18],
        ['homeless', 12],
      ] as const),
      livesWithActiveUser: chance(random, 0.15),
      supportSystem: pick(random, ['supportive', 'supportive', 'limited', 'none']),
      interpersonalSafetyConcern: chance(random, 0.04),
      ambulatoryWithdrawalSupport: chance(random, 0.6),
    },
    socialNeeds: {
      employment: pick(random, EMPLOYMENT_STATUSES),
      financialStrain: chance(random, 0.35),
      legal: pick(random, LEGAL_STATUSES),
      transportationBarrier: chance(random, 0.2),
      foodInsecurity: chance(random, 0.12),
    },
    ...(() => {
      const notes = NOTES[Math.floor(random() * NOTES.length)];
      return notes === undefined ? {} : { notes };
    })(),
  };
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;

/** Replaces each of the intake's dates by its token; null when some other date is in the text. */
function tokenize(text: string, dates: ReadonlyMap<string, string>): string | null {
  let unknown = false;
  const out = text.replace(ISO_DATE, (date) => {
    const token = dates.get(date);
    if (token === undefined) unknown = true;
    return token ?? date;
  });
  return unknown ? null : out;
}

export interface TemplateBuild {
  readonly templates: IntakeTemplate[];
  /** Generated intakes the real schema refused (skipped). */
  readonly rejected: number;
}

/** `count` templates from the seed; deterministic. Every template passed the real v2 schema. */
export function buildIntakeTemplates(count = 240, seed = 20_261_203): TemplateBuild {
  const random = seededRandom(seed);
  const schema = makeIntakeV2Schema({ today: TEMPLATE_DAY });
  const templates: IntakeTemplate[] = [];
  let rejected = 0;
  for (let attempt = 0; templates.length < count && attempt < count * 4; attempt++) {
    const parsed = schema.safeParse(generateIntake(random));
    if (!parsed.success) {
      rejected++;
      continue;
    }
    const intake: IntakeV2 = parsed.data;
    const recommendation: AnyPlacementRecommendation = recommendPlacement(intake);
    const ageYears = ageFromTemplate(intake.patient.dateOfBirth);
    const birthdayDaysAgo = Math.round(
      (Date.parse(`${yearsBefore(TEMPLATE_DAY, ageYears)}T00:00:00Z`) -
        Date.parse(`${intake.patient.dateOfBirth}T00:00:00Z`)) /
        DAY_MS,
    );
    const dates = new Map<string, string>([[intake.patient.dateOfBirth, TEMPLATE_TOKENS.dateOfBirth]]);
    for (const days of LAST_USE_OFFSETS) dates.set(addDays(TEMPLATE_DAY, -days), TEMPLATE_TOKENS.daysBefore(days));
    const intakeJson = tokenize(JSON.stringify(intake), dates);
    const recommendationJson = tokenize(JSON.stringify(recommendation), dates);
    if (intakeJson === null || recommendationJson === null) {
      rejected++;
      continue;
    }
    const levelIndex = TREATMENT_LEVELS.indexOf(recommendation.treatmentLevel);
    templates.push({
      intakeJson,
      recommendationJson,
      ageYears,
      birthdayDaysAgo,
      rulesVersion: recommendation.rulesVersion,
      treatmentLevel: recommendation.treatmentLevel,
      withdrawalManagement: recommendation.withdrawalManagement,
      flags: [...recommendation.flags],
      overrideLevel:
        TREATMENT_LEVELS[levelIndex === TREATMENT_LEVELS.length - 1 ? levelIndex - 1 : levelIndex + 1] ?? '1',
    });
  }
  return { templates, rejected };
}

/** Whole years from a template's date of birth to TEMPLATE_DAY. */
function ageFromTemplate(dateOfBirth: string): number {
  let years = Number(TEMPLATE_DAY.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (TEMPLATE_DAY.slice(5) < dateOfBirth.slice(5)) years--;
  return years;
}
