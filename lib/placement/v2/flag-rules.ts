/**
 * Placement rules v2: flags (docs/placement-rules-v2.md "Flags"), each a rule with an id, its
 * condition, the inputs that made it apply, and what staff see (title, guidance, urgency).
 * Guidance in quotes in the spec is used word for word (HARM_TO_OTHERS, MOUD_FIRST, ADOLESCENT).
 */
import { CONTINUE_AFTER_WITHDRAWAL_FLAG, EMERGENCY_MEDICAL_FLAG, emergencyPsychiatricFlag } from '../shared/flag-rules';
import {
  anyFinding,
  findingsThatHold,
  flagsWithUrgency,
  flagTitles,
  guidanceFrom,
  type FlagRule,
  type Findings,
} from '../shared/outcome-rules';
import type { TreatmentLevel } from '../shared/vocabulary';
import { joinWords } from '../shared/words';
import type { RecommendationContextV2 } from './context';
import {
  ADULT_MIN_AGE,
  classesWhere,
  describeAge,
  describeClass,
  describeClasses,
  describeEntryUse,
  ghbRegularEntries,
} from './facts';

/** Emergencies first, then what to act on before anything else: the order the review shows. */
export const FLAG_CODES_V2 = [
  'EMERGENCY_MEDICAL',
  'EMERGENCY_PSYCHIATRIC',
  'HARM_TO_OTHERS',
  'SAFETY_ASSESSMENT',
  'ASSESSMENT_INCOMPLETE',
  'ADOLESCENT',
  'OVERDOSE_RISK',
  'MOUD_FIRST',
  'NO_ABRUPT_STOP',
  'CONTINUE_AFTER_WITHDRAWAL',
  'PREGNANCY_PRIORITY',
] as const;
export type FlagCodeV2 = (typeof FLAG_CODES_V2)[number];

type Context = RecommendationContextV2;

const noAbruptStopReasons: Findings<Context> = (c) => {
  const { sedative, gabapentinoid } = c.facts.classes;
  const ghb = ghbRegularEntries(c.facts);
  return [
    [sedative.regular && sedative.duration >= 1, `${describeClass(sedative)}: regular for 1 month or more`],
    [
      sedative.regular && ghb.length > 0,
      `sedatives regular with ${joinWords(ghb.map(describeEntryUse))} (GHB/GBL on 20 or more days)`,
    ],
    [
      gabapentinoid.regular && gabapentinoid.duration >= 1,
      `${describeClass(gabapentinoid)}: regular for 1 month or more`,
    ],
  ];
};

const overdoseRiskReasons: Findings<Context> = (c) => {
  const opioid = c.facts.classes.opioid;
  const used = classesWhere(c.facts, (cls) => cls.used);
  const { overdoseLast12Months, lostTolerance, usesAlone } = c.intake.overdoseRisk;
  const injectedOpioids = c.facts.substances.filter(
    (s) => s.entry.category === 'opioid' && s.entry.route === 'injected' && s.entry.daysUsedLast30 >= 1,
  );
  return [
    [used.length >= 2, `${used.length} CNS-depressant classes used: ${describeClasses(used)}`],
    [overdoseLast12Months, 'an overdose in the last 12 months'],
    [
      lostTolerance && opioid.listed,
      'lost tolerance (released in the last 30 days after a time without use) with an opioid listed',
    ],
    [usesAlone && opioid.used, 'uses alone, with an opioid used'],
    [injectedOpioids.length > 0, `injects an opioid: ${joinWords(injectedOpioids.map(describeEntryUse))}`],
  ];
};

const moudFirstReasons: Findings<Context> = (c) => {
  const medication = c.intake.treatment.currentMedication;
  return [
    [c.facts.pregnant, 'pregnant'],
    [medication === 'methadone' || medication === 'buprenorphine', `current medication ${medication}`],
  ];
};

const safetyAssessmentReasons: Findings<Context> = (c) => [
  [
    (c.intake.mentalHealth.phq9Item9 ?? 0) >= 1,
    `PHQ-9 item 9 (thoughts of self-harm) answered ${c.intake.mentalHealth.phq9Item9} (1 or more)`,
  ],
  [c.intake.mentalHealth.suicideAttemptLast3Months, 'a suicide attempt in the last 3 months'],
];

