import { describe, expect, it } from 'vitest';
import { becauseForV2, only, recommendV2, rulesForV2, type IntakeV2Patch } from './intake-builder';

const ratings = (patch: IntakeV2Patch) => recommendV2(patch).dimensions;

describe('D2 v2', () => {
  it('pregnant means pregnancy "yes": yes → 1, unknown and no → 0', () => {
    expect(ratings({ patient: { pregnancy: 'yes' } }).d2).toBe(1);
    expect(ratings({ patient: { pregnancy: 'unknown' } }).d2).toBe(0);
    expect(ratings({ patient: { pregnancy: 'no' } }).d2).toBe(0);
  });

  it('pregnant with any regular CNS-depressant class, prescribed or not → 3 (19 days → 1)', () => {
    const pregnant = { pregnancy: 'yes' } as const;
    expect(ratings({ ...only({ category: 'alcohol', daysUsedLast30: 20 }), patient: pregnant }).d2).toBe(3);
    expect(ratings({ ...only({ category: 'alcohol', daysUsedLast30: 19 }), patient: pregnant }).d2).toBe(1);
    expect(
      ratings({ ...only({ category: 'opioid', daysUsedLast30: 30, prescribed: true }), patient: pregnant }).d2,
    ).toBe(3);
    expect(ratings({ ...only({ category: 'gabapentinoid', daysUsedLast30: 20 }), patient: pregnant }).d2).toBe(3);
    expect(ratings({ ...only({ category: 'stimulant', daysUsedLast30: 30 }), patient: pregnant }).d2).toBe(1);
  });

  it('keeps v1 rules: unstable → 4, 24-hour medical care → 3, chronic condition → 1', () => {
    expect(ratings({ biomedical: { unstableMedical: true } }).d2).toBe(4);
    expect(ratings({ biomedical: { needs24hMedical: true } }).d2).toBe(3);
    expect(ratings({ biomedical: { chronicConditions: ['asthma'] } }).d2).toBe(1);
    expect(ratings({}).d2).toBe(0);
  });
});

describe('D3 v2', () => {
  it.each([
    [{ suicidalIdeationWithPlan: true }, 4],
    [{ psychosis: true }, 4],
    [{ homicidalIdeation: true }, 4],
    [{ suicideAttemptLast3Months: true }, 3],
    [{ phq9: 20 }, 3],
    [{ phq9: 19 }, 2],
    [{ phq9: 20, phq9Item9: 2 }, 3],
    [{ phq9: 10, phq9Item9: 1 }, 2],
    [{ gad7: 15 }, 2],
    [{ gad7: 14 }, 1],
    [{ phq9: 9, gad7: 9 }, 0],
  ] as const)('%o → %i', (mentalHealth, rating) => {
    expect(ratings({ mentalHealth }).d3).toBe(rating);
  });

  it('names homicidal ideation and a recent attempt in the rationale', () => {
    expect(rulesForV2(recommendV2({ mentalHealth: { homicidalIdeation: true } }), 'd3')).toEqual([
      'd3.homicidal-ideation',
    ]);
    expect(rulesForV2(recommendV2({ mentalHealth: { suicideAttemptLast3Months: true } }), 'd3')).toEqual([
      'd3.suicide-attempt-last-3-months',
    ]);
  });
});

describe('D4 and D6 v2 (unchanged from v1)', () => {
  it('D4 from the stage of change', () => {
    expect(ratings({ readiness: { stage: 'precontemplation' } }).d4).toBe(3);
    expect(ratings({ readiness: { stage: 'maintenance' } }).d4).toBe(0);
  });

  it('D6 from housing, active user at home, support and safety', () => {
    expect(ratings({ environment: { housing: 'homeless', supportSystem: 'none' } }).d6).toBe(4);
    expect(ratings({ environment: { livesWithActiveUser: true } }).d6).toBe(2);
    expect(ratings({ environment: { interpersonalSafetyConcern: true } }).d6).toBe(4);
  });
});

describe('D5 v2: prescribed entries left out of maxDays and maxDur', () => {
  it('all prescribed → 0, with the reason', () => {
    const r = recommendV2(only({ category: 'opioid', daysUsedLast30: 30, durationMonths: 48, prescribed: true }));
    expect(r.dimensions.d5).toBe(0);
    expect(becauseForV2(r, 'd5')[0]).toContain('is 0 (every entry is taken as prescribed)');
  });

  it('the same entry not prescribed → 2 +1 (48 months) = 3', () => {
    expect(ratings(only({ category: 'opioid', daysUsedLast30: 30, durationMonths: 48 })).d5).toBe(3);
  });

  it('maxima over the entries left: a prescribed 30-day row does not make 4 own days regular', () => {
    const patch: IntakeV2Patch = {
      substances: [
        { category: 'opioid', daysUsedLast30: 30, durationMonths: 48, prescribed: true },
        { category: 'cannabis', daysUsedLast30: 4, durationMonths: 60 },
      ],
    };
    expect(ratings(patch).d5).toBe(1);
  });

  it('keeps v1 thresholds: 4 days and under 3 months → 0; 5 days → 1; 19 → 1; 20 → 2; +1 steps only at 20 or more days', () => {
    expect(ratings(only({ category: 'cannabis', daysUsedLast30: 4, durationMonths: 2 })).d5).toBe(0);
    expect(ratings(only({ category: 'cannabis', daysUsedLast30: 5 })).d5).toBe(1);
    expect(
      ratings({
        ...only({ category: 'cannabis', daysUsedLast30: 19, durationMonths: 24 }),
        relapse: { priorTreatmentEpisodes: 3 },
      }).d5,
    ).toBe(1);
    expect(ratings(only({ category: 'cannabis', daysUsedLast30: 20 })).d5).toBe(2);
    expect(
      ratings({
        ...only({ category: 'cannabis', daysUsedLast30: 20, durationMonths: 12 }),
        relapse: { priorTreatmentEpisodes: 2 },
      }).d5,
    ).toBe(4);
  });
});
