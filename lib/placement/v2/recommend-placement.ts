/**
 * The entry point of placement rules v2 (docs/placement-rules-v2.md): a v2 intake in, a
 * recommendation with every reason out. Pure, synchronous and deterministic: no clock (ages are
 * on the intake's `assessedOn`), no database, no framework.
 */
import type { IntakeV2 } from '@/lib/intake';
import { D4_RULES } from '../shared/d4-readiness';
import { D6_RULES_V2 } from './d6-environment';
import { chooseTreatmentLevel } from '../shared/level-rules';
import { applyFlagRules, applyServiceRules } from '../shared/outcome-rules';
import type { RationaleEntry } from '../shared/rationale';
import { rateDimension } from '../shared/rating-rule';
import type { DimensionRatings, TreatmentLevel, WithdrawalManagementLevel } from '../shared/vocabulary';
import type { RecommendationContextV2 } from './context';
import { D1_RULES_V2 } from './d1-withdrawal';
import { D2_RULES_V2 } from './d2-biomedical';
import { D3_RULES_V2 } from './d3-emotional';
import { D5_RULES_V2 } from './d5-relapse';
import { chooseDisposition, type Disposition } from './disposition';
import { derivePlacementFactsV2 } from './facts';
import { FLAG_RULES_V2, type FlagCodeV2 } from './flag-rules';
import { findIncomplete, type IncompleteItem } from './incomplete';
import { findLevelChanges, type LevelChange } from './level-changes';
import { SERVICE_RULES_V2, type ServiceCodeV2 } from './service-rules';
import { RULES_VERSION_V2, type RulesVersionV2 } from './version';
import { chooseWithdrawalManagementV2 } from './withdrawal-management';

export interface PlacementRecommendationV2 {
  readonly rulesVersion: RulesVersionV2;
  readonly disposition: Disposition;
  readonly treatmentLevel: TreatmentLevel;
  readonly withdrawalManagement: WithdrawalManagementLevel;
  readonly dimensions: DimensionRatings;
  readonly services: readonly ServiceCodeV2[];
  readonly flags: readonly FlagCodeV2[];
  /** Safety-critical items not assessed, as sorted field paths. */
  readonly incomplete: readonly IncompleteItem[];
  readonly levelChanges: readonly LevelChange[];
  /**
   * Every rule that applied: dimensions d1-d6, the level, the WM start and each WM step, one
   * entry per service and per flag (with `code`), then the disposition.
   */
  readonly rationale: readonly RationaleEntry[];
}

/** D1-D6 tables of v2, in dimension order (D4 is v1's; D6 is v1's with a note). */
export const DIMENSION_RULE_TABLES_V2 = [
  D1_RULES_V2,
  D2_RULES_V2,
  D3_RULES_V2,
  D4_RULES,
  D5_RULES_V2,
  D6_RULES_V2,
] as const;

/** Recommends a level of care for a valid v2 intake (validate with the v2 schema first). */
export function recommendPlacementV2(intake: IntakeV2): PlacementRecommendationV2 {
  const facts = derivePlacementFactsV2(intake);
  const [d1, d2, d3, d4, d5, d6] = [
    rateDimension(D1_RULES_V2, facts),
    rateDimension(D2_RULES_V2, facts),
    rateDimension(D3_RULES_V2, facts),
    rateDimension(D4_RULES, facts),
    rateDimension(D5_RULES_V2, facts),
    rateDimension(D6_RULES_V2, facts),
  ];
  const dimensions: DimensionRatings = {
    d1: d1.rating,
    d2: d2.rating,
    d3: d3.rating,
    d4: d4.rating,
    d5: d5.rating,
    d6: d6.rating,
  };

  const level = chooseTreatmentLevel(dimensions);
  const wm = chooseWithdrawalManagementV2({ facts, dimensions });
  const incomplete = findIncomplete(facts);
  const context: RecommendationContextV2 = {
    facts,
    intake,
    dimensions,
    treatmentLevel: level.level,
    withdrawalManagement: wm.level,
    incomplete,
  };
  const services = applyServiceRules(SERVICE_RULES_V2, context);
  const flags = applyFlagRules(FLAG_RULES_V2, context);
  const disposition = chooseDisposition(flags.codes);

  return {
    rulesVersion: RULES_VERSION_V2,
    disposition: disposition.disposition,
    treatmentLevel: level.level,
    withdrawalManagement: wm.level,
    dimensions,
    services: services.codes,
    flags: flags.codes,
    incomplete: incomplete.map((entry) => entry.item),
    levelChanges: findLevelChanges(dimensions),
    rationale: [
      ...d1.rationale,
      ...d2.rationale,
      ...d3.rationale,
      ...d4.rationale,
      ...d5.rationale,
      ...d6.rationale,
      level.rationale,
      ...wm.rationale,
      ...services.rationale,
      ...flags.rationale,
      disposition.rationale,
    ],
  };
}
