/**
 * "Complicated withdrawal history" (both rules versions): a history of withdrawal seizures,
 * delirium tremens or withdrawal hallucinations.
 */
import { joinWords } from './words';

export interface WithdrawalHistory {
  readonly historySeizures: boolean;
  readonly historyDeliriumTremens: boolean;
  readonly historyHallucinations: boolean;
}

export function hasComplicatedHistory(withdrawal: WithdrawalHistory): boolean {
  return withdrawal.historySeizures || withdrawal.historyDeliriumTremens || withdrawal.historyHallucinations;
}

/** The complicated-history answers that are yes, e.g. "history of withdrawal seizures and delirium tremens". */
export function describeComplicatedHistory(withdrawal: WithdrawalHistory): string {
  const parts = [
    withdrawal.historySeizures ? 'withdrawal seizures' : null,
    withdrawal.historyDeliriumTremens ? 'delirium tremens' : null,
    withdrawal.historyHallucinations ? 'withdrawal hallucinations' : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0
    ? 'no history of withdrawal seizures, delirium tremens or hallucinations'
    : `history of ${joinWords(parts)}`;
}
