/**
 * Placement rules v2, D2: v1's rules (docs/placement-rules-v2.md "D2") with pregnant meaning
 * `pregnancy = "yes"` and "any regular CNS depressant" meaning any regular CNS-depressant class,
 * prescribed or not.
 */
import { makeD2Rules } from '../shared/d2-biomedical';
import { classesWhere, describeClass, type PlacementFactsV2 } from './facts';

export const D2_RULES_V2 = makeD2Rules<PlacementFactsV2>({
  pregnant: (facts) => facts.pregnant,
  regularCnsDepressants: (facts) => classesWhere(facts, (c) => c.regular).map(describeClass),
});
