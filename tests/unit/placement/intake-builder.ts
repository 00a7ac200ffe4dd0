/**
 * Builds valid intakes for tests from the benign baseline fixture plus only the answers a test
 * is about. Every built intake goes through the real schema, so a test can never run the rules
 * on an intake the app would reject.
 */
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';
import {
  makeIntakeSchema,
  SUBSTANCE_CATEGORY_LABELS,
  type Intake,
  type IntakeSubstance,
  type SubstanceCategory,
} from '@/lib/intake';

/** The fixed "today" of every test; fixture dates are chosen against it. */
export const TEST_TODAY = '2025-06-01';
export const testIntakeSchema = makeIntakeSchema({ today: TEST_TODAY });

export type SubstancePatch = Partial<IntakeSubstance> & { readonly category: SubstanceCategory };

export type IntakePatch = {
  readonly [Section in Exclude<keyof Intake, 'substances' | 'notes'>]?: Partial<Intake[Section]>;
} & {
  /** Replaces the baseline's substance list; the first entry is primary unless a patch says otherwise. */
  readonly substances?: readonly SubstancePatch[];
  readonly notes?: Intake['notes'];
};

/** A substance entry with neutral defaults: not used in the last 30 days, not primary. */
export function substance(patch: SubstancePatch): IntakeSubstance {
  return {
    name: SUBSTANCE_CATEGORY_LABELS[patch.category],
    route: 'oral',
    daysUsedLast30: 0,
    durationMonths: 0,
    primary: false,
    ...patch,
  };
}

export function buildIntake(patch: IntakePatch = {}): Intake {
  const substances = patch.substances?.map((entry, index) => substance({ primary: index === 0, ...entry }));
  const raw = {
    patient: { ...baseline.patient, ...patch.patient },
    substances: substances ?? baseline.substances,
    withdrawal: { ...baseline.withdrawal, ...patch.withdrawal },
    biomedical: { ...baseline.biomedical, ...patch.biomedical },
    mentalHealth: { ...baseline.mentalHealth, ...patch.mentalHealth },
    readiness: { ...baseline.readiness, ...patch.readiness },
    relapse: { ...baseline.relapse, ...patch.relapse },
    environment: { ...baseline.environment, ...patch.environment },
    socialNeeds: { ...baseline.socialNeeds, ...patch.socialNeeds },
    ...(patch.notes === undefined ? {} : { notes: patch.notes }),
  };
  return testIntakeSchema.parse(raw);
}
