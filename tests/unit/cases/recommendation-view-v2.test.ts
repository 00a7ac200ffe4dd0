import { describe, expect, it } from 'vitest';

import { describeRecommendation } from '@/lib/cases/recommendation-view';
import { makeIntakeV2Schema, type IntakeV2 } from '@/lib/intake';
import { FLAG_TITLES_V2, SERVICE_LABELS_V2, recommendPlacement } from '@/lib/placement';
import pregnantHeroin from '@/tests/fixtures/intakes/v2-pregnant-heroin-fentanyl-xanax.json';

const schema = makeIntakeV2Schema({ today: '2025-06-01' });
const intake = (): IntakeV2 => schema.parse(pregnantHeroin);

describe('describeRecommendation of a placement rules v2 recommendation', () => {
  it('uses v2 words: label, flag titles, service labels, and the level changes as sentences', () => {
    const recommendation = recommendPlacement(intake());
    const view = describeRecommendation(recommendation);
    expect(view.rulesLabel).toBe('placement rules v2 (local policy, ASAM-informed)');
    const flags = [...view.urgentFlags, ...view.otherFlags];
    expect(flags.map((flag) => flag.code)).toEqual(
      expect.arrayContaining(['OVERDOSE_RISK', 'MOUD_FIRST', 'PREGNANCY_PRIORITY']),
    );
    for (const flag of flags) expect(flag.title).toBe(FLAG_TITLES_V2[flag.code as keyof typeof FLAG_TITLES_V2]);
    for (const service of view.services)
      expect(service.label).toBe(SERVICE_LABELS_V2[service.code as keyof typeof SERVICE_LABELS_V2]);
    expect(view.levelChanges).toHaveLength(recommendation.levelChanges.length);
    for (const [index, change] of recommendation.levelChanges.entries()) {
      const label = change.dimension.toUpperCase();
      expect(view.levelChanges[index]).toBe(
        `${recommendation.treatmentLevel} because ${label} = ${recommendation.dimensions[change.dimension]}; with ${label} = ${change.rating} it would be ${change.treatmentLevel}`,
      );
    }
  });

  it('puts an emergency disposition and the incomplete items first', () => {
    const base = intake();
    const emergency = describeRecommendation(
      recommendPlacement({
        ...base,
        patient: { ...base.patient, pregnancy: 'unknown', gestationalWeeks: null },
        withdrawal: { ...base.withdrawal, currentSeizureOrDelirium: true },
        mentalHealth: { ...base.mentalHealth, phq9Item9: null },
      }),
    );
    expect(emergency.emergency).toEqual({
      code: 'emergency_medical',
      name: 'Emergency medical evaluation',
      guidance: 'send for emergency evaluation now; the level applies after stabilisation',
    });
    expect(emergency.incomplete.map((entry) => entry.item)).toEqual(
      expect.arrayContaining(['mentalHealth.phq9Item9', 'patient.pregnancy']),
    );
    expect(emergency.incomplete.every((entry) => entry.label.length > 0)).toBe(true);
  });

  it('a placement disposition shows no emergency', () => {
    expect(describeRecommendation(recommendPlacement(intake())).emergency).toBeNull();
  });
});
