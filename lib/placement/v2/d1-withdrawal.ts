/**
 * Placement rules v2, D1 Acute intoxication and/or withdrawal potential: exactly the list of
 * docs/placement-rules-v2.md "D1" (it replaces v1's D1). Start 0; each rule raises the rating to
 * at least its value. Rules speak of classes (see ./facts), not substance rows.
 */
import type { DimensionRuleTable, IntakeRatingRule } from '../shared/rating-rule';
import type { Rating } from '../shared/vocabulary';
import { inRange, scoreTierRules } from '../shared/score-tiers';
import { describeScoreBelow, joinWords } from '../shared/words';
import { CIWA_B_TIERS, COWS_TIERS } from '../v1/d1-withdrawal';
import {
  classesWhere,
  describeAge,
  describeClass,
  describeClasses,
  describeComplicatedHistoryV2,
  describeEntryUse,
  ghbRegularEntries,
  OLDER_ADULT_MIN_AGE,
  type ClassFacts,
  type PlacementFactsV2,
  type SubstanceClass,
} from './facts';

type Rule = IntakeRatingRule<PlacementFactsV2>;

const ownRegular = (c: ClassFacts) => c.own && c.regular;
const ownFrequent = (c: ClassFacts) => c.own && c.frequent;
const ownRegularClasses = (facts: PlacementFactsV2) => classesWhere(facts, ownRegular);
const ownFrequentClasses = (facts: PlacementFactsV2) => classesWhere(facts, ownFrequent);

/** Own CNS-depressant classes other than sedatives that are used regularly. */
const otherOwnRegularClasses = (facts: PlacementFactsV2) =>
  ownRegularClasses(facts).filter((c) => c.name !== 'sedative');

const ownRegularFor1Month = (c: ClassFacts) => ownRegular(c) && c.duration >= 1;
const ownSedativeRegularFor1Month = (facts: PlacementFactsV2) => ownRegularFor1Month(facts.classes.sedative);

const alcoholOrSedativeListed = (facts: PlacementFactsV2) =>
  facts.classes.alcohol.listed || facts.classes.sedative.listed;

/** The higher of the alcohol and sedative class days, for the complicated-history rule. */
const alcoholOrSedativeDays = (facts: PlacementFactsV2) =>
  Math.max(facts.classes.alcohol.days, facts.classes.sedative.days);

const ciwaAr = (facts: PlacementFactsV2) => facts.intake.withdrawal.ciwaAr;

/** A D1 rule about one class, explained by the class's use and the finding that applies. */
function classRule(rule: {
  readonly id: string;
  readonly description: string;
  readonly rating: Rating;
  readonly className: SubstanceClass;
  readonly applies: (c: ClassFacts) => boolean;
  /** e.g. `own regular use for 1 month or more`. */
  readonly finding: string;
}): Rule {
  return {
    id: rule.id,
    dimension: 'd1',
    scope: 'intake',
    description: rule.description,
    effect: { kind: 'atLeast', rating: rule.rating },
    condition: (facts) => rule.applies(facts.classes[rule.className]),
    because: (facts) => `${describeClass(facts.classes[rule.className])}: ${rule.finding}`,
  };
}

