/** The name and label of placement rules v1, stored with every v1 recommendation. */
export const RULES_VERSION = 'placement-v1';
export type RulesVersion = typeof RULES_VERSION;
export const RULES_LABEL = 'placement rules v1 (local policy, ASAM-informed)';
