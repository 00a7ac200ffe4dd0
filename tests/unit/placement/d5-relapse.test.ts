import { describe, expect, it } from 'vitest';
import type { IntakePatch } from './intake-builder';
import { becauseFor, recommendFor, rulesFor } from './recommendation-helpers';

/** D5 for one cannabis entry (cannabis keeps D1 out of the way) and a number of prior treatments. */
function d5(daysUsedLast30: number, durationMonths: number, priorTreatmentEpisodes = 0): number {
  const patch: IntakePatch = {
    substances: [{ category: 'cannabis', daysUsedLast30, durationMonths }],
    relapse: { priorTreatmentEpisodes },
  };
  return recommendFor(patch).dimensions.d5;
}

describe('D5 relapse / continued use potential', () => {
  it('little use (most days ≤ 4 and longest use < 3 months) → 0', () => {
    expect(d5(0, 0)).toBe(0);
    expect(d5(4, 2)).toBe(0);
  });

  it('5 days, or 3 months, is no longer little use → 1', () => {
    expect(d5(5, 2)).toBe(1);
    expect(d5(4, 3)).toBe(1);
  });

  it('under 20 days → 1 however long the use or treatment history', () => {
    expect(d5(19, 600, 100)).toBe(1);
  });

  it('20 days → 2', () => {
    expect(d5(20, 0)).toBe(2);
    expect(d5(20, 11, 1)).toBe(2);
  });

  it('regular use for 12 months adds 1; 11 months does not', () => {
    expect(d5(20, 12)).toBe(3);
    expect(d5(30, 11)).toBe(2);
  });

  it('2 prior treatment episodes add 1; 1 does not', () => {
    expect(d5(20, 0, 2)).toBe(3);
    expect(d5(20, 0, 1)).toBe(2);
  });

  it('both additions → 4', () => {
    expect(d5(20, 12, 2)).toBe(4);
    expect(d5(30, 600, 100)).toBe(4);
  });

  it('takes maxima over all substances, not within one entry', () => {
    const recommendation = recommendFor({
      substances: [
        { category: 'cannabis', name: 'Weed', daysUsedLast30: 25, durationMonths: 0 },
        { category: 'stimulant', name: 'Cocaine', daysUsedLast30: 2, durationMonths: 14 },
      ],
    });
    expect(recommendation.dimensions.d5).toBe(3);
    expect(rulesFor(recommendation, 'd5')).toEqual(['d5.regular-use', 'd5.regular-use-12-months-plus']);
    expect(becauseFor(recommendation, 'd5')).toEqual([
      'Regular use: the most days used in the last 30 is 25 (Weed), 20 or more',
      'Regular use and the longest regular use is 14 months (Cocaine), 12 or more: adds 1',
    ]);
  });

  it('explains a 0 and a 1 with the maxima', () => {
    expect(
      becauseFor(
        recommendFor({ substances: [{ category: 'cannabis', name: 'Weed', daysUsedLast30: 4, durationMonths: 2 }] }),
        'd5',
      ),
    ).toEqual([
      'Little use: the most days used in the last 30 is 4 (Weed), 4 or fewer, and the longest regular use is 2 months (Weed), under 3',
    ]);
    expect(
      becauseFor(
        recommendFor({ substances: [{ category: 'cannabis', name: 'Weed', daysUsedLast30: 3, durationMonths: 5 }] }),
        'd5',
      ),
    ).toEqual([
      'Some use: the most days used in the last 30 is 3 (Weed), under 20, and the longest regular use is 5 months (Weed), 3 or more',
    ]);
  });
});
