/**
 * The entry point of placement rules v1 (docs/placement-rules-v1.md): a v1 intake in, a
 * recommendation with every reason out. Pure, synchronous and deterministic: no clock, no
 * database, no framework.
 */
import type { Intake } from '@/lib/intake';
import { chooseTreatmentLevel } from '../shared/level-rules';
import { applyFlagRules, applyServiceRules } from '../shared/outcome-rules';
import type { RationaleEntry } from '../shared/rationale';
import { rateDimension } from '../shared/rating-rule';
import type { DimensionRatings, TreatmentLevel, WithdrawalManagementLevel } from '../shared/vocabulary';
import { D1_RULES, D2_RULES, D3_RULES, D4_RULES, D5_RULES, D6_RULES } from './dimension-tables';
import { derivePlacementFacts } from './facts';
import { FLAG_RULES, type FlagCode } from './flag-rules';
import { SERVICE_RULES, type RecommendationContext, type ServiceCode } from './service-rules';
import { RULES_VERSION, type RulesVersion } from './version';
import { chooseWithdrawalManagement } from './withdrawal-management-rules';

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

export type PlacementRecommendationV1 = PlacementRecommendation;

interface Evaluation {
  readonly recommendation: PlacementRecommendation;
  /** One entry per service and per flag, in the order of the recommendation's lists. */
  readonly outcomeRationale: readonly RationaleEntry[];
}

function evaluate(intake: Intake): Evaluation {
  const facts = derivePlacementFacts(intake);
  const d1 = rateDimension(D1_RULES, facts);
  const d2 = rateDimension(D2_RULES, facts);
  const d3 = rateDimension(D3_RULES, facts);
  const d4 = rateDimension(D4_RULES, facts);
  const d5 = rateDimension(D5_RULES, facts);
  const d6 = rateDimension(D6_RULES, facts);
  const dimensions: DimensionRatings = {
    d1: d1.rating,
    d2: d2.rating,
    d3: d3.rating,
    d4: d4.rating,
    d5: d5.rating,
    d6: d6.rating,
  };

  const level = chooseTreatmentLevel(dimensions);
  const wm = chooseWithdrawalManagement(dimensions);
  const context: RecommendationContext = {
    facts,
    intake,
    dimensions,
    treatmentLevel: level.level,
    withdrawalManagement: wm.level,
  };
  const services = applyServiceRules(SERVICE_RULES, context);
  const flags = applyFlagRules(FLAG_RULES, context);

  return {
    recommendation: {
      rulesVersion: RULES_VERSION,
      treatmentLevel: level.level,
      withdrawalManagement: wm.level,
      dimensions,
      services: services.codes,
      flags: flags.codes,
      rationale: [
        ...d1.rationale,
        ...d2.rationale,
        ...d3.rationale,
        ...d4.rationale,
        ...d5.rationale,
        ...d6.rationale,
        level.rationale,
        wm.rationale,
      ],
    },
    outcomeRationale: [...services.rationale, ...flags.rationale],
  };
}

/**
 * Recommends a level of care for a valid v1 intake (validate with the v1 schema first). The
 * output keeps the shape every stored v1 case has; the reasons for its services and flags come
 * from {@link explainServicesAndFlagsV1}.
 */
export function recommendPlacementV1(intake: Intake): PlacementRecommendation {
  return evaluate(intake).recommendation;
}

/**
 * Why each service and flag of a v1 recommendation applies: one entry per code (`dimension`
 * 'service' or 'flag', `code`, the rule's id and its reason), in the recommendation's order.
 * Re-running v1 on the stored intake gives the stored result, so this explains stored cases too.
 */
export function explainServicesAndFlagsV1(intake: Intake): readonly RationaleEntry[] {
  return evaluate(intake).outcomeRationale;
}
