import { recommendPlacement, type PlacementRecommendation, type RationaleSubject } from '@/lib/placement';
import { buildIntake, type IntakePatch } from './intake-builder';

export function recommendFor(patch: IntakePatch = {}): PlacementRecommendation {
  return recommendPlacement(buildIntake(patch));
}

/** Ids of the rules that explain one subject, in order. */
export function rulesFor(recommendation: PlacementRecommendation, subject: RationaleSubject): string[] {
  return recommendation.rationale.filter((entry) => entry.dimension === subject).map((entry) => entry.rule);
}

export function becauseFor(recommendation: PlacementRecommendation, subject: RationaleSubject): string[] {
  return recommendation.rationale.filter((entry) => entry.dimension === subject).map((entry) => entry.because);
}
