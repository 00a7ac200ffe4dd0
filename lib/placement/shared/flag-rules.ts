/**
 * The flags both rules versions raise on the same condition with the same words
 * (docs/placement-rules-v1.md "Flags"; v2 keeps these unchanged).
 */
import { findingsThatHold, type FlagRule, type Findings } from './outcome-rules';
import type { DimensionRatings, WithdrawalManagementLevel } from './vocabulary';
import { whichHold } from './words';

export interface FlagContext {
  readonly dimensions: DimensionRatings;
  readonly withdrawalManagement: WithdrawalManagementLevel;
}

export const EMERGENCY_MEDICAL_FLAG: FlagRule<FlagContext, 'EMERGENCY_MEDICAL'> = {
  id: 'flag.emergency-medical',
  flag: 'EMERGENCY_MEDICAL',
  title: 'Medical emergency',
  urgency: 'emergency',
  description: 'D1 = 4 or D2 = 4.',
  condition: (c) => c.dimensions.d1 === 4 || c.dimensions.d2 === 4,
  because: (c) =>
    whichHold(
      [
        [c.dimensions.d1 === 4, 'D1 (withdrawal) is 4'],
        [c.dimensions.d2 === 4, 'D2 (biomedical) is 4'],
      ],
      ' and ',
    ),
  guidance: () => 'withdrawal or biomedical rating is 4: arrange immediate medical evaluation',
};

/** The guidance uses the spec's exact words. */
export const CONTINUE_AFTER_WITHDRAWAL_FLAG: FlagRule<FlagContext, 'CONTINUE_AFTER_WITHDRAWAL'> = {
  id: 'flag.continue-after-withdrawal',
  flag: 'CONTINUE_AFTER_WITHDRAWAL',
  title: 'Continue treatment after withdrawal management',
  urgency: 'routine',
  description: 'Withdrawal-management level is not none.',
  condition: (c) => c.withdrawalManagement !== 'none',
  because: (c) => `Withdrawal-management level is ${c.withdrawalManagement}`,
  guidance: ({ treatmentLevel }) =>
    `withdrawal management is only the first stage; continue at level ${treatmentLevel}`,
};

/**
 * EMERGENCY_PSYCHIATRIC (D3 = 4) in both versions; each names its own causes of D3 = 4 (`findings`
 * explain which hold, `causes` is the guidance's list of all of them).
 */
export function emergencyPsychiatricFlag<C extends FlagContext>(
  findings: Findings<C>,
  causes: string,
): FlagRule<C, 'EMERGENCY_PSYCHIATRIC'> {
  const holding = findingsThatHold(findings, ' and ');
  return {
    id: 'flag.emergency-psychiatric',
    flag: 'EMERGENCY_PSYCHIATRIC',
    title: 'Psychiatric emergency',
    urgency: 'emergency',
    description: 'D3 = 4.',
    condition: (c) => c.dimensions.d3 === 4,
    because: (c) => `D3 (emotional/behavioral) is 4: ${holding(c)}`,
    guidance: () => `emotional/behavioral rating is 4 (${causes}): arrange immediate psychiatric evaluation`,
  };
}
