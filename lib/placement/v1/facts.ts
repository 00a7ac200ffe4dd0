/**
 * The facts placement rules v1 read, derived once from a v1 intake, with the definitions of
 * docs/placement-rules-v1.md "Definitions" ("regular", CNS depressant, sedative, complicated
 * history) in one place.
 */
import type { Intake, IntakeSubstance } from '@/lib/intake';
import { SUBSTANCE_CATEGORY_LABELS, type SubstanceCategory } from '@/lib/intake/options';
import {
  describeComplicatedHistory as describeWithdrawalHistory,
  hasComplicatedHistory,
} from '../shared/complicated-history';
import { REGULAR_USE_MIN_DAYS } from '../shared/use-days';
import { months } from '../shared/words';

export { REGULAR_USE_MIN_DAYS };

export const CNS_DEPRESSANT_CATEGORIES: readonly SubstanceCategory[] = [
  'alcohol',
  'benzodiazepine',
  'other_sedative',
  'opioid',
];
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
  const substances = intake.substances.map((entry, index): SubstanceFacts => ({
    index,
    entry,
    regular: entry.daysUsedLast30 >= REGULAR_USE_MIN_DAYS,
    cnsDepressant: CNS_DEPRESSANT_CATEGORIES.includes(entry.category),
    sedative: SEDATIVE_CATEGORIES.includes(entry.category),
  }));
  const { withdrawal } = intake;
  const listed = (categories: readonly SubstanceCategory[]) =>
    substances.some((s) => categories.includes(s.entry.category));
  return {
    intake,
    substances,
    regularCnsDepressants: substances.filter((s) => s.regular && s.cnsDepressant),
    complicatedHistory: hasComplicatedHistory(withdrawal),
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
  return `${describeSubstance(substance)} used on ${daysUsedLast30} of the last 30 days for ${months(durationMonths)}`;
}

/** The complicated-history answers that are yes, e.g. "history of withdrawal seizures and delirium tremens". */
export function describeComplicatedHistory(facts: PlacementFacts): string {
  return describeWithdrawalHistory(facts.intake.withdrawal);
}
