/** The six dimension tables of placement rules v1, in dimension order (docs/placement-rules-v1.md). */
import { D4_RULES } from '../shared/d4-readiness';
import { D6_RULES } from '../shared/d6-environment';
import type { DimensionRuleTable } from '../shared/rating-rule';
import { D1_RULES } from './d1-withdrawal';
import { D2_RULES } from './d2-biomedical';
import { D3_RULES } from './d3-emotional';
import { D5_RULES } from './d5-relapse';
import type { PlacementFacts } from './facts';

export { D1_RULES, D2_RULES, D3_RULES, D4_RULES, D5_RULES, D6_RULES };

export const DIMENSION_RULE_TABLES: readonly DimensionRuleTable<PlacementFacts>[] = [
  D1_RULES,
  D2_RULES,
  D3_RULES,
  D4_RULES,
  D5_RULES,
  D6_RULES,
];
