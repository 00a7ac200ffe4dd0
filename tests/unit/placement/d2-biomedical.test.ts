import { describe, expect, it } from 'vitest';
import type { IntakePatch } from './intake-builder';
import { becauseFor, recommendFor, rulesFor } from './recommendation-helpers';

const d2 = (patch: IntakePatch) => recommendFor(patch).dimensions.d2;

describe('D2 biomedical', () => {
  it('no concerns → 0, explained', () => {
    const recommendation = recommendFor();
    expect(recommendation.dimensions.d2).toBe(0);
    expect(rulesFor(recommendation, 'd2')).toEqual(['d2.no-biomedical-concern-found']);
  });

  it('unstable medical condition → 4, also when 24-hour care is needed', () => {
    expect(d2({ biomedical: { unstableMedical: true } })).toBe(4);
    expect(d2({ biomedical: { unstableMedical: true, needs24hMedical: true, chronicConditions: ['COPD'] } })).toBe(4);
  });

  it('needs 24-hour medical care → 3', () => {
    expect(d2({ biomedical: { needs24hMedical: true } })).toBe(3);
  });

  it('pregnant with a regular CNS depressant → 3; with 19 days of use → 1', () => {
    expect(d2({ patient: { pregnant: true }, substances: [{ category: 'opioid', daysUsedLast30: 20 }] })).toBe(3);
    expect(d2({ patient: { pregnant: true }, substances: [{ category: 'opioid', daysUsedLast30: 19 }] })).toBe(1);
  });

  it('pregnant with a regular stimulant (not a CNS depressant) → 1', () => {
    expect(d2({ patient: { pregnant: true }, substances: [{ category: 'stimulant', daysUsedLast30: 30 }] })).toBe(1);
  });

  it('any chronic condition → 1, naming them', () => {
    const recommendation = recommendFor({ biomedical: { chronicConditions: ['diabetes', 'hepatitis C'] } });
    expect(recommendation.dimensions.d2).toBe(1);
    expect(becauseFor(recommendation, 'd2')).toEqual(['Chronic conditions: diabetes and hepatitis C']);
  });

  it('pregnant alone → 1', () => {
    expect(d2({ patient: { pregnant: true } })).toBe(1);
  });
});
