import { describe, expect, it } from 'vitest';
import { describeLevelChange, findLevelChanges, type DimensionRatings } from '@/lib/placement';
import { only, recommendV2 } from './intake-builder';

const zero: DimensionRatings = { d1: 0, d2: 0, d3: 0, d4: 0, d5: 0, d6: 0 };

describe('levelChanges', () => {
  it('lists one lower and one higher per dimension, d1..d6, rating ascending, only when the level differs', () => {
    expect(findLevelChanges({ ...zero, d1: 3 })).toEqual([
      { dimension: 'd1', rating: 2, treatmentLevel: '2.1' },
      { dimension: 'd1', rating: 4, treatmentLevel: '4' },
    ]);
    // Level 2.1 from D5 = 2: any other dimension at 1 keeps 2.1.
    expect(findLevelChanges({ ...zero, d5: 2 })).toEqual([
      { dimension: 'd5', rating: 1, treatmentLevel: '1' },
      { dimension: 'd5', rating: 3, treatmentLevel: '2.5' },
    ]);
  });

  it('never tries a rating below 0 or above 4', () => {
    const changes = findLevelChanges({ d1: 4, d2: 0, d3: 0, d4: 4, d5: 0, d6: 4 });
    for (const change of changes) expect(change.rating).toBeGreaterThanOrEqual(0);
    for (const change of changes) expect(change.rating).toBeLessThanOrEqual(4);
    expect(changes).toEqual([{ dimension: 'd1', rating: 3, treatmentLevel: '3.7' }]);
  });

  it('D4 never changes the level above 3: D4 3 → 4 is not listed', () => {
    const ratings: DimensionRatings = { ...zero, d4: 3, d5: 2, d6: 3 };
    expect(findLevelChanges(ratings).filter((change) => change.dimension === 'd4')).toEqual([
      { dimension: 'd4', rating: 2, treatmentLevel: '3.1' },
    ]);
  });

  it('is in the recommendation and reads as a sentence', () => {
    const r = recommendV2({ ...only({ category: 'opioid', daysUsedLast30: 20 }), withdrawal: { cows: 25 } });
    expect(r.treatmentLevel).toBe('3.7');
    const change = r.levelChanges.find((entry) => entry.dimension === 'd1' && entry.rating === 2);
    expect(change).toBeDefined();
    if (change)
      expect(describeLevelChange(r.treatmentLevel, r.dimensions, change)).toBe(
        '3.7 because D1 = 3; with D1 = 2 it would be 2.1',
      );
  });
});
