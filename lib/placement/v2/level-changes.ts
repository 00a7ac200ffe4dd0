/**
 * "What would change the level" (docs/placement-rules-v2.md "levelChanges"): each dimension one
 * lower and one higher, the other five unchanged, run through the level table; the ones that give
 * a different level than the recommendation.
 */
import { chooseTreatmentLevel } from '../shared/level-rules';
import {
  DIMENSIONS,
  MAX_RATING,
  type Dimension,
  type DimensionRatings,
  type Rating,
  type TreatmentLevel,
} from '../shared/vocabulary';

export interface LevelChange {
  readonly dimension: Dimension;
  readonly rating: Rating;
  readonly treatmentLevel: TreatmentLevel;
}

/**
 * For d1..d6 in order, rating ascending within a dimension. D4 at 3 and 4 reads the same in the
 * level table, so "D4 never changes the level above 3" needs no rule of its own here.
 */
export function findLevelChanges(dimensions: DimensionRatings): readonly LevelChange[] {
  const current = chooseTreatmentLevel(dimensions).level;
  const changes: LevelChange[] = [];
  for (const dimension of DIMENSIONS) {
    const rating = dimensions[dimension];
    const candidates = [rating - 1, rating + 1].filter((r): r is Rating => r >= 0 && r <= MAX_RATING);
    for (const candidate of candidates) {
      const treatmentLevel = chooseTreatmentLevel({ ...dimensions, [dimension]: candidate }).level;
      if (treatmentLevel !== current) changes.push({ dimension, rating: candidate, treatmentLevel });
    }
  }
  return changes;
}

/** "3.7 because D1 = 3; with D1 = 2 it would be 2.5" — one sentence per change, for the review and the case. */
export function describeLevelChange(level: TreatmentLevel, dimensions: DimensionRatings, change: LevelChange): string {
  const label = change.dimension.toUpperCase();
  return `${level} because ${label} = ${dimensions[change.dimension]}; with ${label} = ${change.rating} it would be ${change.treatmentLevel}`;
}
