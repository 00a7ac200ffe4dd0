/**
 * The one entry point for an intake of any version: `intakeVersion: 2` → placement rules v2, no
 * `intakeVersion` → placement rules v1. The result says which rules made it (`rulesVersion`), so a
 * stored case is always shown with the rules it was scored by.
 */
import { isIntakeV2, type AnyIntake, type Intake, type IntakeV2 } from '@/lib/intake';
import { recommendPlacementV1, type PlacementRecommendationV1 } from './v1/recommend-placement';
import { RULES_LABEL, RULES_VERSION } from './v1/version';
import { recommendPlacementV2, type PlacementRecommendationV2 } from './v2/recommend-placement';
import { RULES_LABEL_V2, RULES_VERSION_V2 } from './v2/version';

/** A recommendation of either version; narrow on `rulesVersion`. */
export type AnyPlacementRecommendation = PlacementRecommendationV1 | PlacementRecommendationV2;
export type AnyRulesVersion = AnyPlacementRecommendation['rulesVersion'];

export const RULES_VERSIONS: readonly AnyRulesVersion[] = [RULES_VERSION, RULES_VERSION_V2];
export const RULES_LABELS: Readonly<Record<AnyRulesVersion, string>> = {
  [RULES_VERSION]: RULES_LABEL,
  [RULES_VERSION_V2]: RULES_LABEL_V2,
};

/** Recommends a level of care for a valid intake of either version (validate it first). */
export function recommendPlacement(intake: Intake): PlacementRecommendationV1;
export function recommendPlacement(intake: IntakeV2): PlacementRecommendationV2;
export function recommendPlacement(intake: AnyIntake): AnyPlacementRecommendation;
export function recommendPlacement(intake: AnyIntake): AnyPlacementRecommendation {
  return isIntakeV2(intake) ? recommendPlacementV2(intake) : recommendPlacementV1(intake);
}

export function isPlacementRecommendationV2(
  recommendation: AnyPlacementRecommendation,
): recommendation is PlacementRecommendationV2 {
  return recommendation.rulesVersion === RULES_VERSION_V2;
}
