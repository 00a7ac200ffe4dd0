/**
 * Placement rules v2, "Incomplete" (docs/placement-rules-v2.md): safety-critical items that were
 * not assessed. v1 silently counted "not assessed" as normal; v2 lists them (sorted field paths)
 * and raises ASSESSMENT_INCOMPLETE, so the review shows them before the level.
 */
import type { PlacementFactsV2 } from './facts';

export const INCOMPLETE_ITEMS = [
  'mentalHealth.phq9Item9',
  'patient.pregnancy',
  'withdrawal.ciwaAr',
  'withdrawal.ciwaB',
  'withdrawal.cows',
] as const;
export type IncompleteItem = (typeof INCOMPLETE_ITEMS)[number];

export interface IncompleteRule {
  readonly item: IncompleteItem;
  readonly description: string;
  readonly condition: (facts: PlacementFactsV2) => boolean;
  /** Why the item is needed, e.g. `alcohol is used on 25 of the last 30 days and CIWA-Ar is not done`. */
  readonly because: (facts: PlacementFactsV2) => string;
}

export const INCOMPLETE_RULES: readonly IncompleteRule[] = [
  {
    item: 'withdrawal.ciwaAr',
    description: 'Alcohol regular and CIWA-Ar null.',
    condition: (f) => f.classes.alcohol.regular && f.intake.withdrawal.ciwaAr === null,
    because: (f) => `CIWA-Ar not done with alcohol used on ${f.classes.alcohol.days} of the last 30 days`,
  },
  {
    item: 'withdrawal.ciwaB',
    description: 'Sedative class regular and both CIWA-B and CIWA-Ar null.',
    condition: (f) =>
      f.classes.sedative.regular && f.intake.withdrawal.ciwaB === null && f.intake.withdrawal.ciwaAr === null,
    because: (f) =>
      `neither CIWA-B nor CIWA-Ar done with sedatives used on ${f.classes.sedative.days} of the last 30 days`,
  },
  {
    item: 'withdrawal.cows',
    description: 'Opioid class regular, not prescribed, and COWS null.',
    condition: (f) => f.classes.opioid.regular && !f.classes.opioid.prescribed && f.intake.withdrawal.cows === null,
    because: (f) => `COWS not done with own opioid use on ${f.classes.opioid.days} of the last 30 days`,
  },
  {
    item: 'mentalHealth.phq9Item9',
    description: 'PHQ-9 item 9 null.',
    condition: (f) => f.intake.mentalHealth.phq9Item9 === null,
    because: () => 'PHQ-9 item 9 (thoughts of self-harm) not asked',
  },
  {
    item: 'patient.pregnancy',
    description: 'Pregnancy "unknown".',
    condition: (f) => f.intake.patient.pregnancy === 'unknown',
    because: () => 'pregnancy unknown',
  },
];

/** The items not assessed, sorted by field path, each with why it is needed. */
export function findIncomplete(
  facts: PlacementFactsV2,
): readonly { readonly item: IncompleteItem; readonly because: string }[] {
  return INCOMPLETE_RULES.filter((rule) => rule.condition(facts))
    .map((rule) => ({ item: rule.item, because: rule.because(facts) }))
    .sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
}