/** In FLAG_CODES_V2 order, which is the order flags are listed in a recommendation. */
export const FLAG_RULES_V2: readonly FlagRule<Context, FlagCodeV2>[] = [
  EMERGENCY_MEDICAL_FLAG,
  emergencyPsychiatricFlag<Context>(
    (c) => [
      [c.intake.mentalHealth.suicidalIdeationWithPlan, 'suicidal ideation with a plan'],
      [c.intake.mentalHealth.psychosis, 'psychotic symptoms that are new or not controlled'],
      [c.intake.mentalHealth.homicidalIdeation, 'thoughts of seriously harming or killing someone'],
    ],
    'suicidal ideation with a plan, psychotic symptoms that are new or not controlled, or thoughts of harming others',
  ),
  {
    id: 'flag.harm-to-others',
    flag: 'HARM_TO_OTHERS',
    title: 'Thoughts of harming others',
    urgency: 'urgent',
    description: 'Homicidal ideation.',
    condition: (c) => c.intake.mentalHealth.homicidalIdeation,
    because: () => 'Thoughts of seriously harming or killing someone now',
    guidance: () => "follow the program's duty-to-warn and emergency procedure",
  },
  {
    id: 'flag.safety-assessment',
    flag: 'SAFETY_ASSESSMENT',
    title: 'Suicide safety assessment needed',
    urgency: 'urgent',
    description: 'PHQ-9 item 9 1 or more, or a suicide attempt in the last 3 months.',
    condition: anyFinding(safetyAssessmentReasons),
    because: findingsThatHold(safetyAssessmentReasons),
    guidance: () =>
      'thoughts of self-harm (PHQ-9 item 9) or a suicide attempt in the last 3 months: complete a suicide risk assessment',
  },
  {
    id: 'flag.assessment-incomplete',
    flag: 'ASSESSMENT_INCOMPLETE',
    title: 'Assessment incomplete',
    urgency: 'routine',
    description: 'Incomplete is not empty.',
    condition: (c) => c.incomplete.length > 0,
    because: (c) => `Not assessed: ${c.incomplete.map(({ item, because }) => `${item} (${because})`).join('; ')}`,
    guidance: () => 'safety-critical items were not assessed: complete them before relying on this recommendation',
  },
  {
    id: 'flag.adolescent',
    flag: 'ADOLESCENT',
    title: 'Adolescent: adult rules',
    urgency: 'routine',
    description: 'Age under 18 on the assessment date.',
    condition: (c) => c.facts.age < ADULT_MIN_AGE,
    because: (c) => `${describeAge(c.facts)}, under 18`,
    guidance: () => 'these rules are written for adults: use adolescent criteria and involve a guardian',
  },
  {
    id: 'flag.overdose-risk',
    flag: 'OVERDOSE_RISK',
    title: 'Overdose risk',
    urgency: 'routine',
    description:
      'Two or more CNS-depressant classes used (prescribed or not), or an overdose in the last 12 months, or lost tolerance with an opioid listed, or uses alone with an opioid used, or an injected opioid entry used.',
    condition: anyFinding(overdoseRiskReasons),
    because: findingsThatHold(overdoseRiskReasons),
    guidance: () => 'high risk of overdose: offer naloxone and overdose education, and plan for not using alone',
  },
  {
    id: 'flag.moud-first',
    flag: 'MOUD_FIRST',
    title: 'Start or continue MOUD',
    urgency: 'routine',
    description: 'An opioid used and (pregnancy "yes", or current medication methadone or buprenorphine).',
    condition: (c) => c.facts.classes.opioid.used && anyFinding(moudFirstReasons)(c),
    because: (c) => `${describeClass(c.facts.classes.opioid)}, and ${findingsThatHold(moudFirstReasons, ' and ')(c)}`,
    guidance: () => 'manage opioid withdrawal by starting or continuing MOUD, not by tapering opioids',
  },
  {
    id: 'flag.no-abrupt-stop',
    flag: 'NO_ABRUPT_STOP',
    title: 'Do not stop abruptly',
    urgency: 'routine',
    description:
      'The sedative class regular and (its duration 1 month or more, or a GHB/GBL entry on 20 or more days), or the gabapentinoid class regular with duration 1 month or more.',
    condition: anyFinding(noAbruptStopReasons),
    because: findingsThatHold(noAbruptStopReasons),
    guidance: () => 'do not stop abruptly; medically supervised taper',
  },
  CONTINUE_AFTER_WITHDRAWAL_FLAG,
  {
    id: 'flag.pregnancy-priority',
    flag: 'PREGNANCY_PRIORITY',
    title: 'Pregnancy: priority',
    urgency: 'routine',
    description: 'Pregnancy "yes".',
    condition: (c) => c.facts.pregnant,
    because: (c) =>
      c.intake.patient.gestationalWeeks === null ? 'Pregnant' : `Pregnant, ${c.intake.patient.gestationalWeeks} weeks`,
    guidance: () => 'pregnant: prioritise admission and coordinate prenatal care',
  },
];

export const FLAG_TITLES_V2: Readonly<Record<FlagCodeV2, string>> = flagTitles(FLAG_RULES_V2);
export const EMERGENCY_FLAG_CODES_V2: readonly FlagCodeV2[] = flagsWithUrgency(FLAG_RULES_V2, 'emergency');
export const URGENT_FLAG_CODES_V2: readonly FlagCodeV2[] = flagsWithUrgency(FLAG_RULES_V2, 'emergency', 'urgent');

export function flagGuidanceV2(flag: FlagCodeV2, treatmentLevel: TreatmentLevel): string {
  return guidanceFrom(FLAG_RULES_V2, flag, treatmentLevel);
}
