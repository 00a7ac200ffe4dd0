/**
 * Builds valid v2 intakes for placement tests from the v2 benign baseline fixture plus only the
 * answers a test is about. Every built intake goes through the real v2 schema, so a test never runs
 * the rules on an intake the app would reject.
 */
import baseline from '@/tests/fixtures/intakes/v2-benign-baseline.json';
import {
  makeIntakeV2Schema,
  SUBSTANCE_CATEGORY_LABELS,
  type IntakeV2,
  type IntakeV2Substance,
  type SubstanceCategoryV2,
} from '@/lib/intake';
import { recommendPlacementV2, type PlacementRecommendationV2, type RationaleSubject } from '@/lib/placement';

/** The fixed "today" of every v2 test; the baseline is assessed on it. */
export const V2_TEST_TODAY = '2025-06-01';
export const testIntakeV2Schema = makeIntakeV2Schema({ today: V2_TEST_TODAY });

export type SubstanceV2Patch = Partial<IntakeV2Substance> & { readonly category: SubstanceCategoryV2 };

type Section = Exclude<keyof IntakeV2, 'substances' | 'notes' | 'intakeVersion' | 'assessedOn'>;

export type IntakeV2Patch = { readonly [S in Section]?: Partial<IntakeV2[S]> } & {
  /** Replaces the baseline's substance list; the first entry is primary unless a patch says otherwise. */
  readonly substances?: readonly SubstanceV2Patch[];
  readonly assessedOn?: string;
};

/** A substance entry with neutral defaults: not used in the last 30 days, not primary, not prescribed. */
export function substanceV2(patch: SubstanceV2Patch): IntakeV2Substance {
  return {
    name: SUBSTANCE_CATEGORY_LABELS[patch.category],
    route: 'oral',
    daysUsedLast30: 0,
    durationMonths: 0,
    primary: false,
    prescribed: false,
    ...patch,
  };
}

export function buildIntakeV2(patch: IntakeV2Patch = {}): IntakeV2 {
  const substances = patch.substances?.map((entry, index) => substanceV2({ primary: index === 0, ...entry }));
  const raw = {
    ...baseline,
    assessedOn: patch.assessedOn ?? baseline.assessedOn,
    patient: { ...baseline.patient, ...patch.patient },
    substances: substances ?? baseline.substances,
    withdrawal: { ...baseline.withdrawal, ...patch.withdrawal },
    biomedical: { ...baseline.biomedical, ...patch.biomedical },
    // PHQ-9 item 9 answered 0 unless a test says otherwise, so only the tests about "not
    // assessed" see ASSESSMENT_INCOMPLETE (the fixture leaves it null).
    mentalHealth: { ...baseline.mentalHealth, phq9Item9: 0, ...patch.mentalHealth },
    overdoseRisk: { ...baseline.overdoseRisk, ...patch.overdoseRisk },
    treatment: { ...baseline.treatment, ...patch.treatment },
    readiness: { ...baseline.readiness, ...patch.readiness },
    relapse: { ...baseline.relapse, ...patch.relapse },
    environment: { ...baseline.environment, ...patch.environment },
    socialNeeds: { ...baseline.socialNeeds, ...patch.socialNeeds },
  };
  return testIntakeV2Schema.parse(raw);
}

export const recommendV2 = (patch: IntakeV2Patch = {}): PlacementRecommendationV2 =>
  recommendPlacementV2(buildIntakeV2(patch));

/** Ids of the rules that explain one subject, in order. */
export function rulesForV2(recommendation: PlacementRecommendationV2, subject: RationaleSubject): string[] {
  return recommendation.rationale.filter((entry) => entry.dimension === subject).map((entry) => entry.rule);
}

export function becauseForV2(
  recommendation: PlacementRecommendationV2,
  subject: RationaleSubject,
  code?: string,
): string[] {
  return recommendation.rationale
    .filter((entry) => entry.dimension === subject && (code === undefined || entry.code === code))
    .map((entry) => entry.because);
}

/** Only this substance entry. */
export const only = (entry: SubstanceV2Patch): IntakeV2Patch => ({ substances: [entry] });
