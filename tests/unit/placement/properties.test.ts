import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  compareTreatmentLevels,
  compareWithdrawalManagementLevels,
  DIMENSIONS,
  RATINGS,
  recommendPlacement,
  TREATMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_LEVELS,
} from '@/lib/placement';
import { intakeArbitrary, WORSENINGS, worseningNameArbitrary } from './arbitraries';
import { testIntakeSchema } from './intake-builder';

const runs = { numRuns: 500 };

describe('placement properties', () => {
  test.prop([intakeArbitrary], { numRuns: 200 })(
    'the arbitrary only generates intakes the schema accepts',
    (intake) => {
      expect(testIntakeSchema.safeParse(intake).error?.issues).toBeUndefined();
    },
  );

  test.prop([intakeArbitrary], runs)('is deterministic and does not change its input', (intake) => {
    const before = structuredClone(intake);
    const first = recommendPlacement(intake);
    expect(recommendPlacement(structuredClone(intake))).toEqual(first);
    expect(intake).toEqual(before);
  });

  test.prop([intakeArbitrary], runs)('every output has a valid level, ratings 0-4 and a reason for each', (intake) => {
    const recommendation = recommendPlacement(intake);
    expect(TREATMENT_LEVELS).toContain(recommendation.treatmentLevel);
    expect(WITHDRAWAL_MANAGEMENT_LEVELS).toContain(recommendation.withdrawalManagement);
    for (const dimension of DIMENSIONS) expect(RATINGS).toContain(recommendation.dimensions[dimension]);
    const explained = new Set(recommendation.rationale.map((entry) => entry.dimension));
    expect([...explained].sort()).toEqual([...DIMENSIONS, 'level', 'wm'].sort());
    expect(recommendation.rationale.filter((entry) => entry.dimension === 'level')).toHaveLength(1);
    expect(recommendation.rationale.filter((entry) => entry.dimension === 'wm')).toHaveLength(1);
    for (const entry of recommendation.rationale) expect(entry.because.length).toBeGreaterThan(0);
  });

  test.prop([intakeArbitrary, worseningNameArbitrary, fc.nat()], { numRuns: 3000 })(
    'moving one input in the worse direction never lowers the level, the WM level or any rating',
    (intake, worsening, seed) => {
      const worse = WORSENINGS[worsening]?.(intake, seed) ?? null;
      fc.pre(worse !== null);
      expect(testIntakeSchema.safeParse(worse).success).toBe(true);
      const before = recommendPlacement(intake);
      const after = recommendPlacement(worse);
      expect(compareTreatmentLevels(after.treatmentLevel, before.treatmentLevel)).toBeGreaterThanOrEqual(0);
      expect(
        compareWithdrawalManagementLevels(after.withdrawalManagement, before.withdrawalManagement),
      ).toBeGreaterThanOrEqual(0);
      for (const dimension of DIMENSIONS)
        expect(after.dimensions[dimension]).toBeGreaterThanOrEqual(before.dimensions[dimension]);
    },
  );

  test.prop([intakeArbitrary], runs)(
    'services and flags follow the level: brief intervention only at 0.5, continue only with WM',
    (intake) => {
      const recommendation = recommendPlacement(intake);
      expect(recommendation.services.includes('BRIEF_INTERVENTION')).toBe(recommendation.treatmentLevel === '0.5');
      expect(recommendation.services.includes('GROUP_THERAPY')).toBe(recommendation.treatmentLevel !== '0.5');
      expect(recommendation.flags.includes('CONTINUE_AFTER_WITHDRAWAL')).toBe(
        recommendation.withdrawalManagement !== 'none',
      );
      expect(recommendation.services.includes('WITHDRAWAL_MANAGEMENT')).toBe(
        recommendation.withdrawalManagement !== 'none',
      );
    },
  );
});
