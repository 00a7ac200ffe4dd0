import { describe, expect, it } from 'vitest';
import { SERVICE_CODES_V2, SERVICE_LABELS_V2, SERVICE_RULES_V2, type ServiceCodeV2 } from '@/lib/placement';
import { becauseForV2, only, recommendV2, type IntakeV2Patch } from './intake-builder';

const servicesFor = (patch: IntakeV2Patch) => recommendV2(patch).services;

/** Each changed or new v2 service with an intake that turns it on and a near-identical one that leaves it off. */
const onAndOff: ReadonlyArray<readonly [ServiceCodeV2, IntakeV2Patch, IntakeV2Patch]> = [
  ['MOUD_EVALUATION', only({ category: 'opioid', daysUsedLast30: 4 }), only({ category: 'opioid', daysUsedLast30: 3 })],
  [
    'MOUD_EVALUATION',
    only({ category: 'opioid', daysUsedLast30: 4 }),
    only({ category: 'opioid', daysUsedLast30: 30, prescribed: true }),
  ],
  [
    'MOUD_EVALUATION',
    { ...only({ category: 'opioid', daysUsedLast30: 10 }), treatment: { currentMedication: 'none' } },
    { ...only({ category: 'opioid', daysUsedLast30: 10 }), treatment: { currentMedication: 'naltrexone' } },
  ],
  [
    'CONTINUE_MEDICATION',
    { treatment: { currentMedication: 'buprenorphine' } },
    { treatment: { currentMedication: 'none' } },
  ],
  [
    'CONTINUE_MEDICATION',
    { treatment: { currentMedication: 'naltrexone' } },
    { treatment: { currentMedication: 'none' } },
  ],
  [
    'POLYSUBSTANCE_PLAN',
    {
      substances: [
        { category: 'benzodiazepine', daysUsedLast30: 1 },
        { category: 'other_sedative', daysUsedLast30: 1 },
      ],
    },
    {
      substances: [
        { category: 'benzodiazepine', daysUsedLast30: 30 },
        { category: 'benzodiazepine', daysUsedLast30: 30 },
      ],
    },
  ],
  [
    'POLYSUBSTANCE_PLAN',
    {
      substances: [
        { category: 'opioid', daysUsedLast30: 30, prescribed: true },
        { category: 'cannabis', daysUsedLast30: 1 },
      ],
    },
    {
      substances: [
        { category: 'opioid', daysUsedLast30: 30, prescribed: true },
        { category: 'cannabis', daysUsedLast30: 0 },
      ],
    },
  ],
  ['NALOXONE', only({ category: 'opioid', daysUsedLast30: 1 }), only({ category: 'opioid', daysUsedLast30: 0 })],
  [
    'NALOXONE',
    only({ category: 'opioid', daysUsedLast30: 30, prescribed: true }),
    only({ category: 'stimulant', daysUsedLast30: 30 }),
  ],
  [
    'NALOXONE',
    { ...only({ category: 'opioid', daysUsedLast30: 0 }), overdoseRisk: { lostTolerance: true } },
    { ...only({ category: 'alcohol', daysUsedLast30: 0 }), overdoseRisk: { lostTolerance: true } },
  ],
  ['NALOXONE', { overdoseRisk: { overdoseLast12Months: true } }, { overdoseRisk: { overdoseLast12Months: false } }],
  [
    'INFECTION_SCREENING',
    only({ category: 'stimulant', route: 'injected', daysUsedLast30: 0 }),
    only({ category: 'stimulant', route: 'smoked', daysUsedLast30: 30 }),
  ],
  [
    'SUICIDE_SAFETY_PLAN',
    { mentalHealth: { suicidalIdeationWithPlan: true } },
    { mentalHealth: { suicidalIdeationWithPlan: false } },
  ],
  [
    'SUICIDE_SAFETY_PLAN',
    { mentalHealth: { suicideAttemptLast3Months: true } },
    { mentalHealth: { suicideAttemptLast3Months: false } },
  ],
  ['SUICIDE_SAFETY_PLAN', { mentalHealth: { phq9Item9: 1 } }, { mentalHealth: { phq9Item9: 0 } }],
  ['SUICIDE_SAFETY_PLAN', { mentalHealth: { phq9Item9: 1 } }, { mentalHealth: { phq9Item9: null } }],
  [
    'MAUD_EVALUATION',
    only({ category: 'alcohol', daysUsedLast30: 20, prescribed: true }),
    only({ category: 'alcohol', daysUsedLast30: 19 }),
  ],
  [
    'MAUD_EVALUATION',
    {
      substances: [
        { category: 'alcohol', daysUsedLast30: 20 },
        { category: 'alcohol', daysUsedLast30: 1 },
      ],
    },
    {
      substances: [
        { category: 'alcohol', daysUsedLast30: 19 },
        { category: 'alcohol', daysUsedLast30: 19 },
      ],
    },
  ],
  // Unchanged from v1, a few as a check that the shared rules are in the v2 table.
  [
    'WITHDRAWAL_MANAGEMENT',
    only({ category: 'opioid', daysUsedLast30: 20 }),
    only({ category: 'opioid', daysUsedLast30: 19 }),
  ],
  ['BRIEF_INTERVENTION', {}, { biomedical: { chronicConditions: ['asthma'] } }],
  [
    'SAFETY_PLANNING',
    { environment: { interpersonalSafetyConcern: true } },
    { environment: { interpersonalSafetyConcern: false } },
  ],
  ['CO_OCCURRING_MENTAL_HEALTH', { mentalHealth: { gad7: 10 } }, { mentalHealth: { gad7: 9 } }],
  ['HOUSING', { environment: { housing: 'unstable' } }, { environment: { housing: 'stable' } }],
];

describe('services v2', () => {
  it.each(onAndOff)('%s: on for %j, off for %j', (service, on, off) => {
    expect(servicesFor(on)).toContain(service);
    expect(servicesFor(off)).not.toContain(service);
  });

  it('every service names its inputs', () => {
    const r = recommendV2({
      substances: [{ category: 'opioid', name: 'Heroin', route: 'injected', daysUsedLast30: 20, durationMonths: 12 }],
      overdoseRisk: { overdoseLast12Months: true },
    });
    expect(becauseForV2(r, 'service', 'NALOXONE')).toEqual([
      'an opioid is used: opioids (Heroin): used on 20 of the last 30 days, for 12 months, own use; an overdose in the last 12 months',
    ]);
    expect(becauseForV2(r, 'service', 'INFECTION_SCREENING')).toEqual([
      'Injected: Heroin (opioid) used on 20 of the last 30 days for 12 months',
    ]);
  });

  it('has one rule with a unique id and one label per service code, in table order', () => {
    expect(SERVICE_RULES_V2.map((rule) => rule.service)).toEqual([...SERVICE_CODES_V2]);
    expect(new Set(SERVICE_RULES_V2.map((rule) => rule.id)).size).toBe(SERVICE_RULES_V2.length);
    for (const code of SERVICE_CODES_V2) expect(SERVICE_LABELS_V2[code]).toMatch(/^[A-Z]/);
    for (const rule of SERVICE_RULES_V2) expect(rule.description).toMatch(/\.$/);
  });
});
