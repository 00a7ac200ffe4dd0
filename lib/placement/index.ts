/** Placement rules v1 (local policy, ASAM-informed): pure functions and read-only rule tables. */
export { recommendPlacement, type PlacementRecommendation } from './recommend-placement';
export * from './vocabulary';
export type { RationaleEntry, RationaleSubject } from './rationale';
export { SERVICE_CODES, SERVICE_LABELS, SERVICE_RULES, type ServiceCode, type ServiceRule, type RecommendationContext } from './service-rules';
export { EMERGENCY_FLAG_CODES, FLAG_CODES, FLAG_RULES, FLAG_TITLES, flagGuidance, type FlagCode, type FlagRule } from './flag-rules';
export { LEVEL_RULES, chooseTreatmentLevel, type LevelRule } from './level-rules';
export {
  WITHDRAWAL_MANAGEMENT_RULES,
  chooseWithdrawalManagement,
  type WithdrawalManagementRule,
} from './withdrawal-management-rules';
export { DIMENSION_RULE_TABLES, D1_RULES, D2_RULES, D3_RULES, D4_RULES, D5_RULES, D6_RULES } from './dimension-rules';
export { rateDimension, type DimensionRuleTable, type RatingEffect, type RatingRule } from './rating-rule';
export {
  CNS_DEPRESSANT_CATEGORIES,
  REGULAR_USE_MIN_DAYS,
  SEDATIVE_CATEGORIES,
  derivePlacementFacts,
  type PlacementFacts,
  type SubstanceFacts,
} from './facts';
