import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  EMERGENCY_FLAG_CODES,
  explainServicesAndFlagsV1,
  FLAG_RULES,
  recommendPlacement,
  scoreTierRules,
  SERVICE_RULES,
  URGENT_FLAG_CODES,
  type PlacementFacts,
} from '@/lib/placement';
import { intakeArbitrary } from './arbitraries';
import { buildIntake } from './intake-builder';

describe('service and flag rules (v1)', () => {
  it('give every rule a unique id and a description', () => {
    const rules = [...SERVICE_RULES, ...FLAG_RULES];
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) expect(rule.description).toMatch(/\.$/);
  });

  it('read urgency from the flag table: emergencies, then the self-harm item', () => {
    expect(EMERGENCY_FLAG_CODES).toEqual(['EMERGENCY_MEDICAL', 'EMERGENCY_PSYCHIATRIC']);
    expect(URGENT_FLAG_CODES).toEqual(['EMERGENCY_MEDICAL', 'EMERGENCY_PSYCHIATRIC', 'SAFETY_ASSESSMENT']);
  });

  it('explain each service and flag with the inputs that made it apply', () => {
    const intake = buildIntake({
      substances: [{ category: 'benzodiazepine', name: 'Klonopin', daysUsedLast30: 30, durationMonths: 8 }],
      mentalHealth: { phq9Item9: 2 },
      socialNeeds: { legal: 'pending_charges' },
    });
    const reasons = explainServicesAndFlagsV1(intake);
    expect(reasons.find((entry) => entry.code === 'NO_ABRUPT_STOP')).toEqual({
      dimension: 'flag',
      code: 'NO_ABRUPT_STOP',
      rule: 'flag.no-abrupt-stop',
      because:
        'Klonopin (benzodiazepine) used on 30 of the last 30 days for 8 months: regular sedative use for 1 month or more',
    });
    expect(reasons.find((entry) => entry.code === 'SAFETY_ASSESSMENT')?.because).toBe(
      'PHQ-9 item 9 (thoughts of self-harm) answered 2 (1 or more)',
    );
    expect(reasons.find((entry) => entry.code === 'LEGAL')?.because).toBe('Legal situation: pending charges');
    expect(reasons.find((entry) => entry.code === 'WITHDRAWAL_MANAGEMENT')?.because).toBe(
      'Withdrawal-management level is 3.7-WM',
    );
  });

  test.prop([intakeArbitrary], { numRuns: 300 })(
    'one reason per service and flag, in the recommendation order',
    (intake) => {
      const recommendation = recommendPlacement(intake);
      const reasons = explainServicesAndFlagsV1(intake);
      expect(reasons.map((entry) => entry.code)).toEqual([...recommendation.services, ...recommendation.flags]);
      for (const entry of reasons) expect(entry.because.length).toBeGreaterThan(0);
    },
  );
});

describe('scoreTierRules', () => {
  const rules = scoreTierRules<PlacementFacts>({
    idPrefix: 'd1.test.score',
    dimension: 'd1',
    scoreName: 'SCORE',
    score: (facts) => facts.intake.withdrawal.cows,
    counts: { when: () => true, description: 'Always', because: 'always' },
    tiers: [
      { min: 5, max: 12, rating: 1 },
      { min: 13, max: null, rating: 3 },
    ],
  });

  it('writes one rule per tier with the range in its id, description and reason', () => {
    expect(rules.map((rule) => [rule.id, rule.description])).toEqual([
      ['d1.test.score-5-to-12', 'Always and SCORE 5-12 → 1.'],
      ['d1.test.score-13-plus', 'Always and SCORE 13 or more → 3.'],
    ]);
  });

  test.prop([fc.option(fc.integer({ min: 0, max: 48 }), { nil: null })])(
    'each score matches at most one tier, at its bounds',
    (cows) => {
      const facts = { intake: { withdrawal: { cows } } } as unknown as PlacementFacts;
      const matching = rules.filter((rule) => rule.condition(facts)).map((rule) => rule.id);
      const expected =
        cows === null || cows < 5 ? [] : cows <= 12 ? ['d1.test.score-5-to-12'] : ['d1.test.score-13-plus'];
      expect(matching).toEqual(expected);
      if (matching.length > 0)
        expect(rules.find((rule) => rule.condition(facts))?.because(facts)).toMatch(new RegExp(`^SCORE ${cows} \\(`));
    },
  );
});
