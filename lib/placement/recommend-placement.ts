/**
 * The one entry point of placement rules v1: an intake in, a recommendation with every reason out.
 * Pure, synchronous and deterministic: no clock, no database, no framework.
 */
import type { Intake } from '@/lib/intake/schema';
import { D1_RULES, D2_RULES, D3_RULES, D4_RULES, D5_RULES, D6_RULES } from './dimension-rules';
import { derivePlacementFacts } from './facts';
import { FLAG_RULES, type FlagCode } from './flag-rules';
import { chooseTreatmentLevel } from './level-rules';
import type { RationaleEntry } from './rationale';
import { rateDimension } from './rating-rule';
import { SERVICE_RULES, type RecommendationContext, type ServiceCode } from './service-rules';
import { chooseWithdrawalManagement } from './withdrawal-management-rules';
import { RULES_VERSION, type DimensionRatings, type RulesVersion, type TreatmentLevel, type WithdrawalManagementLevel } from './vocabulary';

export interface PlacementRecommendation {
  readonly rulesVersion: RulesVersion;
  readonly treatmentLevel: TreatmentLevel;
  readonly withdrawalManagement: WithdrawalManagementLevel;
  readonly dimensions: DimensionRatings;
  readonly services: readonly ServiceCode[];
  readonly flags: readonly FlagCode[];
  /** Every rule that applied, dimensions d1-d6 first, then the level and the WM level. */
  readonly rationale: readonly RationaleEntry[];
}

/** Recommends a level of care for a valid intake (validate with IntakeSchema first). */
export function recommendPlacement(intake: Intake): PlacementRecommendation {
  const facts = derivePlacementFacts(intake);
  const d1 = rateDimension(D1_RULES, facts);
  const d2 = rateDimension(D2_RULES, facts);
  const d3 = rateDimension(D3_RULES, facts);
  const d4 = rateDimension(D4_RULES, facts);
  const d5 = rateDimension(D5_RULES, facts);
  const d6 = rateDimension(D6_RULES, facts);
  const dimensions: DimensionRatings = { d1: d1.rating, d2: d2.rating, d3: d3.rating, d4: d4.rating, d5: d5.rating, d6: d6.rating };

  const level = chooseTreatmentLevel(dimensions);
  const wm = chooseWithdrawalManagement(dimensions);
  const context: RecommendationContext = {
    facts,
    dimensions,
    treatmentLevel: level.level,
    withdrawalManagement: wm.level,
  };

  return {
    rulesVersion: RULES_VERSION,
    treatmentLevel: level.level,
    withdrawalManagement: wm.level,
    dimensions,
    services: SERVICE_RULES.filter((rule) => rule.condition(context)).map((rule) => rule.service),
    flags: FLAG_RULES.filter((rule) => rule.condition(context)).map((rule) => rule.flag),
    rationale: [...d1.rationale, ...d2.rationale, ...d3.rationale, ...d4.rationale, ...d5.rationale, ...d6.rationale, level.rationale, wm.rationale],
  };
}
