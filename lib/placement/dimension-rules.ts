/**
 * Placement rules v1, dimensions D1-D6 (issue 4 §3), as a read-only rule table.
 *
 * Where the spec lists tiers of one criterion ("ciwaB 1-20 → 1, 21-40 → 2", "regular → 1;
 * regular and durationMonths ≥ 1 → 2"), the tiers are written as disjoint ranges so each finding
 * gets one explanation. Ratings take the maximum, so this gives the same rating as the spec's
 * overlapping wording.
 */
import {
  describeComplicatedHistory,
  describeSubstance,
  describeSubstanceUse,
  joinWords,
  REGULAR_USE_MIN_DAYS,
  type PlacementFacts,
  type SubstanceFacts,
} from './facts';
import type { DimensionRuleTable } from './rating-rule';

const inRange = (value: number | null, min: number, max: number = Number.POSITIVE_INFINITY): value is number =>
  value !== null && value >= min && value <= max;

/** Other substance entries (not this one) that are CNS depressants used regularly. */
function otherRegularCnsDepressants(facts: PlacementFacts, substance: SubstanceFacts): readonly SubstanceFacts[] {
  return facts.regularCnsDepressants.filter((other) => other.index !== substance.index);
}

const isRegularSedative = (substance: SubstanceFacts) => substance.sedative && substance.regular;
const hasLongOrCombinedUse = (facts: PlacementFacts, substance: SubstanceFacts) =>
  substance.entry.durationMonths >= 6 || otherRegularCnsDepressants(facts, substance).length > 0;

/** "CIWA-B not done" or "CIWA-B 0 (below 1)". */
function describeScoreBelow(name: string, value: number | null, threshold: number): string {
  return value === null ? `${name} not done` : `${name} ${value} (below ${threshold})`;
}

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

