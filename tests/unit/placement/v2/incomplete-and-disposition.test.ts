import { describe, expect, it } from 'vitest';
import { EMERGENCY_DISPOSITION_GUIDANCE } from '@/lib/placement';
import { only, recommendV2, rulesForV2, type IntakeV2Patch } from './intake-builder';

const incomplete = (patch: IntakeV2Patch) => recommendV2(patch).incomplete;

describe('incomplete (safety-critical items not assessed)', () => {
  it('withdrawal.ciwaAr when alcohol is regular and CIWA-Ar is null (19 days, or a score → not listed)', () => {
    expect(incomplete(only({ category: 'alcohol', daysUsedLast30: 20 }))).toEqual(['withdrawal.ciwaAr']);
    expect(incomplete(only({ category: 'alcohol', daysUsedLast30: 19 }))).toEqual([]);
    expect(incomplete({ ...only({ category: 'alcohol', daysUsedLast30: 20 }), withdrawal: { ciwaAr: 3 } })).toEqual([]);
  });

  it('withdrawal.ciwaB when sedatives are regular and both CIWA-B and CIWA-Ar are null', () => {
    expect(incomplete(only({ category: 'benzodiazepine', daysUsedLast30: 20, prescribed: true }))).toEqual([
      'withdrawal.ciwaB',
    ]);
    expect(
      incomplete({ ...only({ category: 'benzodiazepine', daysUsedLast30: 20 }), withdrawal: { ciwaAr: 4 } }),
    ).toEqual([]);
    expect(
      incomplete({ ...only({ category: 'benzodiazepine', daysUsedLast30: 20 }), withdrawal: { ciwaB: 4 } }),
    ).toEqual([]);
    expect(incomplete(only({ category: 'benzodiazepine', daysUsedLast30: 19 }))).toEqual([]);
  });

  it('withdrawal.cows when opioids are regular, not prescribed, and COWS is null', () => {
    expect(incomplete(only({ category: 'opioid', daysUsedLast30: 20 }))).toEqual(['withdrawal.cows']);
    expect(incomplete(only({ category: 'opioid', daysUsedLast30: 20, prescribed: true }))).toEqual([]);
    expect(incomplete(only({ category: 'opioid', daysUsedLast30: 19 }))).toEqual([]);
    expect(incomplete({ ...only({ category: 'opioid', daysUsedLast30: 20 }), withdrawal: { cows: 0 } })).toEqual([]);
  });

  it('mentalHealth.phq9Item9 when null; patient.pregnancy when unknown; sorted by path', () => {
    expect(
      incomplete({
        substances: [
          { category: 'opioid', daysUsedLast30: 20 },
          { category: 'alcohol', daysUsedLast30: 20 },
        ],
        mentalHealth: { phq9Item9: null },
        patient: { pregnancy: 'unknown' },
      }),
    ).toEqual(['mentalHealth.phq9Item9', 'patient.pregnancy', 'withdrawal.ciwaAr', 'withdrawal.cows']);
    expect(incomplete({ patient: { pregnancy: 'no' } })).toEqual([]);
  });
});

describe('disposition', () => {
  it('emergency_medical when EMERGENCY_MEDICAL, even with EMERGENCY_PSYCHIATRIC too', () => {
    const r = recommendV2({ withdrawal: { currentSeizureOrDelirium: true }, mentalHealth: { psychosis: true } });
    expect(r.disposition).toBe('emergency_medical');
    expect(rulesForV2(r, 'disposition')).toEqual(['disposition.emergency-medical']);
  });

  it('emergency_psychiatric when only EMERGENCY_PSYCHIATRIC; placement otherwise', () => {
    expect(recommendV2({ mentalHealth: { homicidalIdeation: true } }).disposition).toBe('emergency_psychiatric');
    expect(recommendV2({ mentalHealth: { suicideAttemptLast3Months: true } }).disposition).toBe('placement');
  });

  it('the level still applies after stabilisation', () => {
    const r = recommendV2({ biomedical: { unstableMedical: true } });
    expect(r).toMatchObject({ disposition: 'emergency_medical', treatmentLevel: '4' });
    expect(EMERGENCY_DISPOSITION_GUIDANCE).toBe(
      'send for emergency evaluation now; the level applies after stabilisation',
    );
  });
});
