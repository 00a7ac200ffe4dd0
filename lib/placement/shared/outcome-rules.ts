/**
 * Services and flags as rules, in every rules version: each has an id, the condition in the words
 * of the spec, and a `because` that names the inputs that made it apply. Flags also carry what
 * staff see: a title, guidance and how urgent they are, so the UI reads them from the table.
 */
import type { RationaleEntry } from './rationale';
import type { TreatmentLevel } from './vocabulary';
import { whichHold } from './words';

export interface ServiceRule<C, S extends string = string> {
  readonly id: string;
  readonly service: S;
  /** The condition in the words of the spec, for people reviewing the rule table. */
  readonly description: string;
  readonly condition: (context: C) => boolean;
  /** Plain words with the input values that made the rule apply (only asked when it applies). */
  readonly because: (context: C) => string;
}

/**
 * `emergency`: send for emergency evaluation now; `urgent`: act on it before anything else;
 * `routine`: part of the plan.
 */
export type FlagUrgency = 'emergency' | 'urgent' | 'routine';

/** What flag guidance may mention: the recommended level (e.g. "continue at level 3.7"). */
export interface FlagGuidanceContext {
  readonly treatmentLevel: TreatmentLevel;
}

export interface FlagRule<C, F extends string = string> {
  readonly id: string;
  readonly flag: F;
  readonly title: string;
  readonly urgency: FlagUrgency;
  readonly description: string;
  readonly condition: (context: C) => boolean;
  readonly because: (context: C) => string;
  /** What staff should do about the flag. */
  readonly guidance: (context: FlagGuidanceContext) => string;
}

export interface AppliedOutcomes<Code extends string> {
  /** The codes of the rules that applied, in table order, each once. */
  readonly codes: readonly Code[];
  /** One entry per code, in the same order. */
  readonly rationale: readonly RationaleEntry[];
}

export function applyServiceRules<C, S extends string>(
  rules: readonly ServiceRule<C, S>[],
  context: C,
): AppliedOutcomes<S> {
  const applied = rules.filter((rule) => rule.condition(context));
  return {
    codes: applied.map((rule) => rule.service),
    rationale: applied.map((rule) => ({
      dimension: 'service',
      code: rule.service,
      rule: rule.id,
      because: rule.because(context),
    })),
  };
}

export function applyFlagRules<C, F extends string>(rules: readonly FlagRule<C, F>[], context: C): AppliedOutcomes<F> {
  const applied = rules.filter((rule) => rule.condition(context));
  return {
    codes: applied.map((rule) => rule.flag),
    rationale: applied.map((rule) => ({
      dimension: 'flag',
      code: rule.flag,
      rule: rule.id,
      because: rule.because(context),
    })),
  };
}

/** Titles by flag code, read from a flag table. */
export function flagTitles<F extends string>(rules: readonly FlagRule<never, F>[]): Readonly<Record<F, string>> {
  return Object.fromEntries(rules.map((rule) => [rule.flag, rule.title])) as Record<F, string>;
}

/** The flag codes of a table with the given urgency, in table order. */
export function flagsWithUrgency<F extends string>(
  rules: readonly FlagRule<never, F>[],
  ...urgencies: readonly FlagUrgency[]
): readonly F[] {
  return rules.filter((rule) => urgencies.includes(rule.urgency)).map((rule) => rule.flag);
}

/** The guidance of one flag of a table. */
export function guidanceFrom<F extends string>(
  rules: readonly FlagRule<never, F>[],
  flag: F,
  treatmentLevel: TreatmentLevel,
): string {
  const rule = rules.find((candidate) => candidate.flag === flag);
  // Every code of a table has a rule (the tests check it); a missing one is a bug in the table.
  if (!rule) throw new Error(`placement rules: no rule for flag ${flag}`);
  return rule.guidance({ treatmentLevel });
}

/** The parts of a rule's "or", each with the words that explain it when it holds. */
export type Findings<C> = (context: C) => ReadonlyArray<readonly [boolean, string]>;

/** A condition that holds when any finding holds. */
export function anyFinding<C>(findings: Findings<C>): (context: C) => boolean {
  return (context) => findings(context).some(([holds]) => holds);
}

/** A `because` naming the findings that hold, joined by `separator`. */
export function findingsThatHold<C>(findings: Findings<C>, separator = '; '): (context: C) => string {
  return (context) => whichHold(findings(context), separator);
}
