/** Placement rules v1, D3 Emotional, behavioral or cognitive conditions: docs/placement-rules-v1.md "D3". */
import { makeD3Rules, V1_EMOTIONAL_FINDINGS } from '../shared/d3-emotional';
import type { PlacementFacts } from './facts';

export const D3_RULES = makeD3Rules<PlacementFacts>({ atFour: [], atThree: [], noFindings: V1_EMOTIONAL_FINDINGS });
