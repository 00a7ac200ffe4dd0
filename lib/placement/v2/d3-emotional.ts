/**
 * Placement rules v2, D3 (docs/placement-rules-v2.md "D3"): suicidal ideation with a plan,
 * psychosis (now: psychotic symptoms that are new or not controlled) or homicidal ideation → 4;
 * else PHQ-9 >= 20, item 9 >= 2 or a suicide attempt in the last 3 months → 3; else as v1.
 */
import { makeD3Rules } from '../shared/d3-emotional';
import type { PlacementFactsV2 } from './facts';

export const D3_RULES_V2 = makeD3Rules<PlacementFactsV2>({
  atFour: [
    {
      id: 'd3.homicidal-ideation',
      dimension: 'd3',
      scope: 'intake',
      description: 'Thoughts of seriously harming or killing someone now → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.mentalHealth.homicidalIdeation,
      because: () => 'Thoughts of seriously harming or killing someone now (homicidal ideation)',
    },
  ],
  atThree: [
    {
      id: 'd3.suicide-attempt-last-3-months',
      dimension: 'd3',
      scope: 'intake',
      description: 'Suicide attempt in the last 3 months → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => facts.intake.mentalHealth.suicideAttemptLast3Months,
      because: () => 'Suicide attempt in the last 3 months',
    },
  ],
  noFindings:
    'No suicidal ideation with a plan, no psychotic symptoms that are new or not controlled, no thoughts of harming others and no suicide attempt in the last 3 months',
});
