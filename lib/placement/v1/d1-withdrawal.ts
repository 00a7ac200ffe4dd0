/**
 * Placement rules v1, D1 Acute intoxication and/or withdrawal potential: docs/placement-rules-v1.md
 * "D1", as a read-only rule table.
 *
 * Where the spec lists tiers of one criterion ("ciwaB 1-20 → 1, 21-40 → 2", "regular → 1;
 * regular and durationMonths ≥ 1 → 2"), the tiers are written as disjoint ranges so each finding
 * gets one explanation. Ratings take the maximum, so this gives the same rating as the spec's
 * overlapping wording.
 */
import type { DimensionRuleTable } from '../shared/rating-rule';
import { inRange, scoreTierRules, type ScoreTier } from '../shared/score-tiers';
import { describeScoreBelow, joinWords } from '../shared/words';
import {
  describeComplicatedHistory,
  describeSubstance,
  describeSubstanceUse,
  REGULAR_USE_MIN_DAYS,
  type PlacementFacts,
  type SubstanceFacts,
} from './facts';

/** CIWA-B 1-20 → 1, 21-40 → 2, 41-60 → 3, 61 or more → 4. */
export const CIWA_B_TIERS: readonly ScoreTier[] = [
  { min: 1, max: 20, rating: 1 },
  { min: 21, max: 40, rating: 2 },
  { min: 41, max: 60, rating: 3 },
  { min: 61, max: null, rating: 4 },
];

/** COWS 5-12 → 1, 13-24 → 2, 25 or more → 3. */
export const COWS_TIERS: readonly ScoreTier[] = [
  { min: 5, max: 12, rating: 1 },
  { min: 13, max: 24, rating: 2 },
  { min: 25, max: null, rating: 3 },
];

/** Other substance entries (not this one) that are CNS depressants used regularly. */
function otherRegularCnsDepressants(facts: PlacementFacts, substance: SubstanceFacts): readonly SubstanceFacts[] {
  return facts.regularCnsDepressants.filter((other) => other.index !== substance.index);
}

const isRegularSedative = (substance: SubstanceFacts) => substance.sedative && substance.regular;
const hasLongOrCombinedUse = (facts: PlacementFacts, substance: SubstanceFacts) =>
  substance.entry.durationMonths >= 6 || otherRegularCnsDepressants(facts, substance).length > 0;

/**
 * A withdrawal score counts only when its substance category is listed (ciwaAr with alcohol,
 * ciwaB with a sedative, cows with an opioid). Describes the scores that count, for explanations.
 */
function describeCountedWithdrawalScores(facts: PlacementFacts): string {
  const { ciwaAr, ciwaB, cows } = facts.intake.withdrawal;
  const counted = [
    facts.alcoholListed ? describeScoreBelow('CIWA-Ar', ciwaAr, 10) : null,
    facts.sedativeListed ? describeScoreBelow('CIWA-B', ciwaB, 1) : null,
    facts.opioidListed ? describeScoreBelow('COWS', cows, 5) : null,
  ].filter((part): part is string => part !== null);
  return counted.length === 0
    ? 'no withdrawal score applies (no alcohol, sedative or opioid is listed)'
    : `withdrawal scores: ${joinWords(counted)}`;
}

