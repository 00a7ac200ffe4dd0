import { describe, expect, it } from 'vitest';
import type { IntakePatch } from './intake-builder';
import { becauseFor, recommendFor, rulesFor } from './recommendation-helpers';

const d3 = (patch: IntakePatch) => recommendFor(patch).dimensions.d3;

describe('D3 emotional, behavioral or cognitive', () => {
  it('suicidal ideation with a plan → 4; psychosis → 4', () => {
    expect(d3({ mentalHealth: { suicidalIdeationWithPlan: true } })).toBe(4);
    expect(d3({ mentalHealth: { psychosis: true } })).toBe(4);
  });

  it.each([
    [9, 0],
    [10, 1],
    [14, 1],
    [15, 2],
    [19, 2],
    [20, 3],
    [27, 3],
  ] as const)('PHQ-9 %i → %i', (phq9, rating) => {
    expect(d3({ mentalHealth: { phq9 } })).toBe(rating);
  });

  it.each([
    [9, 0],
    [10, 1],
    [14, 1],
    [15, 2],
    [21, 2],
  ] as const)('GAD-7 %i → %i', (gad7, rating) => {
    expect(d3({ mentalHealth: { gad7 } })).toBe(rating);
  });

  it.each([
    [0, 0],
    [1, 2],
    [2, 3],
    [3, 3],
  ] as const)('PHQ-9 item 9 %i (total not done) → %i', (phq9Item9, rating) => {
    expect(d3({ mentalHealth: { phq9Item9 } })).toBe(rating);
  });

  it('the highest finding decides: GAD-7 12 with item 9 = 1 → 2', () => {
    const recommendation = recommendFor({ mentalHealth: { phq9: 8, phq9Item9: 1, gad7: 12 } });
    expect(recommendation.dimensions.d3).toBe(2);
    expect(rulesFor(recommendation, 'd3')).toEqual(['d3.phq9-item9-1', 'd3.gad7-10-to-14']);
  });

  it('scores not done count as not elevated, and the 0 is explained', () => {
    const recommendation = recommendFor({ mentalHealth: { phq9: 9, phq9Item9: 0, gad7: null } });
    expect(recommendation.dimensions.d3).toBe(0);
    expect(becauseFor(recommendation, 'd3')).toEqual([
      'No suicidal ideation with a plan and no psychosis; PHQ-9 9 (below 10), PHQ-9 item 9 0 (below 1) and GAD-7 not done; scores not done count as not elevated',
    ]);
  });
});
