import { describe, expect, it } from 'vitest';
import {
  chooseWithdrawalManagement,
  RATINGS,
  WITHDRAWAL_MANAGEMENT_RULES,
  type DimensionRatings,
  type Rating,
} from '@/lib/placement';
import { becauseFor, recommendFor } from './recommendation-helpers';

const ratings = (d1: Rating, d6: Rating): DimensionRatings => ({ d1, d2: 0, d3: 0, d4: 0, d5: 0, d6 });

describe('withdrawal-management level', () => {
  it.each([
    [0, 0, 'none'],
    [0, 4, 'none'],
    [1, 4, '1-WM'],
    [2, 0, '2-WM'],
    [2, 2, '2-WM'],
    [2, 3, '3.2-WM'],
    [2, 4, '3.2-WM'],
    [3, 4, '3.7-WM'],
    [3, 0, '3.7-WM'],
    [4, 0, '4-WM'],
  ] as const)('D1 %i with D6 %i → %s', (d1, d6, level) => {
    expect(chooseWithdrawalManagement(ratings(d1, d6)).level).toBe(level);
  });

  it('exactly one rule matches every D1 and D6 combination', () => {
    for (const d1 of RATINGS)
      for (const d6 of RATINGS) {
        expect(WITHDRAWAL_MANAGEMENT_RULES.filter((rule) => rule.condition(ratings(d1, d6)))).toHaveLength(1);
      }
  });

  it('3.2-WM from an intake: CIWA-Ar 12 with alcohol, homeless', () => {
    const recommendation = recommendFor({
      substances: [{ category: 'alcohol', daysUsedLast30: 10 }],
      withdrawal: { ciwaAr: 12 },
      environment: { housing: 'homeless' },
    });
    expect(recommendation.dimensions).toMatchObject({ d1: 2, d6: 3 });
    expect(recommendation.withdrawalManagement).toBe('3.2-WM');
    expect(becauseFor(recommendation, 'wm')).toEqual(['3.2-WM because D1 is 2 and D6 is 3 (3 or more)']);
  });

  it('none from an intake with no withdrawal risk, explained', () => {
    expect(becauseFor(recommendFor(), 'wm')).toEqual(['No withdrawal management because D1 is 0']);
  });
});
