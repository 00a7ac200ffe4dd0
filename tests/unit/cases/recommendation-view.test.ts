import { describe, expect, it } from 'vitest';

import { describeRecommendation } from '@/lib/cases/recommendation-view';
import { makeIntakeSchema } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import severeAlcohol from '@/tests/fixtures/intakes/alcohol-severe-withdrawal-seizure-history.json';

const schema = makeIntakeSchema({ today: '2025-06-01' });
const view = (json: unknown) => describeRecommendation(recommendPlacement(schema.parse(json)));

describe('describeRecommendation', () => {
  it('names the level and WM level, keeps each reason, and words the flags with their guidance', () => {
    const klonopin = view(klonopinDaily);
    expect(klonopin.rulesLabel).toBe('placement rules v1 (local policy, ASAM-informed)');
    expect(klonopin.treatmentLevel).toMatchObject({ code: '3.7', name: 'Medically Monitored Intensive Inpatient' });
    expect(klonopin.treatmentLevel.because.length).toBeGreaterThan(0);
    expect(klonopin.withdrawalManagement).toMatchObject({
      code: '3.7-WM',
      name: 'Medically monitored inpatient withdrawal management',
    });
    expect(klonopin.urgentFlags).toEqual([]);
    expect(klonopin.otherFlags).toEqual([
      {
        code: 'NO_ABRUPT_STOP',
        title: 'Do not stop abruptly',
        guidance: 'do not stop abruptly; medically supervised taper',
      },
      {
        code: 'CONTINUE_AFTER_WITHDRAWAL',
        title: 'Continue treatment after withdrawal management',
        guidance: 'withdrawal management is only the first stage; continue at level 3.7',
      },
    ]);
    expect(klonopin.dimensions.map((dimension) => [dimension.label, dimension.because.length > 0])).toEqual([
      ['D1', true],
      ['D2', true],
      ['D3', true],
      ['D4', true],
      ['D5', true],
      ['D6', true],
    ]);
  });

  it('puts emergencies among the urgent flags, first', () => {
    const alcohol = view(severeAlcohol);
    expect(alcohol.urgentFlags.map((flag) => flag.code)).toEqual(['EMERGENCY_MEDICAL']);
    expect(alcohol.otherFlags.map((flag) => flag.code)).not.toContain('EMERGENCY_MEDICAL');
  });
});
