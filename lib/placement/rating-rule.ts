/**
 * How dimension rules are written and applied. A rule's effect either raises the rating to at
 * least a value (the spec's "a rule that raises a rating takes the maximum"), adds to it (D5's
 * "+1", D6's "adds 1", capped at 4), or only explains (a note that changes nothing).
 */
import type { PlacementFacts, SubstanceFacts } from './facts';
import type { RationaleEntry } from './rationale';
import { MAX_RATING, type Dimension, type Rating } from './vocabulary';

export type RatingEffect =
  | { readonly kind: 'atLeast'; readonly rating: Rating }
  | { readonly kind: 'add'; readonly amount: 1 }
  | { readonly kind: 'note' };

interface RatingRuleBase {
  readonly id: string;
  readonly dimension: Dimension;
  /** The rule in the words of the spec, for people reviewing the rule table. */
  readonly description: string;
  readonly effect: RatingEffect;
}

/** A rule about the intake as a whole. */
export interface IntakeRatingRule extends RatingRuleBase {
  readonly scope: 'intake';
  readonly condition: (facts: PlacementFacts) => boolean;
  readonly because: (facts: PlacementFacts) => string;
}

/** A rule checked once for each substance entry (e.g. "each sedative"). */
export interface SubstanceRatingRule extends RatingRuleBase {
  readonly scope: 'substance';
  readonly condition: (facts: PlacementFacts, substance: SubstanceFacts) => boolean;
  readonly because: (facts: PlacementFacts, substance: SubstanceFacts) => string;
}

export type RatingRule = IntakeRatingRule | SubstanceRatingRule;

export interface DimensionRuleTable {
  readonly dimension: Dimension;
  /** Applied in order: effects that add must come after the effects they add to. */
  readonly rules: readonly RatingRule[];
  /**
   * Explains a rating of 0 when no rule with an effect applied, so every rating has a reason.
   * Dimensions whose rules cover every answer (D4-D6) do not need one.
   */
  readonly whenNoRuleApplies?: Omit<IntakeRatingRule, 'condition' | 'effect'>;
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

export function rateDimension(table: DimensionRuleTable, facts: PlacementFacts): DimensionResult {
  let rating: Rating = 0;
  let decided = false;
  const rationale: RationaleEntry[] = [];
  const record = (rule: RatingRule, because: string) => {
    rating = applyEffect(rating, rule.effect);
    if (rule.effect.kind !== 'note') decided = true;
    rationale.push({ dimension: table.dimension, rule: rule.id, because });
  };

  for (const rule of table.rules) {
    if (rule.scope === 'intake') {
      if (rule.condition(facts)) record(rule, rule.because(facts));
    } else {
      for (const substance of facts.substances) {
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
