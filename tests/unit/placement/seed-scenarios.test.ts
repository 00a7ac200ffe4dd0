import { describe, expect, it } from 'vitest';
import alcoholSevere from '@/tests/fixtures/intakes/alcohol-severe-withdrawal-seizure-history.json';
import homelessAlcohol from '@/tests/fixtures/intakes/homeless-moderate-alcohol-withdrawal.json';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import klonopinFewTimes from '@/tests/fixtures/intakes/klonopin-few-times.json';
import { flagGuidance, recommendPlacement } from '@/lib/placement';
import { testIntakeSchema } from './intake-builder';

describe('seed scenarios', () => {
  it('Klonopin only a few times (3 days, no regular use) → 0.5, no withdrawal management', () => {
    const recommendation = recommendPlacement(testIntakeSchema.parse(klonopinFewTimes));
    expect(recommendation).toMatchObject({
      rulesVersion: 'placement-v1',
      treatmentLevel: '0.5',
      withdrawalManagement: 'none',
      dimensions: { d1: 0, d2: 0, d3: 0, d4: 0, d5: 0, d6: 0 },
      services: ['BRIEF_INTERVENTION'],
      flags: [],
    });
  });

  it('daily Klonopin for 8 months → 3.7, 3.7-WM, do not stop abruptly, continue after withdrawal', () => {
    const recommendation = recommendPlacement(testIntakeSchema.parse(klonopinDaily));
    expect(recommendation).toMatchObject({
      treatmentLevel: '3.7',
      withdrawalManagement: '3.7-WM',
      dimensions: { d1: 3, d2: 0, d3: 0, d4: 0, d5: 2, d6: 0 },
      services: ['WITHDRAWAL_MANAGEMENT', 'GROUP_THERAPY', 'INDIVIDUAL_THERAPY'],
      flags: ['NO_ABRUPT_STOP', 'CONTINUE_AFTER_WITHDRAWAL'],
    });
    expect(recommendation.rationale.filter((entry) => entry.dimension === 'd1')).toEqual([
      {
        dimension: 'd1',
        rule: 'd1.sedative.regular-6-months-or-with-other-depressant',
        because:
          'Klonopin (benzodiazepine) used on 30 of the last 30 days for 8 months: regular use for 6 months or more',
      },
    ]);
    expect(flagGuidance('CONTINUE_AFTER_WITHDRAWAL', recommendation.treatmentLevel)).toBe(
      'withdrawal management is only the first stage; continue at level 3.7',
    );
  });
});

describe('fixture scenarios', () => {
  it('daily drinking, CIWA-Ar 22 and a seizure history → 4, 4-WM, medical emergency', () => {
    const recommendation = recommendPlacement(testIntakeSchema.parse(alcoholSevere));
    expect(recommendation).toMatchObject({
      treatmentLevel: '4',
      withdrawalManagement: '4-WM',
      dimensions: { d1: 4, d2: 1, d3: 0, d4: 2, d5: 4, d6: 0 },
      flags: ['EMERGENCY_MEDICAL', 'CONTINUE_AFTER_WITHDRAWAL'],
    });
    expect(recommendation.services).toEqual([
      'WITHDRAWAL_MANAGEMENT',
      'GROUP_THERAPY',
      'INDIVIDUAL_THERAPY',
      'POLYSUBSTANCE_PLAN',
      'MAUD_EVALUATION',
      'MOTIVATIONAL_ENHANCEMENT',
    ]);
  });

  it('moderate alcohol withdrawal while homeless → 2.1 with residential withdrawal management (3.2-WM)', () => {
    const recommendation = recommendPlacement(testIntakeSchema.parse(homelessAlcohol));
    expect(recommendation).toMatchObject({
      treatmentLevel: '2.1',
      withdrawalManagement: '3.2-WM',
      dimensions: { d1: 2, d2: 0, d3: 0, d4: 0, d5: 1, d6: 3 },
      services: ['WITHDRAWAL_MANAGEMENT', 'GROUP_THERAPY', 'INDIVIDUAL_THERAPY', 'HOUSING', 'EMPLOYMENT', 'FOOD'],
      flags: ['CONTINUE_AFTER_WITHDRAWAL'],
    });
  });
});
