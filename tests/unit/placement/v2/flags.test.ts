import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_FLAG_CODES_V2,
  FLAG_CODES_V2,
  FLAG_RULES_V2,
  FLAG_TITLES_V2,
  flagGuidanceV2,
  URGENT_FLAG_CODES_V2,
  type FlagCodeV2,
} from '@/lib/placement';
import { becauseForV2, only, recommendV2, type IntakeV2Patch } from './intake-builder';

const flagsFor = (patch: IntakeV2Patch) => recommendV2(patch).flags;

const onAndOff: ReadonlyArray<readonly [FlagCodeV2, IntakeV2Patch, IntakeV2Patch]> = [
  [
    'EMERGENCY_MEDICAL',
    { withdrawal: { currentSeizureOrDelirium: true } },
    { withdrawal: { currentSeizureOrDelirium: false } },
  ],
  ['EMERGENCY_MEDICAL', { biomedical: { unstableMedical: true } }, { biomedical: { needs24hMedical: true } }],
  [
    'EMERGENCY_PSYCHIATRIC',
    { mentalHealth: { homicidalIdeation: true } },
    { mentalHealth: { suicideAttemptLast3Months: true } },
  ],
  ['EMERGENCY_PSYCHIATRIC', { mentalHealth: { psychosis: true } }, { mentalHealth: { psychosis: false } }],
  ['HARM_TO_OTHERS', { mentalHealth: { homicidalIdeation: true } }, { mentalHealth: { homicidalIdeation: false } }],
  ['SAFETY_ASSESSMENT', { mentalHealth: { phq9Item9: 1 } }, { mentalHealth: { phq9Item9: 0 } }],
  [
    'SAFETY_ASSESSMENT',
    { mentalHealth: { suicideAttemptLast3Months: true } },
    { mentalHealth: { suicideAttemptLast3Months: false } },
  ],
  [
    'NO_ABRUPT_STOP',
    only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 1, prescribed: true }),
    only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 0 }),
  ],
  [
    'NO_ABRUPT_STOP',
    only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 1 }),
    only({ category: 'benzodiazepine', daysUsedLast30: 19, durationMonths: 60 }),
  ],
  [
    'NO_ABRUPT_STOP',
    only({ category: 'ghb', daysUsedLast30: 20, durationMonths: 0 }),
    only({ category: 'ghb', daysUsedLast30: 19, durationMonths: 0 }),
  ],
  [
    'NO_ABRUPT_STOP',
    only({ category: 'gabapentinoid', daysUsedLast30: 20, durationMonths: 1, prescribed: true }),
    only({ category: 'gabapentinoid', daysUsedLast30: 20, durationMonths: 0 }),
  ],
  [
    'CONTINUE_AFTER_WITHDRAWAL',
    only({ category: 'opioid', daysUsedLast30: 20 }),
    only({ category: 'opioid', daysUsedLast30: 19 }),
  ],
  [
    'PREGNANCY_PRIORITY',
    { patient: { pregnancy: 'yes', gestationalWeeks: 12 } },
    { patient: { pregnancy: 'unknown' } },
  ],
  [
    'OVERDOSE_RISK',
    {
      substances: [
        { category: 'opioid', daysUsedLast30: 1 },
        { category: 'benzodiazepine', daysUsedLast30: 1, prescribed: true },
      ],
    },
    {
      substances: [
        { category: 'opioid', daysUsedLast30: 1 },
        { category: 'benzodiazepine', daysUsedLast30: 0 },
      ],
    },
  ],
  [
    'OVERDOSE_RISK',
    { overdoseRisk: { overdoseLast12Months: true } },
    { overdoseRisk: { overdoseLast12Months: false } },
  ],
  [
    'OVERDOSE_RISK',
    { ...only({ category: 'opioid', daysUsedLast30: 0 }), overdoseRisk: { lostTolerance: true } },
    { ...only({ category: 'alcohol', daysUsedLast30: 0 }), overdoseRisk: { lostTolerance: true } },
  ],
  [
    'OVERDOSE_RISK',
    { ...only({ category: 'opioid', daysUsedLast30: 1 }), overdoseRisk: { usesAlone: true } },
    { ...only({ category: 'opioid', daysUsedLast30: 0 }), overdoseRisk: { usesAlone: true } },
  ],
  [
    'OVERDOSE_RISK',
    only({ category: 'opioid', route: 'injected', daysUsedLast30: 1 }),
    only({ category: 'opioid', route: 'injected', daysUsedLast30: 0 }),
  ],
  [
    'OVERDOSE_RISK',
    only({ category: 'opioid', route: 'injected', daysUsedLast30: 1 }),
    only({ category: 'stimulant', route: 'injected', daysUsedLast30: 30 }),
  ],
  [
    'MOUD_FIRST',
    { ...only({ category: 'opioid', daysUsedLast30: 1 }), patient: { pregnancy: 'yes' } },
    { ...only({ category: 'opioid', daysUsedLast30: 0 }), patient: { pregnancy: 'yes' } },
  ],
  [
    'MOUD_FIRST',
    {
      ...only({ category: 'opioid', daysUsedLast30: 30, prescribed: true }),
      treatment: { currentMedication: 'methadone' },
    },
    {
      ...only({ category: 'opioid', daysUsedLast30: 30, prescribed: true }),
      treatment: { currentMedication: 'naltrexone' },
    },
  ],
  [
    'MOUD_FIRST',
    { ...only({ category: 'opioid', daysUsedLast30: 10 }), treatment: { currentMedication: 'buprenorphine' } },
    { ...only({ category: 'opioid', daysUsedLast30: 10 }), treatment: { currentMedication: 'none' } },
  ],
  ['ADOLESCENT', { patient: { dateOfBirth: '2007-06-02' } }, { patient: { dateOfBirth: '2007-06-01' } }],
  [
    'ADOLESCENT',
    { assessedOn: '2025-02-28', patient: { dateOfBirth: '2007-03-01' } },
    { assessedOn: '2025-03-01', patient: { dateOfBirth: '2007-03-01' } },
  ],
  ['ASSESSMENT_INCOMPLETE', { mentalHealth: { phq9Item9: null } }, { mentalHealth: { phq9Item9: 0 } }],
];

