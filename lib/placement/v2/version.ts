/** The name and label of placement rules v2 (docs/placement-rules-v2.md), stored with every v2 recommendation. */
export const RULES_VERSION_V2 = 'placement-v2';
export type RulesVersionV2 = typeof RULES_VERSION_V2;
export const RULES_LABEL_V2 = 'placement rules v2 (local policy, ASAM-informed)';
