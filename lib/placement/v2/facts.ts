/**
 * The facts placement rules v2 read, derived once from a v2 intake: the substance classes and
 * their definitions (docs/placement-rules-v2.md "Classes"). Rules speak of classes, not rows, so
 * "beer and vodka" entered as one row or as two gives the same facts.
 */
import { ageInYears } from '@/lib/intake/calendar-date';
import type { IntakeV2, IntakeV2Substance } from '@/lib/intake';
import { SUBSTANCE_CATEGORY_LABELS, type SubstanceCategoryV2 } from '@/lib/intake/options';
import {
  describeComplicatedHistory as describeWithdrawalHistory,
  hasComplicatedHistory,
} from '../shared/complicated-history';
import { REGULAR_USE_MIN_DAYS } from '../shared/use-days';
import { joinWords, months } from '../shared/words';

export { REGULAR_USE_MIN_DAYS };
/** "Frequent" use of a class: its days are at least this. */
export const FREQUENT_USE_MIN_DAYS = 12;
/** "Used": its days are at least this. */
const USED_MIN_DAYS = 1;
/** Ages in whole years on `assessedOn`. */
export const ADULT_MIN_AGE = 18;
export const OLDER_ADULT_MIN_AGE = 65;

/** The four CNS-depressant classes, in the order explanations name them. */
export const SUBSTANCE_CLASSES = ['alcohol', 'sedative', 'gabapentinoid', 'opioid'] as const;
export type SubstanceClass = (typeof SUBSTANCE_CLASSES)[number];

export const CLASS_CATEGORIES: Readonly<Record<SubstanceClass, readonly SubstanceCategoryV2[]>> = {
  alcohol: ['alcohol'],
  sedative: ['benzodiazepine', 'other_sedative', 'ghb'],
  gabapentinoid: ['gabapentinoid'],
  opioid: ['opioid'],
};

const CLASS_NAMES: Readonly<Record<SubstanceClass, string>> = {
  alcohol: 'alcohol',
  sedative: 'sedatives',
  gabapentinoid: 'gabapentinoids',
  opioid: 'opioids',
};

export interface SubstanceFactsV2 {
  /** Position in the intake's substance list, from 0. */
  readonly index: number;
  readonly entry: IntakeV2Substance;
}

export interface ClassFacts {
  readonly name: SubstanceClass;
  readonly entries: readonly SubstanceFactsV2[];
  /** The class has an entry, whatever its days. */
  readonly listed: boolean;
  /** Highest `daysUsedLast30` of its entries (prescribed ones included); 0 when not listed. */
  readonly days: number;
  /** Highest `durationMonths` of its entries, a separate maximum (may come from another row). */
  readonly duration: number;
  /** Listed and every entry has `prescribed: true`. */
  readonly prescribed: boolean;
  /** Listed and not prescribed: one own row makes the class own. */
  readonly own: boolean;
  readonly used: boolean;
  readonly frequent: boolean;
  readonly regular: boolean;
}

export interface PlacementFactsV2 {
  readonly intake: IntakeV2;
  readonly substances: readonly SubstanceFactsV2[];
  readonly classes: Readonly<Record<SubstanceClass, ClassFacts>>;
  /** History of withdrawal seizures, delirium tremens or hallucinations. */
  readonly complicatedHistory: boolean;
  /** Whole years from `dateOfBirth` to `assessedOn`. */
  readonly age: number;
  /** `pregnancy` is "yes" ("unknown" is not pregnant here; it makes the assessment incomplete). */
  readonly pregnant: boolean;
}

function classFacts(name: SubstanceClass, substances: readonly SubstanceFactsV2[]): ClassFacts {
  const entries = substances.filter((s) => CLASS_CATEGORIES[name].includes(s.entry.category));
  const listed = entries.length > 0;
  const days = Math.max(0, ...entries.map((s) => s.entry.daysUsedLast30));
  const prescribed = listed && entries.every((s) => s.entry.prescribed);
  return {
    name,
    entries,
    listed,
    days,
    duration: Math.max(0, ...entries.map((s) => s.entry.durationMonths)),
    prescribed,
    own: listed && !prescribed,
    used: days >= USED_MIN_DAYS,
    frequent: days >= FREQUENT_USE_MIN_DAYS,
    regular: days >= REGULAR_USE_MIN_DAYS,
  };
}