describe('flags v2', () => {
  it.each(onAndOff)('%s: on for %j, off for %j', (flag, on, off) => {
    expect(flagsFor(on)).toContain(flag);
    expect(flagsFor(off)).not.toContain(flag);
  });

  it('ADOLESCENT: 17 → on, 18 → off, a 29 February birthday turns 18 on 1 March', () => {
    expect(flagsFor({ assessedOn: '2022-02-28', patient: { dateOfBirth: '2004-02-29' } })).toContain('ADOLESCENT');
    expect(flagsFor({ assessedOn: '2022-03-01', patient: { dateOfBirth: '2004-02-29' } })).not.toContain('ADOLESCENT');
  });

  it('has no flags for a benign intake', () => {
    expect(flagsFor({})).toEqual([]);
  });

  it('lists flags in the table order', () => {
    const flags = flagsFor({
      patient: { pregnancy: 'yes', dateOfBirth: '2010-01-01' },
      substances: [
        { category: 'benzodiazepine', daysUsedLast30: 30, durationMonths: 12 },
        { category: 'opioid', daysUsedLast30: 30 },
      ],
      withdrawal: { currentSeizureOrDelirium: true },
      mentalHealth: { psychosis: true, homicidalIdeation: true, phq9Item9: null, suicideAttemptLast3Months: true },
    });
    expect(flags).toEqual([...FLAG_CODES_V2]);
  });

  it('uses the spec words for MOUD_FIRST, ADOLESCENT, HARM_TO_OTHERS, and v1 words for the unchanged flags', () => {
    expect(flagGuidanceV2('MOUD_FIRST', '1')).toBe(
      'manage opioid withdrawal by starting or continuing MOUD, not by tapering opioids',
    );
    expect(flagGuidanceV2('ADOLESCENT', '1')).toBe(
      'these rules are written for adults: use adolescent criteria and involve a guardian',
    );
    expect(flagGuidanceV2('HARM_TO_OTHERS', '1')).toBe("follow the program's duty-to-warn and emergency procedure");
    expect(flagGuidanceV2('NO_ABRUPT_STOP', '1')).toBe('do not stop abruptly; medically supervised taper');
    expect(flagGuidanceV2('CONTINUE_AFTER_WITHDRAWAL', '3.7')).toBe(
      'withdrawal management is only the first stage; continue at level 3.7',
    );
  });

  it('names the items not assessed in ASSESSMENT_INCOMPLETE', () => {
    const r = recommendV2({ mentalHealth: { phq9Item9: null }, patient: { pregnancy: 'unknown' } });
    expect(becauseForV2(r, 'flag', 'ASSESSMENT_INCOMPLETE')).toEqual([
      'Not assessed: mentalHealth.phq9Item9 (PHQ-9 item 9 (thoughts of self-harm) not asked); patient.pregnancy (pregnancy unknown)',
    ]);
  });

  it('reads titles and urgency from the table: emergencies, then harm to others and the self-harm flag', () => {
    expect(FLAG_RULES_V2.map((rule) => rule.flag)).toEqual([...FLAG_CODES_V2]);
    expect(EMERGENCY_FLAG_CODES_V2).toEqual(['EMERGENCY_MEDICAL', 'EMERGENCY_PSYCHIATRIC']);
    expect(URGENT_FLAG_CODES_V2).toEqual([
      'EMERGENCY_MEDICAL',
      'EMERGENCY_PSYCHIATRIC',
      'HARM_TO_OTHERS',
      'SAFETY_ASSESSMENT',
    ]);
    expect(new Set(FLAG_RULES_V2.map((rule) => rule.id)).size).toBe(FLAG_RULES_V2.length);
    for (const code of FLAG_CODES_V2) {
      expect(FLAG_TITLES_V2[code]).toMatch(/^[A-Z]/);
      expect(flagGuidanceV2(code, '1').length).toBeGreaterThan(10);
    }
  });
});
