/**
 * The flags both rules versions raise on the same condition with the same words
 * (docs/placement-rules-v1.md "Flags"; v2 keeps these unchanged).
 */
import type { FlagRule } from './outcome-rules';
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
  guidance: ({ treatmentLevel }) => `withdrawal management is only the first stage; continue at level ${treatmentLevel}`,
};
