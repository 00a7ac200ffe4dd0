import { describe, expect, it } from 'vitest';
import {
  chooseTreatmentLevel,
  LEVEL_RULES,
  RATINGS,
  type DimensionRatings,
  type Rating,
  type TreatmentLevel,
} from '@/lib/placement';
import { becauseFor, recommendFor } from './recommendation-helpers';

const ratings = (given: Partial<Record<keyof DimensionRatings, Rating>>): DimensionRatings => ({
  d1: 0,
  d2: 0,
  d3: 0,
  d4: 0,
  d5: 0,
  d6: 0,
  ...given,
});
const levelOf = (given: Partial<Record<keyof DimensionRatings, Rating>>) => chooseTreatmentLevel(ratings(given)).level;

/** The spec's level rules restated independently of the rule table, first match wins. */
function specLevel(d: DimensionRatings): TreatmentLevel {
  const acute = Math.max(d.d1, d.d2, d.d3);
  if (acute === 4) return '4';
  if (acute === 3) return '3.7';
  if (d.d6 >= 3 && d.d5 >= 2 && (d.d5 >= 3 || d.d4 >= 3)) return '3.5';
  if (d.d6 >= 3 && d.d5 >= 2) return '3.1';
  if (d.d5 >= 3 || (d.d3 === 2 && d.d5 >= 2)) return '2.5';
  if (d.d5 === 2 || d.d1 === 2 || (d.d3 === 2 && d.d5 >= 1) || (d.d6 >= 2 && d.d5 >= 1)) return '2.1';
  if (d.d1 >= 1 || d.d2 >= 1 || d.d3 >= 1 || d.d5 >= 1 || d.d6 >= 1) return '1';
  return '0.5';
}

