import { describe, expect, it } from 'vitest';
import { SERVICE_CODES, SERVICE_LABELS, SERVICE_RULES, type ServiceCode } from '@/lib/placement';
import type { IntakePatch } from './intake-builder';
import { recommendFor } from './recommendation-helpers';

const servicesFor = (patch: IntakePatch) => recommendFor(patch).services;

/** Each service with an intake that turns it on and a near-identical one that leaves it off. */
const onAndOff: ReadonlyArray<readonly [ServiceCode, IntakePatch, IntakePatch]> = [
  [
    'WITHDRAWAL_MANAGEMENT',
    { substances: [{ category: 'opioid', daysUsedLast30: 20 }] },
    { substances: [{ category: 'opioid', daysUsedLast30: 19 }] },
  ],
  ['BRIEF_INTERVENTION', {}, { biomedical: { chronicConditions: ['asthma'] } }],
  ['GROUP_THERAPY', { biomedical: { chronicConditions: ['asthma'] } }, {}],
  ['INDIVIDUAL_THERAPY', { biomedical: { chronicConditions: ['asthma'] } }, {}],
  ['CO_OCCURRING_MENTAL_HEALTH', { mentalHealth: { phq9: 10 } }, { mentalHealth: { phq9: 9 } }],
  ['CO_OCCURRING_MENTAL_HEALTH', { mentalHealth: { gad7: 10 } }, { mentalHealth: { gad7: 9 } }],
  ['CO_OCCURRING_MENTAL_HEALTH', { mentalHealth: { psychosis: true } }, { mentalHealth: { psychosis: false } }],
  // D3 2 from item 9 alone, with no PHQ-9 or GAD-7 total.
  ['CO_OCCURRING_MENTAL_HEALTH', { mentalHealth: { phq9Item9: 1 } }, { mentalHealth: { phq9Item9: 0 } }],
  [
    'POLYSUBSTANCE_PLAN',
    {
      substances: [
        { category: 'cannabis', daysUsedLast30: 1 },
        { category: 'stimulant', daysUsedLast30: 1 },
      ],
    },
    {
      substances: [
        { category: 'cannabis', daysUsedLast30: 30 },
        { category: 'stimulant', daysUsedLast30: 0 },
      ],
    },
  ],
  [
    'MOUD_EVALUATION',
    { substances: [{ category: 'opioid', daysUsedLast30: 4 }] },
    { substances: [{ category: 'opioid', daysUsedLast30: 3 }] },
  ],
  [
    'MAUD_EVALUATION',
    { substances: [{ category: 'alcohol', daysUsedLast30: 20 }] },
    { substances: [{ category: 'alcohol', daysUsedLast30: 19 }] },
  ],
  ['MOTIVATIONAL_ENHANCEMENT', { readiness: { stage: 'contemplation' } }, { readiness: { stage: 'preparation' } }],
  ['MOTIVATIONAL_ENHANCEMENT', { readiness: { stage: 'precontemplation' } }, { readiness: { stage: 'maintenance' } }],
  ['HOUSING', { environment: { housing: 'unstable' } }, { environment: { housing: 'stable' } }],
  ['HOUSING', { environment: { housing: 'homeless' } }, { environment: { housing: 'stable' } }],
  ['EMPLOYMENT', { socialNeeds: { employment: 'unemployed' } }, { socialNeeds: { employment: 'student' } }],
  ['EMPLOYMENT', { socialNeeds: { employment: 'recent_job_loss' } }, { socialNeeds: { employment: 'retired' } }],
  ['FINANCIAL', { socialNeeds: { financialStrain: true } }, { socialNeeds: { financialStrain: false } }],
  ['LEGAL', { socialNeeds: { legal: 'pending_charges' } }, { socialNeeds: { legal: 'none' } }],
  ['LEGAL', { socialNeeds: { legal: 'probation_parole' } }, { socialNeeds: { legal: 'none' } }],
  ['LEGAL', { socialNeeds: { legal: 'court_mandated' } }, { socialNeeds: { legal: 'none' } }],
  [
    'TRANSPORTATION',
    { socialNeeds: { transportationBarrier: true } },
    { socialNeeds: { transportationBarrier: false } },
  ],
  ['FOOD', { socialNeeds: { foodInsecurity: true } }, { socialNeeds: { foodInsecurity: false } }],
  [
    'SAFETY_PLANNING',
    { environment: { interpersonalSafetyConcern: true } },
    { environment: { interpersonalSafetyConcern: false } },
  ],
];

describe('services', () => {
  it.each(onAndOff)('%s: on for %j, off for %j', (service, on, off) => {
    expect(servicesFor(on)).toContain(service);
    expect(servicesFor(off)).not.toContain(service);
  });

  it('brief intervention replaces group and individual therapy at level 0.5', () => {
    expect(servicesFor({})).toEqual(['BRIEF_INTERVENTION']);
  });

  it('lists services in the table order, without duplicates', () => {
    const services = servicesFor({
      substances: [
        { category: 'alcohol', daysUsedLast30: 25 },
        { category: 'opioid', daysUsedLast30: 10 },
      ],
      readiness: { stage: 'precontemplation' },
      environment: { housing: 'homeless', interpersonalSafetyConcern: true },
      socialNeeds: {
        employment: 'unemployed',
        financialStrain: true,
        legal: 'court_mandated',
        transportationBarrier: true,
        foodInsecurity: true,
      },
      mentalHealth: { gad7: 12 },
    });
    expect(services).toEqual(SERVICE_CODES.filter((code) => code !== 'BRIEF_INTERVENTION'));
  });

  it('has one rule and one label per service code', () => {
    expect(SERVICE_RULES.map((rule) => rule.service)).toEqual([...SERVICE_CODES]);
    for (const code of SERVICE_CODES) expect(SERVICE_LABELS[code]).toMatch(/^[A-Z]/);
  });
});
