/** Placement rules v2 (local policy, ASAM-informed): docs/placement-rules-v2.md. */
export { DIMENSION_RULE_TABLES_V2, recommendPlacementV2, type PlacementRecommendationV2 } from './recommend-placement';
export { RULES_LABEL_V2, RULES_VERSION_V2, type RulesVersionV2 } from './version';
export { SERVICE_CODES_V2, SERVICE_LABELS_V2, SERVICE_RULES_V2, type ServiceCodeV2 } from './service-rules';
export {
  EMERGENCY_FLAG_CODES_V2,
  FLAG_CODES_V2,
  FLAG_RULES_V2,
  FLAG_TITLES_V2,
  URGENT_FLAG_CODES_V2,
  flagGuidanceV2,
  type FlagCodeV2,
} from './flag-rules';
export {
  DISPOSITIONS,
  DISPOSITION_NAMES,
  EMERGENCY_DISPOSITION_GUIDANCE,
  chooseDisposition,
  type Disposition,
} from './disposition';
export { INCOMPLETE_ITEMS, INCOMPLETE_RULES, findIncomplete, type IncompleteItem } from './incomplete';
export { describeLevelChange, findLevelChanges, type LevelChange } from './level-changes';
export { WITHDRAWAL_MANAGEMENT_STEPS_V2, chooseWithdrawalManagementV2 } from './withdrawal-management';
export type { RecommendationContextV2 } from './context';
export {
  CLASS_CATEGORIES,
  FREQUENT_USE_MIN_DAYS,
  SUBSTANCE_CLASSES,
  derivePlacementFactsV2,
  type ClassFacts,
  type PlacementFactsV2,
  type SubstanceClass,
} from './facts';
export { D1_RULES_V2 } from './d1-withdrawal';
export { D2_RULES_V2 } from './d2-biomedical';
export { D3_RULES_V2 } from './d3-emotional';
export { D5_RULES_V2 } from './d5-relapse';
