/** Placement rules v1: safety flags (issue 4 §3), each a code, a condition and guidance words. */
import type { RecommendationContext } from './service-rules';
import type { TreatmentLevel } from './vocabulary';

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

export const EMERGENCY_FLAG_CODES: readonly FlagCode[] = ['EMERGENCY_MEDICAL', 'EMERGENCY_PSYCHIATRIC'];

export const FLAG_TITLES: Readonly<Record<FlagCode, string>> = {
  EMERGENCY_MEDICAL: 'Medical emergency',
  EMERGENCY_PSYCHIATRIC: 'Psychiatric emergency',
  SAFETY_ASSESSMENT: 'Suicide safety assessment needed',
  NO_ABRUPT_STOP: 'Do not stop abruptly',
  CONTINUE_AFTER_WITHDRAWAL: 'Continue treatment after withdrawal management',
  PREGNANCY_PRIORITY: 'Pregnancy: priority',
};

/**
 * What staff should do about a flag. NO_ABRUPT_STOP and CONTINUE_AFTER_WITHDRAWAL use the spec's
 * exact words; the others are ours and say only what the flag's condition means.
 */
export function flagGuidance(flag: FlagCode, treatmentLevel: TreatmentLevel): string {
  switch (flag) {
    case 'EMERGENCY_MEDICAL':
      return 'withdrawal or biomedical rating is 4: arrange immediate medical evaluation';
    case 'EMERGENCY_PSYCHIATRIC':
      return 'emotional/behavioral rating is 4 (suicidal ideation with a plan or psychosis): arrange immediate psychiatric evaluation';
    case 'SAFETY_ASSESSMENT':
      return 'PHQ-9 item 9 (thoughts of self-harm) is positive: complete a suicide risk assessment';
    case 'NO_ABRUPT_STOP':
      return 'do not stop abruptly; medically supervised taper';
    case 'CONTINUE_AFTER_WITHDRAWAL':
      return `withdrawal management is only the first stage; continue at level ${treatmentLevel}`;
    case 'PREGNANCY_PRIORITY':
      return 'pregnant: prioritise admission and coordinate prenatal care';
  }
}

export interface FlagRule {
  readonly flag: FlagCode;
  readonly description: string;
  readonly condition: (context: RecommendationContext) => boolean;
}

/** In FLAG_CODES order, which is the order flags are listed in a recommendation. */
export const FLAG_RULES: readonly FlagRule[] = [
  {
    flag: 'EMERGENCY_MEDICAL',
    description: 'D1 = 4 or D2 = 4.',
    condition: (c) => c.dimensions.d1 === 4 || c.dimensions.d2 === 4,
  },
  { flag: 'EMERGENCY_PSYCHIATRIC', description: 'D3 = 4.', condition: (c) => c.dimensions.d3 === 4 },
  {
    flag: 'SAFETY_ASSESSMENT',
    description: 'PHQ-9 item 9 is 1 or more.',
    condition: (c) => (c.facts.intake.mentalHealth.phq9Item9 ?? 0) >= 1,
  },
  {
    flag: 'NO_ABRUPT_STOP',
    description: 'A sedative used regularly for 1 month or more.',
    condition: (c) => c.facts.substances.some((s) => s.sedative && s.regular && s.entry.durationMonths >= 1),
  },
  {
    flag: 'CONTINUE_AFTER_WITHDRAWAL',
    description: 'Withdrawal-management level is not none.',
    condition: (c) => c.withdrawalManagement !== 'none',
  },
  { flag: 'PREGNANCY_PRIORITY', description: 'Pregnant.', condition: (c) => c.facts.intake.patient.pregnant },
];
