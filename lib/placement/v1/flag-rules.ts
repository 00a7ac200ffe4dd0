/**
 * Placement rules v1: safety flags (docs/placement-rules-v1.md "Flags"), each a rule with an id,
 * its condition, the inputs that made it apply, and what staff see (title, guidance, urgency).
 * FLAG_TITLES, flagGuidance and EMERGENCY_FLAG_CODES are read from this table.
 */
import { CONTINUE_AFTER_WITHDRAWAL_FLAG, EMERGENCY_MEDICAL_FLAG, emergencyPsychiatricFlag } from '../shared/flag-rules';
import { flagsWithUrgency, flagTitles, guidanceFrom, type FlagRule } from '../shared/outcome-rules';
import type { TreatmentLevel } from '../shared/vocabulary';
import { joinWords } from '../shared/words';
import { describeSubstanceUse } from './facts';
import type { RecommendationContext } from './service-rules';

/** Emergency flags first: the review screen shows flags in this order. */
export const FLAG_CODES = [
  'EMERGENCY_MEDICAL',
  'EMERGENCY_PSYCHIATRIC',
  'SAFETY_ASSESSMENT',
  'NO_ABRUPT_STOP',
  'CONTINUE_AFTER_WITHDRAWAL',
  'PREGNANCY_PRIORITY',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export type { FlagRule };

const sedativesRegularFor1Month = (c: RecommendationContext) =>
  c.facts.substances.filter((s) => s.sedative && s.regular && s.entry.durationMonths >= 1);

/**
 * In FLAG_CODES order, which is the order flags are listed in a recommendation. NO_ABRUPT_STOP
 * and CONTINUE_AFTER_WITHDRAWAL guidance use the spec's exact words; the others are ours and say
 * only what the flag's condition means.
 */
export const FLAG_RULES: readonly FlagRule<RecommendationContext, FlagCode>[] = [
  EMERGENCY_MEDICAL_FLAG,
  emergencyPsychiatricFlag<RecommendationContext>(
    (c) => [
      [c.intake.mentalHealth.suicidalIdeationWithPlan, 'suicidal ideation with a plan'],
      [c.intake.mentalHealth.psychosis, 'psychosis'],
    ],
    'suicidal ideation with a plan or psychosis',
  ),
  {
    id: 'flag.safety-assessment',
    flag: 'SAFETY_ASSESSMENT',
    title: 'Suicide safety assessment needed',
    urgency: 'urgent',
    description: 'PHQ-9 item 9 is 1 or more.',
    condition: (c) => (c.intake.mentalHealth.phq9Item9 ?? 0) >= 1,
    because: (c) => `PHQ-9 item 9 (thoughts of self-harm) answered ${c.intake.mentalHealth.phq9Item9} (1 or more)`,
    guidance: () => 'PHQ-9 item 9 (thoughts of self-harm) is positive: complete a suicide risk assessment',
  },
  {
    id: 'flag.no-abrupt-stop',
    flag: 'NO_ABRUPT_STOP',
    title: 'Do not stop abruptly',
    urgency: 'routine',
    description: 'A sedative used regularly for 1 month or more.',
    condition: (c) => sedativesRegularFor1Month(c).length > 0,
    because: (c) =>
      `${joinWords(sedativesRegularFor1Month(c).map(describeSubstanceUse))}: regular sedative use for 1 month or more`,
    guidance: () => 'do not stop abruptly; medically supervised taper',
  },
  CONTINUE_AFTER_WITHDRAWAL_FLAG,
  {
    id: 'flag.pregnancy-priority',
    flag: 'PREGNANCY_PRIORITY',
    title: 'Pregnancy: priority',
    urgency: 'routine',
    description: 'Pregnant.',
    condition: (c) => c.intake.patient.pregnant,
    because: () => 'Pregnant',
    guidance: () => 'pregnant: prioritise admission and coordinate prenatal care',
  },
];

export const FLAG_TITLES: Readonly<Record<FlagCode, string>> = flagTitles(FLAG_RULES);

/** The flags that send a patient for emergency evaluation. */
export const EMERGENCY_FLAG_CODES: readonly FlagCode[] = flagsWithUrgency(FLAG_RULES, 'emergency');

/** The flags to act on before anything else: the emergencies and the urgent ones. */
export const URGENT_FLAG_CODES: readonly FlagCode[] = flagsWithUrgency(FLAG_RULES, 'emergency', 'urgent');

/** What staff should do about a flag. */
export function flagGuidance(flag: FlagCode, treatmentLevel: TreatmentLevel): string {
  return guidanceFrom(FLAG_RULES, flag, treatmentLevel);
}
