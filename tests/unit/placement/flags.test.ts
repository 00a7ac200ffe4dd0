import { describe, expect, it } from 'vitest';
import { FLAG_CODES, FLAG_RULES, FLAG_TITLES, flagGuidance, type FlagCode } from '@/lib/placement';
import type { IntakePatch } from './intake-builder';
import { recommendFor } from './recommendation-helpers';

const flagsFor = (patch: IntakePatch) => recommendFor(patch).flags;

const onAndOff: ReadonlyArray<readonly [FlagCode, IntakePatch, IntakePatch]> = [
  [
    'EMERGENCY_MEDICAL',
    { withdrawal: { currentSeizureOrDelirium: true } },
    { withdrawal: { currentSeizureOrDelirium: false } },
  ],
  ['EMERGENCY_MEDICAL', { biomedical: { unstableMedical: true } }, { biomedical: { needs24hMedical: true } }],
  [
    'EMERGENCY_PSYCHIATRIC',
    { mentalHealth: { suicidalIdeationWithPlan: true } },
    { mentalHealth: { phq9: 27, phq9Item9: 3 } },
  ],
  ['EMERGENCY_PSYCHIATRIC', { mentalHealth: { psychosis: true } }, { mentalHealth: { psychosis: false } }],
  ['SAFETY_ASSESSMENT', { mentalHealth: { phq9Item9: 1 } }, { mentalHealth: { phq9Item9: 0 } }],
  ['SAFETY_ASSESSMENT', { mentalHealth: { phq9Item9: 3 } }, { mentalHealth: { phq9Item9: null } }],
  [
    'NO_ABRUPT_STOP',
    { substances: [{ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 1 }] },
    { substances: [{ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 0 }] },
  ],
  [
    'NO_ABRUPT_STOP',
    { substances: [{ category: 'other_sedative', daysUsedLast30: 20, durationMonths: 1 }] },
    { substances: [{ category: 'other_sedative', daysUsedLast30: 19, durationMonths: 60 }] },
  ],
  [
    'NO_ABRUPT_STOP',
    { substances: [{ category: 'other_sedative', daysUsedLast30: 30, durationMonths: 3 }] },
    { substances: [{ category: 'alcohol', daysUsedLast30: 30, durationMonths: 60 }] },
  ],
  [
    'CONTINUE_AFTER_WITHDRAWAL',
    { substances: [{ category: 'opioid', daysUsedLast30: 20 }] },
    { substances: [{ category: 'opioid', daysUsedLast30: 19 }] },
  ],
  ['PREGNANCY_PRIORITY', { patient: { pregnant: true } }, { patient: { pregnant: false } }],
];

describe('flags', () => {
  it.each(onAndOff)('%s: on for %j, off for %j', (flag, on, off) => {
    expect(flagsFor(on)).toContain(flag);
    expect(flagsFor(off)).not.toContain(flag);
  });

  it('lists emergency flags first and in the table order', () => {
    const flags = flagsFor({
      patient: { pregnant: true },
      substances: [{ category: 'benzodiazepine', daysUsedLast30: 30, durationMonths: 12 }],
      withdrawal: { currentSeizureOrDelirium: true },
      mentalHealth: { psychosis: true, phq9Item9: 2 },
    });
    expect(flags).toEqual([...FLAG_CODES]);
  });

  it('has no flags for a benign intake', () => {
    expect(flagsFor({})).toEqual([]);
  });

  it('uses the spec words for NO_ABRUPT_STOP and puts the computed level into CONTINUE_AFTER_WITHDRAWAL', () => {
    expect(flagGuidance('NO_ABRUPT_STOP', '3.7')).toBe('do not stop abruptly; medically supervised taper');
    const recommendation = recommendFor({ substances: [{ category: 'opioid', daysUsedLast30: 20 }] });
    expect(recommendation.treatmentLevel).toBe('2.1');
    expect(flagGuidance('CONTINUE_AFTER_WITHDRAWAL', recommendation.treatmentLevel)).toBe(
      'withdrawal management is only the first stage; continue at level 2.1',
    );
  });

  it('has one rule, one title and guidance per flag code', () => {
    expect(FLAG_RULES.map((rule) => rule.flag)).toEqual([...FLAG_CODES]);
    for (const code of FLAG_CODES) {
      expect(FLAG_TITLES[code]).toMatch(/^[A-Z]/);
      expect(flagGuidance(code, '1').length).toBeGreaterThan(10);
    }
  });
});
