/**
 * Placement rules v2: recommended services (docs/placement-rules-v2.md "Services"): v1's codes and
 * conditions (shared where unchanged), with v2's changes and new services.
 */
import { CURRENT_MEDICATION_LABELS, SUBSTANCE_CATEGORY_LABELS } from '@/lib/intake/options';
import { anyFinding, findingsThatHold, type Findings, type ServiceRule } from '../shared/outcome-rules';
import {
  CO_OCCURRING_MENTAL_HEALTH_SERVICE,
  LEVEL_SERVICES,
  MOTIVATIONAL_ENHANCEMENT_SERVICE,
  SOCIAL_SERVICES,
  WITHDRAWAL_MANAGEMENT_SERVICE,
} from '../shared/service-rules';
import { joinWords } from '../shared/words';
import { SERVICE_LABELS } from '../v1/service-rules';
import { describeClass, describeEntryUse } from './facts';
import type { RecommendationContextV2 } from './context';

export const SERVICE_CODES_V2 = [
  'WITHDRAWAL_MANAGEMENT',
  'BRIEF_INTERVENTION',
  'GROUP_THERAPY',
  'INDIVIDUAL_THERAPY',
  'CO_OCCURRING_MENTAL_HEALTH',
  'SUICIDE_SAFETY_PLAN',
  'POLYSUBSTANCE_PLAN',
  'MOUD_EVALUATION',
  'CONTINUE_MEDICATION',
  'MAUD_EVALUATION',
  'NALOXONE',
  'INFECTION_SCREENING',
  'MOTIVATIONAL_ENHANCEMENT',
  'HOUSING',
  'EMPLOYMENT',
  'FINANCIAL',
  'LEGAL',
  'TRANSPORTATION',
  'FOOD',
  'SAFETY_PLANNING',
] as const;
export type ServiceCodeV2 = (typeof SERVICE_CODES_V2)[number];

export const SERVICE_LABELS_V2: Readonly<Record<ServiceCodeV2, string>> = {
  ...SERVICE_LABELS,
  SUICIDE_SAFETY_PLAN: 'Suicide safety plan and lethal-means counselling',
  CONTINUE_MEDICATION: 'Continue current medication for opioid or alcohol use disorder',
  NALOXONE: 'Naloxone kit and overdose education',
  INFECTION_SCREENING: 'HIV/HCV testing, wound care and syringe services',
};

type Context = RecommendationContextV2;

const usedCategories = (c: Context) => [
  ...new Set(c.intake.substances.filter((s) => s.daysUsedLast30 >= 1).map((s) => s.category)),
];
const injectedEntries = (c: Context) => c.facts.substances.filter((s) => s.entry.route === 'injected');

const naloxoneReasons: Findings<Context> = (c) => {
  const opioid = c.facts.classes.opioid;
  const { lostTolerance, overdoseLast12Months } = c.intake.overdoseRisk;
  return [
    [opioid.used, `an opioid is used: ${describeClass(opioid)}`],
    [
      lostTolerance && opioid.listed,
      'lost tolerance (released in the last 30 days after a time without use) with an opioid listed',
    ],
    [overdoseLast12Months, 'an overdose in the last 12 months'],
  ];
};

const suicideSafetyReasons: Findings<Context> = (c) => {
  const { suicidalIdeationWithPlan, suicideAttemptLast3Months, phq9Item9 } = c.intake.mentalHealth;
  return [
    [suicidalIdeationWithPlan, 'suicidal ideation with a plan'],
    [suicideAttemptLast3Months, 'a suicide attempt in the last 3 months'],
    [(phq9Item9 ?? 0) >= 1, `PHQ-9 item 9 (thoughts of self-harm) answered ${phq9Item9} (1 or more)`],
  ];
};

/** In SERVICE_CODES_V2 order, which is the order services are listed in a recommendation. */
export const SERVICE_RULES_V2: readonly ServiceRule<Context, ServiceCodeV2>[] = [
  WITHDRAWAL_MANAGEMENT_SERVICE,
  ...LEVEL_SERVICES,
  CO_OCCURRING_MENTAL_HEALTH_SERVICE,
  {
    id: 'service.suicide-safety-plan',
    service: 'SUICIDE_SAFETY_PLAN',
    description: 'Suicidal ideation with a plan, a suicide attempt in the last 3 months, or PHQ-9 item 9 1 or more.',
    condition: anyFinding(suicideSafetyReasons),
    because: findingsThatHold(suicideSafetyReasons),
  },
  {
    id: 'service.polysubstance-plan',
    service: 'POLYSUBSTANCE_PLAN',
    description:
      'Two or more different categories (as entered; prescribed entries count) have an entry used on at least 1 of the last 30 days.',
    condition: (c) => usedCategories(c).length >= 2,
    because: (c) =>
      `${usedCategories(c).length} categories used in the last 30 days: ${joinWords(usedCategories(c).map((category) => SUBSTANCE_CATEGORY_LABELS[category].toLowerCase()))}`,
  },
  {
    id: 'service.moud-evaluation',
    service: 'MOUD_EVALUATION',
    description: 'The opioid class is own, its days 4 or more, and current medication "none".',
    condition: (c) =>
      c.facts.classes.opioid.own && c.facts.classes.opioid.days >= 4 && c.intake.treatment.currentMedication === 'none',
    because: (c) =>
      `${describeClass(c.facts.classes.opioid)} (4 or more days), and no current medication for opioid or alcohol use disorder`,
  },
  {
    id: 'service.continue-medication',
    service: 'CONTINUE_MEDICATION',
    description: 'Current medication is not "none".',
    condition: (c) => c.intake.treatment.currentMedication !== 'none',
    because: (c) =>
      `Current medication: ${CURRENT_MEDICATION_LABELS[c.intake.treatment.currentMedication].toLowerCase()}`,
  },
  {
    id: 'service.maud-evaluation',
    service: 'MAUD_EVALUATION',
    description: 'Alcohol regular (20 or more of the last 30 days).',
    condition: (c) => c.facts.classes.alcohol.regular,
    because: (c) => `${describeClass(c.facts.classes.alcohol)} (regular use, 20 or more days)`,
  },
  {
    id: 'service.naloxone',
    service: 'NALOXONE',
    description: 'An opioid used, or lost tolerance with an opioid listed, or an overdose in the last 12 months.',
    condition: anyFinding(naloxoneReasons),
    because: findingsThatHold(naloxoneReasons),
  },
  {
    id: 'service.infection-screening',
    service: 'INFECTION_SCREENING',
    description: 'Any entry with route injected, whatever its days.',
    condition: (c) => injectedEntries(c).length > 0,
    because: (c) => `Injected: ${joinWords(injectedEntries(c).map(describeEntryUse))}`,
  },
  MOTIVATIONAL_ENHANCEMENT_SERVICE,
  ...SOCIAL_SERVICES,
];
