// Clinical content for seeded cases: a few dozen real intakes (the fixtures plus seeded
// arbitraries), each validated with the app's schema and run through the real placement rules.
// The seed copies them onto 100,000 rows with each row's own patient and dates, so every case
// reads back as valid and its stored recommendation is the one the rules give for its answers.
import fs from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { makeIntakeSchema, type Intake } from '@/lib/intake';
import { recommendPlacement, TREATMENT_LEVELS, type PlacementRecommendation } from '@/lib/placement';
import { intakeArbitrary, TEST_TODAY } from '@/tests/unit/placement/arbitraries';

/** One intake and its recommendation, with dates of last use as days before the case date. */
export interface CaseTemplate {
  /** The intake without `patient`; substances carry `lastUseDaysAgo` instead of `lastUse`. */
  readonly body: Record<string, unknown>;
  readonly sex: string;
  readonly pregnant: boolean;
  readonly phone: string | null;
  readonly recommendation: PlacementRecommendation;
  /** A different level a clinician might override to (one step more intensive, or less at the top). */
  readonly overrideLevel: string;
}

const FIXTURES_DIR = path.join(process.cwd(), 'tests', 'fixtures', 'intakes');

/** Notes of the length staff write (the arbitraries' notes are short random strings). */
const NOTES: readonly Intake['notes'][] = [
  {
    substances:
      'Reports drinking a fifth of vodka most days for the past year; last drink yesterday evening. Denies other substances.',
    medical: 'Hypertension, not taking medication. Last primary care visit over a year ago.',
    general:
      'Referred by the emergency department after a fall. Patient is motivated and asked about residential options.',
  },
  {
    substances:
      'Daily fentanyl, smoked, about 1 g per day. Previously on buprenorphine for six months in 2023 and stopped when insurance lapsed.',
    withdrawal: 'Mild withdrawal on arrival: yawning, rhinorrhea, anxious. Last use about 10 hours ago.',
    social: 'Staying with a friend; has a part-time job and worries about missing shifts.',
  },
  {
    substances:
      'Alprazolam 2 mg three times daily, prescribed then obtained from others. Occasional alcohol on weekends.',
    mentalHealth: 'Panic attacks since adolescence. Follows with a psychiatrist every three months.',
    general: 'Wants to taper safely; family supportive and can drive to appointments.',
  },
  {},
];

function withRealisticNotes(intake: Intake, index: number): Intake {
  const notes = NOTES[index % NOTES.length];
  const withoutNotes: Intake = { ...intake };
  delete withoutNotes.notes;
  return notes && Object.keys(notes).length > 0 ? { ...withoutNotes, notes } : withoutNotes;
}

/** Most intakes are not emergencies: calm four in five of the arbitraries, which set every alarm half the time. */
function calmed(intake: Intake): Intake {
  return {
    ...intake,
    patient: { ...intake.patient, pregnant: false },
    withdrawal: { ...intake.withdrawal, currentSeizureOrDelirium: false },
    biomedical: { ...intake.biomedical, unstableMedical: false, needs24hMedical: false },
    mentalHealth: { ...intake.mentalHealth, suicidalIdeationWithPlan: false, psychosis: false },
    environment: { ...intake.environment, interpersonalSafetyConcern: false },
  };
}

const DAY_MS = 86_400_000;

function daysBefore(date: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
}

function readFixtureIntakes(): unknown[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8')) as unknown);
}

/** `count` templates: the valid fixtures first, then seeded arbitrary intakes. Deterministic. */
export function buildCaseTemplates(count = 48): CaseTemplate[] {
  // The fixtures and arbitraries are valid on TEST_TODAY; their dates of last use become offsets from it.
  const schema = makeIntakeSchema({ today: TEST_TODAY });
  const fixtures = readFixtureIntakes().flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? [parsed.data] : []; // one fixture is invalid on purpose
  });
  const arbitraries = fc.sample(intakeArbitrary, { numRuns: Math.max(0, count - fixtures.length), seed: 20_261_125 });
  const intakes = [
    ...fixtures,
    ...arbitraries.map((intake, index) => withRealisticNotes(index % 5 === 0 ? intake : calmed(intake), index)),
  ];

  return intakes.slice(0, count).map((raw) => {
    const intake = schema.parse(raw);
    const recommendation = recommendPlacement(intake);
    const { patient, substances, ...rest } = intake;
    const levelIndex = TREATMENT_LEVELS.indexOf(recommendation.treatmentLevel);
    const overrideLevel =
      TREATMENT_LEVELS[levelIndex === TREATMENT_LEVELS.length - 1 ? levelIndex - 1 : levelIndex + 1] ?? '1';
    return {
      body: {
        ...rest,
        substances: substances.map(({ lastUse, ...entry }) =>
          lastUse === undefined ? entry : { ...entry, lastUseDaysAgo: daysBefore(lastUse, TEST_TODAY) },
        ),
      },
      sex: patient.sex,
      pregnant: patient.pregnant,
      phone: patient.phone ?? null,
      recommendation,
      overrideLevel,
    };
  });
}