export const D1_RULES: DimensionRuleTable = {
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
    {
      id: 'd1.alcohol.ciwa-ar-10-to-18',
      dimension: 'd1',
      scope: 'intake',
      description: 'Alcohol listed and CIWA-Ar 10-18 → 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts) => facts.alcoholListed && inRange(facts.intake.withdrawal.ciwaAr, 10, 18),
      because: (facts) => `CIWA-Ar ${facts.intake.withdrawal.ciwaAr} (10 to 18) with alcohol listed`,
    },
    {
      id: 'd1.alcohol.ciwa-ar-19-plus',
      dimension: 'd1',
      scope: 'intake',
      description: 'Alcohol listed and CIWA-Ar 19 or more, no complicated withdrawal history → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => facts.alcoholListed && inRange(facts.intake.withdrawal.ciwaAr, 19) && !facts.complicatedHistory,
      because: (facts) =>
        `CIWA-Ar ${facts.intake.withdrawal.ciwaAr} (19 or more) with alcohol listed and ${describeComplicatedHistory(facts)}`,
    },
    {
      id: 'd1.alcohol.ciwa-ar-19-plus-with-complicated-history',
      dimension: 'd1',
      scope: 'intake',
      description: 'Alcohol listed, CIWA-Ar 19 or more and a complicated withdrawal history → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.alcoholListed && inRange(facts.intake.withdrawal.ciwaAr, 19) && facts.complicatedHistory,
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
      description: 'Each sedative used regularly for 1 month or more (under 6 months, no other CNS depressant regular) → 2.',
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
    ...(
      [
        [1, 20, 1],
        [21, 40, 2],
        [41, 60, 3],
        [61, Number.POSITIVE_INFINITY, 4],
      ] as const
    ).map(
      ([min, max, rating]) =>
        ({
          id: max === Number.POSITIVE_INFINITY ? `d1.sedative.ciwa-b-${min}-plus` : `d1.sedative.ciwa-b-${min}-to-${max}`,
          dimension: 'd1',
          scope: 'intake',
          description: `A sedative listed and CIWA-B ${max === Number.POSITIVE_INFINITY ? `${min} or more` : `${min}-${max}`} → ${rating}.`,
          effect: { kind: 'atLeast', rating },
          condition: (facts: PlacementFacts) => facts.sedativeListed && inRange(facts.intake.withdrawal.ciwaB, min, max),
          because: (facts: PlacementFacts) =>
            `CIWA-B ${facts.intake.withdrawal.ciwaB} (${max === Number.POSITIVE_INFINITY ? `${min} or more` : `${min} to ${max}`}) with a sedative listed`,
        }) as const,
    ),
    {
      id: 'd1.opioid.regular',
      dimension: 'd1',
      scope: 'substance',
      description: 'Each opioid used regularly → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (_facts, s) => s.entry.category === 'opioid' && s.regular,
      because: (_facts, s) => `${describeSubstanceUse(s)}: regular use (20 or more days)`,
    },
    ...(
      [
        [5, 12, 1],
        [13, 24, 2],
        [25, Number.POSITIVE_INFINITY, 3],
      ] as const
    ).map(
      ([min, max, rating]) =>
        ({
          id: max === Number.POSITIVE_INFINITY ? `d1.opioid.cows-${min}-plus` : `d1.opioid.cows-${min}-to-${max}`,
          dimension: 'd1',
          scope: 'intake',
          description: `An opioid listed and COWS ${max === Number.POSITIVE_INFINITY ? `${min} or more` : `${min}-${max}`} → ${rating}.`,
          effect: { kind: 'atLeast', rating },
          condition: (facts: PlacementFacts) => facts.opioidListed && inRange(facts.intake.withdrawal.cows, min, max),
          because: (facts: PlacementFacts) =>
            `COWS ${facts.intake.withdrawal.cows} (${max === Number.POSITIVE_INFINITY ? `${min} or more` : `${min} to ${max}`}) with an opioid listed`,
        }) as const,
    ),
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
      because: (facts) => `COWS ${facts.intake.withdrawal.cows} was not counted because no opioid is listed; check the substance list`,
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

export const D2_RULES: DimensionRuleTable = {
  dimension: 'd2',
  rules: [
    {
      id: 'd2.unstable-medical',
      dimension: 'd2',
      scope: 'intake',
      description: 'Unstable medical condition → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.biomedical.unstableMedical,
      because: () => 'Unstable medical condition',
    },
    {
      id: 'd2.needs-24h-medical',
      dimension: 'd2',
      scope: 'intake',
      description: 'Needs 24-hour medical care → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => facts.intake.biomedical.needs24hMedical,
      because: () => 'Needs 24-hour medical care',
    },
    {
      id: 'd2.pregnant-with-regular-cns-depressant',
      dimension: 'd2',
      scope: 'intake',
      description: 'Pregnant with any CNS depressant used regularly → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => facts.intake.patient.pregnant && facts.regularCnsDepressants.length > 0,
      because: (facts) =>
        `Pregnant, with regular use of ${joinWords(facts.regularCnsDepressants.map(describeSubstanceUse))}`,
    },
    {
      id: 'd2.chronic-condition',
      dimension: 'd2',
      scope: 'intake',
      description: 'Any chronic condition → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (facts) => facts.intake.biomedical.chronicConditions.length > 0,
      because: (facts) => `Chronic conditions: ${joinWords(facts.intake.biomedical.chronicConditions)}`,
    },
    {
      id: 'd2.pregnant',
      dimension: 'd2',
      scope: 'intake',
      description: 'Pregnant → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (facts) => facts.intake.patient.pregnant,
      because: () => 'Pregnant',
    },
  ],
  whenNoRuleApplies: {
    id: 'd2.no-biomedical-concern-found',
    dimension: 'd2',
    scope: 'intake',
    description: 'No D2 rule applies → 0.',
    because: () =>
      'Not medically unstable, no need for 24-hour medical care, not pregnant and no chronic conditions listed',
  },
};

export const D3_RULES: DimensionRuleTable = {
  dimension: 'd3',
  rules: [
    {
      id: 'd3.suicidal-ideation-with-plan',
      dimension: 'd3',
      scope: 'intake',
      description: 'Suicidal ideation with a plan → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.mentalHealth.suicidalIdeationWithPlan,
      because: () => 'Suicidal ideation with a plan',
    },
    {
      id: 'd3.psychosis',
      dimension: 'd3',
      scope: 'intake',
      description: 'Psychosis → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.mentalHealth.psychosis,
      because: () => 'Psychosis',
    },
    {
      id: 'd3.phq9-20-plus',
      dimension: 'd3',
      scope: 'intake',
      description: 'PHQ-9 20 or more → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => inRange(facts.intake.mentalHealth.phq9, 20),
      because: (facts) => `PHQ-9 ${facts.intake.mentalHealth.phq9} (20 or more)`,
    },
    {
      id: 'd3.phq9-item9-2-plus',
      dimension: 'd3',
      scope: 'intake',
      description: 'PHQ-9 item 9 (thoughts of self-harm) 2 or more → 3.',
      effect: { kind: 'atLeast', rating: 3 },
      condition: (facts) => inRange(facts.intake.mentalHealth.phq9Item9, 2),
      because: (facts) => `PHQ-9 item 9 (thoughts of self-harm) answered ${facts.intake.mentalHealth.phq9Item9} (2 or more)`,
    },
    {
      id: 'd3.phq9-15-to-19',
      dimension: 'd3',
      scope: 'intake',
      description: 'PHQ-9 15-19 → 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts) => inRange(facts.intake.mentalHealth.phq9, 15, 19),
      because: (facts) => `PHQ-9 ${facts.intake.mentalHealth.phq9} (15 to 19)`,
    },
    {
      id: 'd3.gad7-15-plus',
      dimension: 'd3',
      scope: 'intake',
      description: 'GAD-7 15 or more → 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts) => inRange(facts.intake.mentalHealth.gad7, 15),
      because: (facts) => `GAD-7 ${facts.intake.mentalHealth.gad7} (15 or more)`,
    },
    {
      id: 'd3.phq9-item9-1',
      dimension: 'd3',
      scope: 'intake',
      description: 'PHQ-9 item 9 (thoughts of self-harm) = 1 → 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts) => facts.intake.mentalHealth.phq9Item9 === 1,
      because: () => 'PHQ-9 item 9 (thoughts of self-harm) answered 1 (several days)',
    },
    {
      id: 'd3.phq9-10-to-14',
      dimension: 'd3',
      scope: 'intake',
      description: 'PHQ-9 10-14 → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (facts) => inRange(facts.intake.mentalHealth.phq9, 10, 14),
      because: (facts) => `PHQ-9 ${facts.intake.mentalHealth.phq9} (10 to 14)`,
    },
    {
      id: 'd3.gad7-10-to-14',
      dimension: 'd3',
      scope: 'intake',
      description: 'GAD-7 10-14 → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (facts) => inRange(facts.intake.mentalHealth.gad7, 10, 14),
      because: (facts) => `GAD-7 ${facts.intake.mentalHealth.gad7} (10 to 14)`,
    },
  ],
  whenNoRuleApplies: {
    id: 'd3.no-elevated-finding',
    dimension: 'd3',
    scope: 'intake',
    description: 'No D3 rule applies → 0 (scores not done count as not elevated).',
    because: (facts) => {
      const { phq9, phq9Item9, gad7 } = facts.intake.mentalHealth;
      const scores = [
        describeScoreBelow('PHQ-9', phq9, 10),
        describeScoreBelow('PHQ-9 item 9', phq9Item9, 1),
        describeScoreBelow('GAD-7', gad7, 10),
      ];
      return `No suicidal ideation with a plan and no psychosis; ${joinWords(scores)}; scores not done count as not elevated`;
    },
  },
};

export const D4_RULES: DimensionRuleTable = {
  dimension: 'd4',
  rules: (
    [
      ['precontemplation', 3],
      ['contemplation', 2],
      ['preparation', 1],
      ['action', 0],
      ['maintenance', 0],
    ] as const
  ).map(([stage, rating]) => ({
    id: `d4.${stage}`,
    dimension: 'd4',
    scope: 'intake',
    description: `Stage of change ${stage} → ${rating}.`,
    effect: { kind: 'atLeast', rating },
    condition: (facts: PlacementFacts) => facts.intake.readiness.stage === stage,
    because: () => `Stage of change: ${stage}`,
  })),
};

/** The name of the first substance with the highest value, to name it in explanations. */
function substanceWithMost(facts: PlacementFacts, measure: (s: SubstanceFacts) => number, value: number): string {
  return facts.substances.find((s) => measure(s) === value)?.entry.name ?? 'no substance';
}
const describeMaxDays = (facts: PlacementFacts) =>
  `the most days used in the last 30 is ${facts.maxDaysUsedLast30} (${substanceWithMost(facts, (s) => s.entry.daysUsedLast30, facts.maxDaysUsedLast30)})`;
const describeMaxDuration = (facts: PlacementFacts) =>
  `the longest regular use is ${facts.maxDurationMonths} months (${substanceWithMost(facts, (s) => s.entry.durationMonths, facts.maxDurationMonths)})`;
const isLittleUse = (facts: PlacementFacts) => facts.maxDaysUsedLast30 <= 4 && facts.maxDurationMonths < 3;
const isRegularUse = (facts: PlacementFacts) => facts.maxDaysUsedLast30 >= REGULAR_USE_MIN_DAYS;

// D5 reads "...; else 2, +1 if maxDur ≥ 12, +1 if priorTreatmentEpisodes ≥ 2": both additions
// belong to the "else 2" branch (maxDays ≥ 20), as written. Outside it they cannot apply.
export const D5_RULES: DimensionRuleTable = {
  dimension: 'd5',
  rules: [
    {
      id: 'd5.little-use',
      dimension: 'd5',
      scope: 'intake',
      description: 'Most days used in the last 30 (any substance) 4 or fewer and longest regular use under 3 months → 0.',
      effect: { kind: 'atLeast', rating: 0 },
      condition: isLittleUse,
      because: (facts) => `Little use: ${describeMaxDays(facts)}, 4 or fewer, and ${describeMaxDuration(facts)}, under 3`,
    },
    {
      id: 'd5.use-under-20-days',
      dimension: 'd5',
      scope: 'intake',
      description: 'Otherwise, most days used in the last 30 under 20 → 1.',
      effect: { kind: 'atLeast', rating: 1 },
      condition: (facts) => !isLittleUse(facts) && !isRegularUse(facts),
      because: (facts) =>
        facts.maxDaysUsedLast30 > 4
          ? `Some use: ${describeMaxDays(facts)}, more than 4 but under 20`
          : `Some use: ${describeMaxDays(facts)}, under 20, and ${describeMaxDuration(facts)}, 3 or more`,
    },
    {
      id: 'd5.regular-use',
      dimension: 'd5',
      scope: 'intake',
      description: 'Otherwise (most days used in the last 30 is 20 or more) → 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: isRegularUse,
      because: (facts) => `Regular use: ${describeMaxDays(facts)}, 20 or more`,
    },
    {
      id: 'd5.regular-use-12-months-plus',
      dimension: 'd5',
      scope: 'intake',
      description: 'With regular use, longest regular use 12 months or more → +1 (up to 4).',
      effect: { kind: 'add', amount: 1 },
      condition: (facts) => isRegularUse(facts) && facts.maxDurationMonths >= 12,
      because: (facts) => `Regular use and ${describeMaxDuration(facts)}, 12 or more: adds 1`,
    },
    {
      id: 'd5.regular-use-2-plus-prior-treatments',
      dimension: 'd5',
      scope: 'intake',
      description: 'With regular use, 2 or more prior treatment episodes → +1 (up to 4).',
      effect: { kind: 'add', amount: 1 },
      condition: (facts) => isRegularUse(facts) && facts.intake.relapse.priorTreatmentEpisodes >= 2,
      because: (facts) => `Regular use and ${facts.intake.relapse.priorTreatmentEpisodes} prior treatment episodes (2 or more): adds 1`,
    },
  ],
};

export const D6_RULES: DimensionRuleTable = {
  dimension: 'd6',
  rules: [
    ...(
      [
        ['stable', 0],
        ['unstable', 2],
        ['homeless', 3],
      ] as const
    ).map(
      ([housing, rating]) =>
        ({
          id: `d6.housing-${housing}`,
          dimension: 'd6',
          scope: 'intake',
          description: `Housing ${housing} → ${rating}.`,
          effect: { kind: 'atLeast', rating },
          condition: (facts: PlacementFacts) => facts.intake.environment.housing === housing,
          because: () => `Housing: ${housing}`,
        }) as const,
    ),
    {
      id: 'd6.lives-with-active-user',
      dimension: 'd6',
      scope: 'intake',
      description: 'Lives with someone who actively uses → at least 2.',
      effect: { kind: 'atLeast', rating: 2 },
      condition: (facts) => facts.intake.environment.livesWithActiveUser,
      because: () => 'Lives with someone who actively uses',
    },
    {
      id: 'd6.no-support-system',
      dimension: 'd6',
      scope: 'intake',
      description: 'Then, no support system → +1 (up to 4).',
      effect: { kind: 'add', amount: 1 },
      condition: (facts) => facts.intake.environment.supportSystem === 'none',
      because: () => 'Support system: none (adds 1)',
    },
    {
      id: 'd6.interpersonal-safety-concern',
      dimension: 'd6',
      scope: 'intake',
      description: 'Interpersonal safety concern → 4.',
      effect: { kind: 'atLeast', rating: 4 },
      condition: (facts) => facts.intake.environment.interpersonalSafetyConcern,
      because: () => 'Interpersonal safety concern',
    },
  ],
};

/** All dimension tables, in dimension order. */
export const DIMENSION_RULE_TABLES: readonly DimensionRuleTable[] = [D1_RULES, D2_RULES, D3_RULES, D4_RULES, D5_RULES, D6_RULES];
