import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  chooseTreatmentLevel,
  compareTreatmentLevels,
  DIMENSIONS,
  findLevelChanges,
  FLAG_CODES_V2,
  RATINGS,
  recommendPlacement,
  recommendPlacementV2,
  SERVICE_CODES_V2,
  type DimensionRatings,
} from '@/lib/placement';
import { intakeV2Arbitrary } from './arbitraries';

const runs = { numRuns: 400 };
const ratingsArbitrary: fc.Arbitrary<DimensionRatings> = fc.record({
  d1: fc.constantFrom(...RATINGS),
  d2: fc.constantFrom(...RATINGS),
  d3: fc.constantFrom(...RATINGS),
  d4: fc.constantFrom(...RATINGS),
  d5: fc.constantFrom(...RATINGS),
  d6: fc.constantFrom(...RATINGS),
});

describe('placement rules v2 properties', () => {
  test.prop([intakeV2Arbitrary], runs)(
    'is deterministic, does not change its input, and is what the entry point returns',
    (intake) => {
      const before = structuredClone(intake);
      const first = recommendPlacementV2(intake);
      expect(recommendPlacementV2(structuredClone(intake))).toEqual(first);
      expect(recommendPlacement(intake)).toEqual(first);
      expect(intake).toEqual(before);
    },
  );

  test.prop([intakeV2Arbitrary], runs)(
    'complete rationale: every rating, the level, the WM level, every service, every flag and the disposition has a reason',
    (intake) => {
      const r = recommendPlacementV2(intake);
      for (const subject of [...DIMENSIONS, 'level', 'wm', 'disposition'] as const) {
        expect(r.rationale.some((entry) => entry.dimension === subject)).toBe(true);
      }
      expect(r.rationale.filter((entry) => entry.dimension === 'level')).toHaveLength(1);
      expect(r.rationale.filter((entry) => entry.dimension === 'service').map((entry) => entry.code)).toEqual(
        r.services,
      );
      expect(r.rationale.filter((entry) => entry.dimension === 'flag').map((entry) => entry.code)).toEqual(r.flags);
      for (const entry of r.rationale) expect(entry.because.trim().length).toBeGreaterThan(0);
      // Listed in table order, each once.
      expect(r.services).toEqual(SERVICE_CODES_V2.filter((code) => r.services.includes(code)));
      expect(r.flags).toEqual(FLAG_CODES_V2.filter((code) => r.flags.includes(code)));
      expect([...r.incomplete].sort()).toEqual(r.incomplete);
      expect(r.flags.includes('ASSESSMENT_INCOMPLETE')).toBe(r.incomplete.length > 0);
    },
  );

  test.prop([ratingsArbitrary, fc.constantFrom(...DIMENSIONS)], { numRuns: 2000 })(
    'raising any single rating never lowers the level',
    (ratings, dimension) => {
      fc.pre(ratings[dimension] < 4);
      const raised = { ...ratings, [dimension]: ratings[dimension] + 1 };
      expect(
        compareTreatmentLevels(chooseTreatmentLevel(raised).level, chooseTreatmentLevel(ratings).level),
      ).toBeGreaterThanOrEqual(0);
    },
  );

  test.prop([intakeV2Arbitrary], runs)('levelChanges agrees with re-running the level table', (intake) => {
    const r = recommendPlacementV2(intake);
    const expected = DIMENSIONS.flatMap((dimension) =>
      [r.dimensions[dimension] - 1, r.dimensions[dimension] + 1]
        .filter((rating) => rating >= 0 && rating <= 4)
        .map((rating) => ({
          dimension,
          rating,
          treatmentLevel: chooseTreatmentLevel({ ...r.dimensions, [dimension]: rating }).level,
        }))
        .filter((change) => change.treatmentLevel !== r.treatmentLevel),
    );
    expect(r.levelChanges).toEqual(expected);
    expect(findLevelChanges(r.dimensions)).toEqual(r.levelChanges);
  });

  test.prop([intakeV2Arbitrary], runs)(
    'WM: none exactly when D1 is 0, at least 3.7-WM when D1 >= 3; disposition follows the emergency flags',
    (intake) => {
      const r = recommendPlacementV2(intake);
      expect(r.withdrawalManagement === 'none').toBe(r.dimensions.d1 === 0);
      if (r.dimensions.d1 >= 3) expect(['3.7-WM', '4-WM']).toContain(r.withdrawalManagement);
      const expected = r.flags.includes('EMERGENCY_MEDICAL')
        ? 'emergency_medical'
        : r.flags.includes('EMERGENCY_PSYCHIATRIC')
          ? 'emergency_psychiatric'
          : 'placement';
      expect(r.disposition).toBe(expected);
    },
  );
});

describe('level table (every combination of ratings)', () => {
  it('raising any single rating never lowers the level, for all 15,625 combinations', () => {
    for (const d1 of RATINGS)
      for (const d2 of RATINGS)
        for (const d3 of RATINGS)
          for (const d4 of RATINGS)
            for (const d5 of RATINGS)
              for (const d6 of RATINGS) {
                const ratings: DimensionRatings = { d1, d2, d3, d4, d5, d6 };
                const level = chooseTreatmentLevel(ratings).level;
                for (const dimension of DIMENSIONS) {
                  if (ratings[dimension] === 4) continue;
                  const raised = chooseTreatmentLevel({ ...ratings, [dimension]: ratings[dimension] + 1 }).level;
                  expect(compareTreatmentLevels(raised, level)).toBeGreaterThanOrEqual(0);
                }
              }
  });
});