describe('treatment level rules', () => {
  it('4 when any of D1, D2, D3 is 4', () => {
    expect(levelOf({ d1: 4 })).toBe('4');
    expect(levelOf({ d2: 4 })).toBe('4');
    expect(levelOf({ d3: 4, d6: 4, d5: 4 })).toBe('4');
    expect(levelOf({ d4: 4, d5: 4, d6: 4 })).not.toBe('4');
  });

  it('3.7 when the highest of D1, D2, D3 is 3, before any environment rule', () => {
    expect(levelOf({ d1: 3 })).toBe('3.7');
    expect(levelOf({ d2: 3 })).toBe('3.7');
    expect(levelOf({ d3: 3, d5: 4, d6: 4, d4: 3 })).toBe('3.7');
  });

  it('3.5: D6 ≥ 3 and D5 ≥ 2 and (D5 ≥ 3 or D4 ≥ 3)', () => {
    expect(levelOf({ d6: 3, d5: 3 })).toBe('3.5');
    expect(levelOf({ d6: 3, d5: 2, d4: 3 })).toBe('3.5');
    expect(levelOf({ d6: 3, d5: 2, d4: 2 })).toBe('3.1');
    expect(levelOf({ d6: 2, d5: 3, d4: 3 })).toBe('2.5');
    expect(levelOf({ d6: 3, d5: 1, d4: 3 })).toBe('2.1');
  });

  it('3.1: D6 ≥ 3 and D5 ≥ 2', () => {
    expect(levelOf({ d6: 3, d5: 2 })).toBe('3.1');
    expect(levelOf({ d6: 4, d5: 2 })).toBe('3.1');
    expect(levelOf({ d6: 2, d5: 2 })).toBe('2.1');
    expect(levelOf({ d6: 3, d5: 1 })).toBe('2.1');
  });

  it('2.5: D5 ≥ 3, or D3 = 2 and D5 ≥ 2', () => {
    expect(levelOf({ d5: 3 })).toBe('2.5');
    expect(levelOf({ d5: 4, d6: 2 })).toBe('2.5');
    expect(levelOf({ d3: 2, d5: 2 })).toBe('2.5');
    expect(levelOf({ d3: 2, d5: 1 })).toBe('2.1');
    expect(levelOf({ d3: 1, d5: 2 })).toBe('2.1');
  });

  it('2.1: D5 = 2, or D1 = 2, or D3 = 2 and D5 ≥ 1, or D6 ≥ 2 and D5 ≥ 1', () => {
    expect(levelOf({ d5: 2 })).toBe('2.1');
    expect(levelOf({ d1: 2 })).toBe('2.1');
    expect(levelOf({ d1: 1 })).toBe('1');
    expect(levelOf({ d3: 2, d5: 1 })).toBe('2.1');
    expect(levelOf({ d3: 2, d5: 0 })).toBe('1');
    expect(levelOf({ d6: 2, d5: 1 })).toBe('2.1');
    expect(levelOf({ d6: 2, d5: 0 })).toBe('1');
    expect(levelOf({ d6: 1, d5: 1 })).toBe('1');
    expect(levelOf({ d2: 2 })).toBe('1');
  });

  it('1 when any of D1, D2, D3, D5, D6 is 1 or more', () => {
    for (const dimension of ['d1', 'd2', 'd3', 'd5', 'd6'] as const) expect(levelOf({ [dimension]: 1 })).toBe('1');
  });

  it('0.5 otherwise; D4 alone does not raise the level', () => {
    expect(levelOf({})).toBe('0.5');
    expect(levelOf({ d4: 3 })).toBe('0.5');
  });

  it('matches the spec for all 15,625 combinations of ratings', () => {
    const mismatches: string[] = [];
    for (const d1 of RATINGS)
      for (const d2 of RATINGS)
        for (const d3 of RATINGS)
          for (const d4 of RATINGS)
            for (const d5 of RATINGS)
              for (const d6 of RATINGS) {
                const d = { d1, d2, d3, d4, d5, d6 };
                if (chooseTreatmentLevel(d).level !== specLevel(d)) mismatches.push(JSON.stringify(d));
              }
    expect(mismatches).toEqual([]);
  });

  it('has a rule for every level and ends with a catch-all', () => {
    expect(LEVEL_RULES.map((rule) => rule.level)).toEqual(['4', '3.7', '3.5', '3.1', '2.5', '2.1', '1', '0.5']);
    expect(LEVEL_RULES[LEVEL_RULES.length - 1]?.condition(ratings({ d4: 4 }))).toBe(true);
  });

  it('explains the level with the ratings that decided it', () => {
    expect(chooseTreatmentLevel(ratings({ d4: 3, d5: 2, d6: 3 })).rationale).toEqual({
      dimension: 'level',
      rule: 'level.3.5',
      because:
        'Level 3.5 because D6 is 3 (3 or more) and D5 is 2 (2 or more) and D4 is 3 (3 or more); D1-D3 are below 3 (0, 0, 0)',
    });
    expect(chooseTreatmentLevel(ratings({ d3: 2, d5: 1, d6: 2 })).rationale.because).toBe(
      'Level 2.1 because D3 is 2 and D5 is 1 (1 or more); D6 is 2 (2 or more) and D5 is 1 (1 or more)',
    );
  });
});

describe('treatment level from whole intakes', () => {
  it('homeless, contemplation, daily cannabis for 2 months → 3.1; with 12 months → 3.5', () => {
    const base = {
      environment: { housing: 'homeless' },
      readiness: { stage: 'contemplation' },
      substances: [{ category: 'cannabis', daysUsedLast30: 30, durationMonths: 2 }],
    } as const;
    expect(recommendFor(base).treatmentLevel).toBe('3.1');
    const longer = recommendFor({
      ...base,
      substances: [{ category: 'cannabis', daysUsedLast30: 30, durationMonths: 12 }],
    });
    expect(longer.treatmentLevel).toBe('3.5');
    expect(becauseFor(longer, 'level')).toEqual([
      'Level 3.5 because D6 is 3 (3 or more) and D5 is 3 (3 or more); D1-D3 are below 3 (0, 0, 0)',
    ]);
  });

  it('moderate depression and regular stimulant use → 2.5 (D3 2, D5 2)', () => {
    const recommendation = recommendFor({
      mentalHealth: { phq9: 16 },
      substances: [{ category: 'stimulant', daysUsedLast30: 22, durationMonths: 4 }],
    });
    expect(recommendation.dimensions).toMatchObject({ d3: 2, d5: 2 });
    expect(recommendation.treatmentLevel).toBe('2.5');
  });

  it('occasional drinking with a chronic condition → 1', () => {
    expect(
      recommendFor({
        biomedical: { chronicConditions: ['hypertension'] },
        substances: [{ category: 'alcohol', daysUsedLast30: 2 }],
      }).treatmentLevel,
    ).toBe('1');
  });
});
