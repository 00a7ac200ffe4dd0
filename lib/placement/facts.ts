/**
 * The facts the rules read, derived once from an intake, with the spec's definitions
 * ("regular", CNS depressant, sedative, complicated history) in one place.
 */
import type { Intake, IntakeSubstance } from '@/lib/intake/schema';
import { SUBSTANCE_CATEGORY_LABELS, type SubstanceCategory } from '@/lib/intake/options';

/** "Regular" means used on at least this many of the last 30 days. */
export const REGULAR_USE_MIN_DAYS = 20;

export const CNS_DEPRESSANT_CATEGORIES: readonly SubstanceCategory[] = ['alcohol', 'benzodiazepine', 'other_sedative', 'opioid'];
export const SEDATIVE_CATEGORIES: readonly SubstanceCategory[] = ['benzodiazepine', 'other_sedative'];

export interface SubstanceFacts {
  /** Position in the intake's substance list, from 0. */
  readonly index: number;
  readonly entry: IntakeSubstance;
  readonly regular: boolean;
  readonly cnsDepressant: boolean;
  readonly sedative: boolean;
}

export interface PlacementFacts {
  readonly intake: Intake;
  readonly substances: readonly SubstanceFacts[];
  /** Substance entries (not categories) that are CNS depressants used regularly. */
  readonly regularCnsDepressants: readonly SubstanceFacts[];
  /** History of withdrawal seizures, delirium tremens or hallucinations. */
  readonly complicatedHistory: boolean;
  readonly alcoholListed: boolean;
  readonly sedativeListed: boolean;
  readonly opioidListed: boolean;
  readonly maxDaysUsedLast30: number;
  readonly maxDurationMonths: number;
}

export function derivePlacementFacts(intake: Intake): PlacementFacts {
  const substances = intake.substances.map(
    (entry, index): SubstanceFacts => ({
      index,
      entry,
      regular: entry.daysUsedLast30 >= REGULAR_USE_MIN_DAYS,
      cnsDepressant: CNS_DEPRESSANT_CATEGORIES.includes(entry.category),
      sedative: SEDATIVE_CATEGORIES.includes(entry.category),
    }),
  );
  const { withdrawal } = intake;
  const listed = (categories: readonly SubstanceCategory[]) => substances.some((s) => categories.includes(s.entry.category));
  return {
    intake,
    substances,
    regularCnsDepressants: substances.filter((s) => s.regular && s.cnsDepressant),
    complicatedHistory: withdrawal.historySeizures || withdrawal.historyDeliriumTremens || withdrawal.historyHallucinations,
    alcoholListed: listed(['alcohol']),
    sedativeListed: listed(SEDATIVE_CATEGORIES),
    opioidListed: listed(['opioid']),
    // The schema guarantees at least one substance; 0 keeps an empty list harmless anyway.
    maxDaysUsedLast30: Math.max(0, ...substances.map((s) => s.entry.daysUsedLast30)),
    maxDurationMonths: Math.max(0, ...substances.map((s) => s.entry.durationMonths)),
  };
}

/** `Klonopin (benzodiazepine)`, for explanations. */
export function describeSubstance(substance: SubstanceFacts): string {
  return `${substance.entry.name} (${SUBSTANCE_CATEGORY_LABELS[substance.entry.category].toLowerCase()})`;
}

/** `Klonopin (benzodiazepine) used on 30 of the last 30 days for 8 months`. */
export function describeSubstanceUse(substance: SubstanceFacts): string {
  const { daysUsedLast30, durationMonths } = substance.entry;
  return `${describeSubstance(substance)} used on ${daysUsedLast30} of the last 30 days for ${durationMonths} ${durationMonths === 1 ? 'month' : 'months'}`;
}

/** The complicated-history answers that are yes, e.g. "withdrawal seizures and delirium tremens". */
export function describeComplicatedHistory(facts: PlacementFacts): string {
  const { withdrawal } = facts.intake;
  const parts = [
    withdrawal.historySeizures ? 'withdrawal seizures' : null,
    withdrawal.historyDeliriumTremens ? 'delirium tremens' : null,
    withdrawal.historyHallucinations ? 'withdrawal hallucinations' : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'no history of withdrawal seizures, delirium tremens or hallucinations' : `history of ${joinWords(parts)}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
