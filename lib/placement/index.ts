/**
 * The one entry point of the placement rules: `recommendPlacement` dispatches on the intake's
 * version. Each rules version lives beside the others as data (v1: docs/placement-rules-v1.md,
 * v2: docs/placement-rules-v2.md); the words and tables they share are in ./shared. The names
 * from before v2 (`FLAG_CODES`, `SERVICE_CODES`, `PlacementRecommendation`, …) still mean v1.
 */
export {
  recommendPlacement,
  isPlacementRecommendationV2,
  RULES_LABELS,
  RULES_VERSIONS,
  type AnyPlacementRecommendation,
  type AnyRulesVersion,
} from './recommend-placement';
export { flagWordsFor, serviceLabelFor, type FlagWords } from './outcome-words';
export * from './shared/vocabulary';
export type { RationaleEntry, RationaleSubject } from './shared/rationale';
export { LEVEL_RULES, chooseTreatmentLevel, type LevelRule } from './shared/level-rules';
export { rateDimension, type DimensionRuleTable, type RatingEffect, type RatingRule } from './shared/rating-rule';
export { scoreTierRules, type ScoreTier } from './shared/score-tiers';
export type { FlagRule, FlagUrgency, ServiceRule } from './shared/outcome-rules';

export {
  explainServicesAndFlagsV1,
  recommendPlacementV1,
  type PlacementRecommendation,
  type PlacementRecommendationV1,
  RULES_LABEL,
  RULES_VERSION,
  type RulesVersion,
  SERVICE_CODES,
  SERVICE_LABELS,
  SERVICE_RULES,
  type RecommendationContext,
  type ServiceCode,
  EMERGENCY_FLAG_CODES,
  FLAG_CODES,
  FLAG_RULES,
  FLAG_TITLES,
  URGENT_FLAG_CODES,
  flagGuidance,
  type FlagCode,
  WITHDRAWAL_MANAGEMENT_RULES,
  chooseWithdrawalManagement,
  type WithdrawalManagementRule,
  DIMENSION_RULE_TABLES,
  D1_RULES,
  D2_RULES,
  D3_RULES,
  D4_RULES,
  D5_RULES,
  D6_RULES,
  CNS_DEPRESSANT_CATEGORIES,
  REGULAR_USE_MIN_DAYS,
  SEDATIVE_CATEGORIES,
  derivePlacementFacts,
  type PlacementFacts,
  type SubstanceFacts,
} from './v1';

export * from './v2';