const RULES: readonly Rule[] = [
  classRule({
    id: 'd1.alcohol.regular',
    description: 'Alcohol regular → 1.',
    rating: 1,
    className: 'alcohol',
    applies: (c) => c.regular,
    finding: 'regular use (20 or more days)',
  }),
  ...scoreTierRules<PlacementFactsV2>({
    idPrefix: 'd1.ciwa-ar',
    dimension: 'd1',
    scoreName: 'CIWA-Ar',
    score: ciwaAr,
    counts: {
      when: alcoholOrSedativeListed,
      description: 'Alcohol or a sedative listed',
      because: 'with alcohol or a sedative listed',
    },
    tiers: [
      { min: 10, max: 18, rating: 2 },
      { min: 19, max: null, rating: 3 },
    ],
  }),
  {
    id: 'd1.ciwa-ar-19-plus-with-complicated-history',
    dimension: 'd1',
    scope: 'intake',
    description: 'Alcohol or a sedative listed, CIWA-Ar 19 or more and a complicated withdrawal history → 4.',
    effect: { kind: 'atLeast', rating: 4 },
    condition: (facts) => alcoholOrSedativeListed(facts) && inRange(ciwaAr(facts), 19) && facts.complicatedHistory,
    because: (facts) =>
      `CIWA-Ar ${ciwaAr(facts)} (19 or more) with alcohol or a sedative listed and ${describeComplicatedHistoryV2(facts)}`,
  },
  classRule({
    id: 'd1.sedative.regular',
    description: 'Sedative regular → 1.',
    rating: 1,
    className: 'sedative',
    applies: (c) => c.regular,
    finding: 'regular use (20 or more days), prescribed or not',
  }),
  classRule({
    id: 'd1.own-sedative.regular-1-month-plus',
    description: 'Own sedative regular with duration 1 month or more → 2.',
    rating: 2,
    className: 'sedative',
    applies: ownRegularFor1Month,
    finding: 'own regular use for 1 month or more',
  }),
  {
    id: 'd1.own-sedative.regular-6-months-or-with-other-own-class',
    dimension: 'd1',
    scope: 'intake',
    description:
      'Own sedative regular with duration 1 month or more, and (duration 6 months or more, or another own CNS-depressant class regular) → 3.',
    effect: { kind: 'atLeast', rating: 3 },
    condition: (facts) =>
      ownSedativeRegularFor1Month(facts) &&
      (facts.classes.sedative.duration >= 6 || otherOwnRegularClasses(facts).length > 0),
    because: (facts) => {
      const others = otherOwnRegularClasses(facts);
      const reasons = [
        facts.classes.sedative.duration >= 6 ? 'for 6 months or more' : null,
        others.length > 0 ? `together with own regular use of ${describeClasses(others)}` : null,
      ].filter((reason): reason is string => reason !== null);
      return `${describeClass(facts.classes.sedative)}: own regular use ${joinWords(reasons)}`;
    },
  },
  ...scoreTierRules<PlacementFactsV2>({
    idPrefix: 'd1.ciwa-b',
    dimension: 'd1',
    scoreName: 'CIWA-B',
    score: (facts) => facts.intake.withdrawal.ciwaB,
    counts: {
      when: (facts) => facts.classes.sedative.listed,
      description: 'A sedative listed',
      because: 'with a sedative listed',
    },
    tiers: CIWA_B_TIERS,
  }),
  {
    id: 'd1.ghb.regular-entry',
    dimension: 'd1',
    scope: 'intake',
    description: 'Any GHB/GBL entry used on 20 or more of the last 30 days (prescribed or not) → 3.',
    effect: { kind: 'atLeast', rating: 3 },
    condition: (facts) => ghbRegularEntries(facts).length > 0,
    because: (facts) => `${joinWords(ghbRegularEntries(facts).map(describeEntryUse))}: GHB/GBL used on 20 or more days`,
  },
  classRule({
    id: 'd1.own-opioid.regular',
    description: 'Own opioid regular → 1.',
    rating: 1,
    className: 'opioid',
    applies: ownRegular,
    finding: 'own regular use (20 or more days)',
  }),
  ...scoreTierRules<PlacementFactsV2>({
    idPrefix: 'd1.cows',
    dimension: 'd1',
    scoreName: 'COWS',
    score: (facts) => facts.intake.withdrawal.cows,
    counts: {
      when: (facts) => facts.classes.opioid.listed,
      description: 'An opioid listed',
      because: 'with an opioid listed',
    },
    tiers: COWS_TIERS,
  }),
  classRule({
    id: 'd1.own-gabapentinoid.regular',
    description: 'Own gabapentinoid regular → 1.',
    rating: 1,
    className: 'gabapentinoid',
    applies: ownRegular,
    finding: 'own regular use (20 or more days)',
  }),
  ...scoreTierRules<PlacementFactsV2>({
    idPrefix: 'd1.complicated-history.alcohol-or-sedative-days',
    dimension: 'd1',
    scoreName: 'The higher of the alcohol and sedative days',
    score: alcoholOrSedativeDays,
    counts: {
      when: (facts) => facts.complicatedHistory,
      description: 'A complicated withdrawal history',
      because: (facts) =>
        `(alcohol ${facts.classes.alcohol.days}, sedatives ${facts.classes.sedative.days}) with ${describeComplicatedHistoryV2(facts)}`,
    },
    tiers: [
      { min: 1, max: 4, rating: 1 },
      { min: 5, max: 11, rating: 2 },
      { min: 12, max: null, rating: 3 },
    ],
  }),
  {
    id: 'd1.two-or-more-own-classes-regular',
    dimension: 'd1',
    scope: 'intake',
    description: 'Two or more own CNS-depressant classes regular → 3.',
    effect: { kind: 'atLeast', rating: 3 },
    condition: (facts) => ownRegularClasses(facts).length >= 2,
    because: (facts) =>
      `${ownRegularClasses(facts).length} own CNS-depressant classes used regularly: ${describeClasses(ownRegularClasses(facts))}`,
  },
  {
    id: 'd1.two-or-more-own-classes-frequent-with-alcohol-or-sedative',
    dimension: 'd1',
    scope: 'intake',
    description:
      'Two or more own CNS-depressant classes frequent (12 or more days), at least one of them alcohol or sedative → 2.',
    effect: { kind: 'atLeast', rating: 2 },
    condition: (facts) => {
      const frequent = ownFrequentClasses(facts);
      return frequent.length >= 2 && frequent.some((c) => c.name === 'alcohol' || c.name === 'sedative');
    },
    because: (facts) =>
      `${ownFrequentClasses(facts).length} own CNS-depressant classes used on 12 or more days, alcohol or sedatives among them: ${describeClasses(ownFrequentClasses(facts))}`,
  },
  {
    id: 'd1.age-65-plus-own-alcohol-or-sedative-regular',
    dimension: 'd1',
    scope: 'intake',
    description: 'Age 65 or more and (own alcohol regular, or own sedative regular) → 2.',
    effect: { kind: 'atLeast', rating: 2 },
    condition: (facts) =>
      facts.age >= OLDER_ADULT_MIN_AGE && (ownRegular(facts.classes.alcohol) || ownRegular(facts.classes.sedative)),
    because: (facts) =>
      `${describeAge(facts)}, 65 or more, with own regular use of ${describeClasses([facts.classes.alcohol, facts.classes.sedative].filter(ownRegular))}`,
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
];

export const D1_RULES_V2: DimensionRuleTable<PlacementFactsV2> = {
  dimension: 'd1',
  rules: RULES,
  whenNoRuleApplies: {
    id: 'd1.no-withdrawal-risk-found',
    dimension: 'd1',
    scope: 'intake',
    description: 'No D1 rule applies → 0.',
    because: (facts) => {
      const { ciwaAr: ar, ciwaB, cows } = facts.intake.withdrawal;
      const listed = classesWhere(facts, (c) => c.listed);
      return (
        `No withdrawal rule applied: ${listed.length === 0 ? 'no CNS-depressant class is listed' : describeClasses(listed)}; ` +
        `${joinWords([describeScoreBelow('CIWA-Ar', ar, 10), describeScoreBelow('CIWA-B', ciwaB, 1), describeScoreBelow('COWS', cows, 5)])}; ` +
        `${describeComplicatedHistoryV2(facts)}; no current seizure or delirium`
      );
    },
  },
};
