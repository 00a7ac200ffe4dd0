/**
 * Score tiers ("CIWA-B 1-20 → 1, 21-40 → 2, ...") written once: each tier becomes one rule with
 * a disjoint range, so each score gets one explanation. Ratings take the maximum, so disjoint
 * ranges give the same rating as the specs' overlapping wording.
 */
import type { IntakeRatingRule, RuleFacts } from './rating-rule';
import type { Dimension, Rating } from './vocabulary';

/** True when `value` is a score from `min` to `max` (inclusive; no `max` means no upper bound). */
export const inRange = (value: number | null, min: number, max: number = Number.POSITIVE_INFINITY): value is number =>
  value !== null && value >= min && value <= max;

export interface ScoreTier {
  readonly min: number;
  /** null: no upper bound ("61 or more"). */
  readonly max: number | null;
  readonly rating: Rating;
}

export interface ScoreTierSpec<F extends RuleFacts> {
  /** e.g. `d1.sedative.ciwa-b`; each rule's id adds its range (`-1-to-20`, `-61-plus`). */
  readonly idPrefix: string;
  readonly dimension: Dimension;
  /** e.g. `CIWA-B`. */
  readonly scoreName: string;
  readonly score: (facts: F) => number | null;
  /** When the score counts at all, in the words of a rule description and of an explanation. */
  readonly counts: {
    readonly when: (facts: F) => boolean;
    /** e.g. `A sedative listed`. */
    readonly description: string;
    /** e.g. `with a sedative listed`. */
    readonly because: string | ((facts: F) => string);
  };
  readonly tiers: readonly ScoreTier[];
}

export function scoreTierRules<F extends RuleFacts>(spec: ScoreTierSpec<F>): IntakeRatingRule<F>[] {
  return spec.tiers.map(({ min, max, rating }): IntakeRatingRule<F> => {
    const upper = max ?? Number.POSITIVE_INFINITY;
    return {
      id: max === null ? `${spec.idPrefix}-${min}-plus` : `${spec.idPrefix}-${min}-to-${max}`,
      dimension: spec.dimension,
      scope: 'intake',
      description: `${spec.counts.description} and ${spec.scoreName} ${max === null ? `${min} or more` : `${min}-${max}`} → ${rating}.`,
      effect: { kind: 'atLeast', rating },
      condition: (facts) => spec.counts.when(facts) && inRange(spec.score(facts), min, upper),
      because: (facts) => {
        const counts = typeof spec.counts.because === 'string' ? spec.counts.because : spec.counts.because(facts);
        return `${spec.scoreName} ${spec.score(facts)} (${max === null ? `${min} or more` : `${min} to ${max}`}) ${counts}`;
      },
    };
  });
}
