import { describe, expect, it } from 'vitest';
import v1Fixture from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import v2Fixture from '@/tests/fixtures/intakes/v2-prescribed-clonazepam-as-directed.json';
import { parseIntake } from '@/lib/intake';
import {
  flagWordsFor,
  isPlacementRecommendationV2,
  recommendPlacement,
  recommendPlacementV1,
  recommendPlacementV2,
  RULES_LABELS,
  RULES_VERSIONS,
  serviceLabelFor,
  type AnyPlacementRecommendation,
} from '@/lib/placement';
import { testIntakeSchema } from './intake-builder';
import { testIntakeV2Schema } from './v2/intake-builder';

describe('recommendPlacement dispatches on the intake version', () => {
  it('an intake without intakeVersion gets placement rules v1, unchanged', () => {
    const intake = testIntakeSchema.parse(v1Fixture);
    const r = recommendPlacement(intake);
    expect(r.rulesVersion).toBe('placement-v1');
    expect(r).toEqual(recommendPlacementV1(intake));
    expect(r).not.toHaveProperty('disposition');
  });

  it('an intake with intakeVersion 2 gets placement rules v2', () => {
    const intake = testIntakeV2Schema.parse(v2Fixture);
    const r = recommendPlacement(intake);
    expect(r.rulesVersion).toBe('placement-v2');
    expect(r).toEqual(recommendPlacementV2(intake));
  });

  it('works on the union of both versions and narrows on rulesVersion', () => {
    const results: AnyPlacementRecommendation[] = [v1Fixture, v2Fixture].map((raw) => {
      const parsed = parseIntake(raw, { today: '2025-06-01' });
      if (!parsed.success) throw new Error('fixture should be valid');
      return recommendPlacement(parsed.data);
    });
    expect(results.map((r) => r.rulesVersion)).toEqual(['placement-v1', 'placement-v2']);
    expect(results.map(isPlacementRecommendationV2)).toEqual([false, true]);
  });

  it('labels both versions as local policy', () => {
    expect(RULES_VERSIONS).toEqual(['placement-v1', 'placement-v2']);
    expect(RULES_LABELS['placement-v2']).toBe('placement rules v2 (local policy, ASAM-informed)');
    expect(RULES_LABELS['placement-v1']).toBe('placement rules v1 (local policy, ASAM-informed)');
  });
});

describe('words for services and flags of either version', () => {
  it('reads title, guidance and urgency from the version that scored the case', () => {
    expect(flagWordsFor('placement-v1', 'EMERGENCY_PSYCHIATRIC', '4')).toEqual({
      title: 'Psychiatric emergency',
      guidance:
        'emotional/behavioral rating is 4 (suicidal ideation with a plan or psychosis): arrange immediate psychiatric evaluation',
      urgency: 'emergency',
    });
    expect(flagWordsFor('placement-v2', 'HARM_TO_OTHERS', '4')).toMatchObject({ urgency: 'urgent' });
    expect(flagWordsFor('placement-v1', 'HARM_TO_OTHERS', '4')).toBeNull();
    expect(flagWordsFor('placement-v2', 'CONTINUE_AFTER_WITHDRAWAL', '2.1')?.guidance).toBe(
      'withdrawal management is only the first stage; continue at level 2.1',
    );
  });

  it('labels services of either version', () => {
    expect(serviceLabelFor('placement-v2', 'NALOXONE')).toBe('Naloxone kit and overdose education');
    expect(serviceLabelFor('placement-v1', 'NALOXONE')).toBeNull();
    expect(serviceLabelFor('placement-v1', 'HOUSING')).toBe('Housing support');
  });
});
