/** Placement rules v1 (local policy, ASAM-informed): docs/placement-rules-v1.md. */
export {
  explainServicesAndFlagsV1,
  recommendPlacementV1,
  type PlacementRecommendation,
  type PlacementRecommendationV1,
} from './recommend-placement';
export { RULES_LABEL, RULES_VERSION, type RulesVersion } from './version';
export {
  SERVICE_CODES,
  SERVICE_LABELS,
  SERVICE_RULES,
  type RecommendationContext,
  type ServiceCode,
} from './service-rules';
export {
  EMERGENCY_FLAG_CODES,
  FLAG_CODES,
  FLAG_RULES,
  FLAG_TITLES,
  URGENT_FLAG_CODES,
  flagGuidance,
  type FlagCode,
} from './flag-rules';
export {
  WITHDRAWAL_MANAGEMENT_RULES,
  chooseWithdrawalManagement,
  type WithdrawalManagementRule,
} from './withdrawal-management-rules';
export { CIWA_B_TIERS, COWS_TIERS } from './d1-withdrawal';
export { DIMENSION_RULE_TABLES, D1_RULES, D2_RULES, D3_RULES, D4_RULES, D5_RULES, D6_RULES } from './dimension-tables';
export {
  CNS_DEPRESSANT_CATEGORIES,
  REGULAR_USE_MIN_DAYS,
  SEDATIVE_CATEGORIES,
  derivePlacementFacts,
  type PlacementFacts,
  type SubstanceFacts,
} from './facts';
