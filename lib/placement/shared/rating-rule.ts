/**
 * How dimension rules are written and applied, in every rules version. A rule's effect either
 * raises the rating to at least a value (the specs' "a rule that raises a rating takes the
 * maximum"), adds to it (D5's "+1", D6's "adds 1", capped at 4), or only explains (a note that
 * changes nothing). Rules are generic over the facts a version derives from its intake.
 */
import type { RationaleEntry } from './rationale';
import { MAX_RATING, type Dimension, type Rating } from './vocabulary';

export type RatingEffect =
  | { readonly kind: 'atLeast'; readonly rating: Rating }
  | { readonly kind: 'add'; readonly amount: 1 }
  | { readonly kind: 'note' };

/** What every version's facts have: the substance entries, for rules checked once per entry. */
export interface RuleFacts {
  readonly substances: readonly unknown[];
}

type SubstanceOf<F extends RuleFacts> = F['substances'][number];

interface RatingRuleBase {
  readonly id: string;
  readonly dimension: Dimension;
  /** The rule in the words of the spec, for people reviewing the rule table. */
  readonly description: string;
  readonly effect: RatingEffect;
}

/** A rule about the intake as a whole. */
export interface IntakeRatingRule<F extends RuleFacts> extends RatingRuleBase {
  readonly scope: 'intake';
  readonly condition: (facts: F) => boolean;
  readonly because: (facts: F) => string;
}

/** A rule checked once for each substance entry (e.g. "each sedative"). */
export interface SubstanceRatingRule<F extends RuleFacts> extends RatingRuleBase {
  readonly scope: 'substance';
  readonly condition: (facts: F, substance: SubstanceOf<F>) => boolean;
  readonly because: (facts: F, substance: SubstanceOf<F>) => string;
}

export type RatingRule<F extends RuleFacts> = IntakeRatingRule<F> | SubstanceRatingRule<F>;

export interface DimensionRuleTable<F extends RuleFacts> {
  readonly dimension: Dimension;
  /** Applied in order: effects that add must come after the effects they add to. */
  readonly rules: readonly RatingRule<F>[];
  /**
   * Explains a rating of 0 when no rule with an effect applied, so every rating has a reason.
   * Dimensions whose rules cover every answer (D4-D6) do not need one.
   */
  readonly whenNoRuleApplies?: Omit<IntakeRatingRule<F>, 'condition' | 'effect'>;
}

export interface DimensionResult {
  readonly rating: Rating;
  readonly rationale: readonly RationaleEntry[];
}

function applyEffect(rating: Rating, effect: RatingEffect): Rating {
  switch (effect.kind) {
    case 'atLeast':
      return Math.max(rating, effect.rating) as Rating;
    case 'add':
      return Math.min(MAX_RATING, rating + effect.amount) as Rating;
    case 'note':
      return rating;
  }
}

export function rateDimension<F extends RuleFacts>(table: DimensionRuleTable<F>, facts: F): DimensionResult {
  let rating: Rating = 0;
  let decided = false;
  const rationale: RationaleEntry[] = [];
  const record = (rule: RatingRule<F>, because: string) => {
    rating = applyEffect(rating, rule.effect);
    if (rule.effect.kind !== 'note') decided = true;
    rationale.push({ dimension: table.dimension, rule: rule.id, because });
  };

  for (const rule of table.rules) {
    if (rule.scope === 'intake') {
      if (rule.condition(facts)) record(rule, rule.because(facts));
    } else {
      for (const substance of facts.substances as readonly SubstanceOf<F>[]) {
        if (rule.condition(facts, substance)) record(rule, rule.because(facts, substance));
      }
    }
  }

  if (!decided) {
    const fallback = table.whenNoRuleApplies;
    // Every rating must carry a reason; a table that can end up silent is a bug in the table.
    if (!fallback) throw new Error(`placement rules: no rule decided ${table.dimension} and the table has no fallback`);
    rationale.push({ dimension: table.dimension, rule: fallback.id, because: fallback.because(facts) });
  }
  return { rating, rationale };
}
