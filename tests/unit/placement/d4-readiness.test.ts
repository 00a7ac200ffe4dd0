import { describe, expect, it } from 'vitest';
import { becauseFor, recommendFor } from './recommendation-helpers';

describe('D4 readiness to change', () => {
  it.each([
    ['precontemplation', 3],
    ['contemplation', 2],
    ['preparation', 1],
    ['action', 0],
    ['maintenance', 0],
  ] as const)('%s → %i, explained by the stage', (stage, rating) => {
    const recommendation = recommendFor({ readiness: { stage } });
    expect(recommendation.dimensions.d4).toBe(rating);
    expect(becauseFor(recommendation, 'd4')).toEqual([`Stage of change: ${stage}`]);
  });
});