export const D1_RULES: DimensionRuleTable<PlacementFacts> = {
  dimension: 'd1',
  rules: [
    {
      id: 'd1.alcohol.regular',
      dimension: 'd1',
      scope: 'substance',
      description: 'Alcohol used regularly (20+ of the last 30 days) → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (facts, s) => s.entry.category === 'alcohol' && s.regular && !facts.complicatedHistory,
      because: (_facts, s) => `${describeSubstanceUse(s)}: regular use (20 or more days)`,
    },
    {
      id: 'd1.alcohol.regular-with-complicated-history',
      dimension: 'd1',
      scope: 'substance',
      description: 'Alcohol used regularly and a complicated withdrawal history (seizures, DTs or hallucinations) → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts, s) => s.entry.category === 'alcohol' && s.regular && facts.complicatedHistory,
      because: (facts, s) => `${describeSubstanceUse(s)}: regular use, with ${describeComplicatedHistory(facts)}`,
    },
    ...scoreTierRules<PlacementFacts>({
      idPrefix: 'd1.alcohol.ciwa-ar',
      dimension: 'd1',
      scoreName: 'CIWA-Ar',
      score: (facts) => facts.intake.withdrawal.ciwaAr,
      counts: { when: (facts) => facts.alcoholListed, description: 'Alcohol listed', because: 'with alcohol listed' },
      tiers: [{ min: 10, max: 18, rating: 2 }],
    }),
    {
      id: 'd1.alcohol.ciwa-ar-19-plus',
      dimension: 'd1',
      scope: 'intake',
      description: 'Alcohol listed and CIWA-Ar 19 or more, no complicated withdrawal history → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) =>
        facts.alcoholListed && inRange(facts.intake.withdrawal.ciwaAr, 19) && !facts.complicatedHistory,
      because: (facts) =>
        `CIWA-Ar ${facts.intake.withdrawal.ciwaAr} (19 or more) with alcohol listed and ${describeComplicatedHistory(facts)}`,
    },
    {
      id: 'd1.alcohol.ciwa-ar-19-plus-with-complicated-history',
      dimension: 'd1',
      scope: 'intake',
      description: 'Alcohol listed, CIWA-Ar 19 or more and a complicated withdrawal history → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) =>
        facts.alcoholListed && inRange(facts.intake.withdrawal.ciwaAr, 19) && facts.complicatedHistory,
      because: (facts) =>
        `CIWA-Ar ${facts.intake.withdrawal.ciwaAr} (19 or more) with alcohol listed and ${describeComplicatedHistory(facts)}`,
    },
    {
      id: 'd1.sedative.regular-under-1-month',
      dimension: 'd1',
      scope: 'substance',
      description: 'Each sedative used regularly for less than 1 month → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (_facts, s) => isRegularSedative(s) && s.entry.durationMonths < 1,
      because: (_facts, s) => `${describeSubstanceUse(s)}: regular use for less than 1 month`,
    },
    {
      id: 'd1.sedative.regular-1-month-plus',
      dimension: 'd1',
      scope: 'substance',
      description:
        'Each sedative used regularly for 1 month or more (under 6 months, no other CNS depressant regular) → 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts, s) => isRegularSedative(s) && s.entry.durationMonths >= 1 && !hasLongOrCombinedUse(facts, s),
      because: (_facts, s) =>
        `${describeSubstanceUse(s)}: regular use for 1 to 5 months, and no other CNS depressant is used regularly`,
    },
    {
      id: 'd1.sedative.regular-6-months-or-with-other-depressant',
      dimension: 'd1',
      scope: 'substance',
      description:
        'Each sedative used regularly for 1 month or more, and for 6 months or more or while another CNS depressant is regular → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts, s) => isRegularSedative(s) && s.entry.durationMonths >= 1 && hasLongOrCombinedUse(facts, s),
      because: (facts, s) => {
        const others = otherRegularCnsDepressants(facts, s);
        const reasons = [
          s.entry.durationMonths >= 6 ? 'for 6 months or more' : null,
          others.length > 0 ? `together with regular use of ${joinWords(others.map(describeSubstance))}` : null,
        ].filter((reason): reason is string => reason !== null);
        return `${describeSubstanceUse(s)}: regular use ${joinWords(reasons)}`;
      },
    },
    {
      id: 'd1.sedative.regular-with-complicated-history',
      dimension: 'd1',
      scope: 'substance',
      description: 'Each sedative used regularly with a complicated withdrawal history → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts, s) => isRegularSedative(s) && facts.complicatedHistory,
      because: (facts, s) => `${describeSubstanceUse(s)}: regular use, with ${describeComplicatedHistory(facts)}`,
    },
    ...scoreTierRules<PlacementFacts>({
      idPrefix: 'd1.sedative.ciwa-b',
      dimension: 'd1',
      scoreName: 'CIWA-B',
      score: (facts) => facts.intake.withdrawal.ciwaB,
      counts: {
        when: (facts) => facts.sedativeListed,
        description: 'A sedative listed',
        because: 'with a sedative listed',
      },
      tiers: CIWA_B_TIERS,
    }),
    // The complicated-history rules name alcohol and sedatives only: a regular opioid with a
    // history of seizures, DTs or hallucinations stays at 1 (docs/placement-rules-v1.md "D1").
    {
      id: 'd1.opioid.regular',
      dimension: 'd1',
      scope: 'substance',
      description: 'Each opioid used regularly → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (_facts, s) => s.entry.category === 'opioid' && s.regular,
      because: (_facts, s) => `${describeSubstanceUse(s)}: regular use (20 or more days)`,
    },
    ...scoreTierRules<PlacementFacts>({
      idPrefix: 'd1.opioid.cows',
      dimension: 'd1',
      scoreName: 'COWS',
      score: (facts) => facts.intake.withdrawal.cows,
      counts: {
        when: (facts) => facts.opioidListed,
        description: 'An opioid listed',
        because: 'with an opioid listed',
      },
      tiers: COWS_TIERS,
    }),
    {
      id: 'd1.two-or-more-regular-cns-depressants',
      dimension: 'd1',
      scope: 'intake',
      // "Two or more CNS depressants" counts substance entries, so two regular benzodiazepines count.
      description: 'Two or more CNS depressants (alcohol, benzodiazepine, other sedative, opioid) used regularly → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => facts.regularCnsDepressants.length >= 2,
      because: (facts) =>
        `${facts.regularCnsDepressants.length} CNS depressants used regularly: ${joinWords(facts.regularCnsDepressants.map(describeSubstanceUse))}`,
    },
    {
      id: 'd1.current-seizure-or-delirium',
      dimension: 'd1',
      scope: 'intake',
      description: 'Current seizure or delirium → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.withdrawal.currentSeizureOrDelirium,
      because: () => 'Current seizure or delirium',
    },
    // A score entered without its substance is most likely a missing substance entry, and it
    // silently lowers D1; say so next to the rating.
    {
      id: 'd1.ciwa-ar-not-counted',
      dimension: 'd1',
      scope: 'intake',
      description: 'CIWA-Ar entered but no alcohol listed: the score is not counted.',
      effect: { kind: 'note' },
      condition: (facts) => facts.intake.withdrawal.ciwaAr !== null && !facts.alcoholListed,
      because: (facts) =>
        `CIWA-Ar ${facts.intake.withdrawal.ciwaAr} was not counted because no alcohol is listed; check the substance list`,
    },
    {
      id: 'd1.ciwa-b-not-counted',
      dimension: 'd1',
      scope: 'intake',
      description: 'CIWA-B entered but no sedative listed: the score is not counted.',
      effect: { kind: 'note' },
      condition: (facts) => facts.intake.withdrawal.ciwaB !== null && !facts.sedativeListed,
      because: (facts) =>
        `CIWA-B ${facts.intake.withdrawal.ciwaB} was not counted because no benzodiazepine or other sedative is listed; check the substance list`,
    },
    {
      id: 'd1.cows-not-counted',
      dimension: 'd1',
      scope: 'intake',
      description: 'COWS entered but no opioid listed: the score is not counted.',
      effect: { kind: 'note' },
      condition: (facts) => facts.intake.withdrawal.cows !== null && !facts.opioidListed,
      because: (facts) =>
        `COWS ${facts.intake.withdrawal.cows} was not counted because no opioid is listed; check the substance list`,
    },
  ],
  whenNoRuleApplies: {
    id: 'd1.no-withdrawal-risk-found',
    dimension: 'd1',
    scope: 'intake',
    description: 'No D1 rule applies → 0.',
    because: (facts) =>
      `No withdrawal rule applied: ${joinWords(facts.substances.map(describeSubstanceUse))}; ` +
      `no alcohol, sedative or opioid is used regularly (${REGULAR_USE_MIN_DAYS} or more days), and stimulants, cannabis and other substances do not rate D1 by use alone; ` +
      `${describeCountedWithdrawalScores(facts)}; no current seizure or delirium`,
  },
};