export function derivePlacementFactsV2(intake: IntakeV2): PlacementFactsV2 {
  const substances = intake.substances.map((entry, index): SubstanceFactsV2 => ({ index, entry }));
  const classes = Object.fromEntries(SUBSTANCE_CLASSES.map((name) => [name, classFacts(name, substances)])) as Record<
    SubstanceClass,
    ClassFacts
  >;
  return {
    intake,
    substances,
    classes,
    complicatedHistory: hasComplicatedHistory(intake.withdrawal),
    age: ageInYears(intake.patient.dateOfBirth, intake.assessedOn),
    pregnant: intake.patient.pregnancy === 'yes',
  };
}

/** The classes that meet a test, in SUBSTANCE_CLASSES order. */
export function classesWhere(facts: PlacementFactsV2, test: (c: ClassFacts) => boolean): readonly ClassFacts[] {
  return SUBSTANCE_CLASSES.map((name) => facts.classes[name]).filter(test);
}

/** GHB/GBL entries used on 20 or more days (D1 and NO_ABRUPT_STOP name single GHB rows, prescribed or not). */
export function ghbRegularEntries(facts: PlacementFactsV2): readonly SubstanceFactsV2[] {
  return facts.substances.filter((s) => s.entry.category === 'ghb' && s.entry.daysUsedLast30 >= REGULAR_USE_MIN_DAYS);
}

/**
 * `Klonopin (benzodiazepine)`, `alcohol`, `clonazepam (Klonopin; benzodiazepine, prescribed)`.
 * Staff often type the category itself ("alcohol") or a brand in brackets ("clonazepam
 * (Klonopin)"): the category is not repeated when the name already says it, and joins the
 * name's own brackets instead of opening a second pair (issue 12 item 6).
 */
export function describeEntry(substance: SubstanceFactsV2, { withCategory = true } = {}): string {
  const { name, category, prescribed } = substance.entry;
  const word = categoryWord(category);
  const namesCategory = !withCategory || name.toLowerCase().includes(word);
  const words = [...(namesCategory ? [] : [word]), ...(prescribed ? ['prescribed'] : [])].join(', ');
  if (words === '') return name;
  const trimmed = name.trimEnd();
  return trimmed.endsWith(')') ? `${trimmed.slice(0, -1)}; ${words})` : `${trimmed} (${words})`;
}

/** The category as a word in a sentence: `gabapentinoid`, not `gabapentinoid (gabapentin, pregabalin)`. */
function categoryWord(category: SubstanceCategoryV2): string {
  return SUBSTANCE_CATEGORY_LABELS[category].replace(/\s*\(.*\)\s*$/, '').toLowerCase();
}

/** `Heroin (opioid) used on 30 of the last 30 days for 36 months`. */
export function describeEntryUse(substance: SubstanceFactsV2): string {
  const { daysUsedLast30, durationMonths } = substance.entry;
  return `${describeEntry(substance)} used on ${daysUsedLast30} of the last 30 days for ${months(durationMonths)}`;
}

/**
 * `sedatives (Xanax (benzodiazepine), Klonopin (benzodiazepine, prescribed)): days 20, duration 8 months, own`:
 * the class's two maxima and whether it is own or prescribed.
 */
export function describeClass(c: ClassFacts): string {
  if (!c.listed) return `no ${CLASS_NAMES[c.name]} listed`;
  // "alcohol (Vodka)", not "alcohol (Vodka (alcohol))": a class of one category implies it; and
  // "alcohol", not "alcohol (alcohol)": entries that only repeat the class's name add nothing.
  const className = CLASS_NAMES[c.name];
  const withCategory = CLASS_CATEGORIES[c.name].length > 1;
  const entries = c.entries
    .map((entry) => describeEntry(entry, { withCategory }))
    .filter((entry) => entry.toLowerCase() !== className.toLowerCase());
  const named = entries.length === 0 ? className : `${className} (${entries.join(', ')})`;
  return `${named}: used on ${c.days} of the last 30 days, for ${months(c.duration)}, ${c.prescribed ? 'all taken as prescribed' : 'own use'}`;
}

export function describeClasses(classes: readonly ClassFacts[]): string {
  return joinWords(classes.map(describeClass));
}

export function describeComplicatedHistoryV2(facts: PlacementFactsV2): string {
  return describeWithdrawalHistory(facts.intake.withdrawal);
}

/** "age 67 on 2025-06-01". */
export function describeAge(facts: PlacementFactsV2): string {
  return `age ${facts.age} on ${facts.intake.assessedOn} (born ${facts.intake.patient.dateOfBirth})`;
}
