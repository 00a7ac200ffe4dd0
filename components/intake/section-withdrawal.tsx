'use client';

import { CIWA_AR, CIWA_B, COWS } from '@/lib/instruments';

import { TextAreaField, YesNoField } from './fields';
import { ItemizedInstrumentField, TotalInstrumentField } from './instrument-fields';

export function WithdrawalSection() {
  return (
    <div className="space-y-5">
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Withdrawal history and current state</legend>
        <YesNoField path="withdrawal.historySeizures" legend="Ever had a seizure while withdrawing?" />
        <YesNoField path="withdrawal.historyDeliriumTremens" legend="Ever had delirium tremens (DTs)?" />
        <YesNoField path="withdrawal.historyHallucinations" legend="Ever had hallucinations while withdrawing?" />
        <YesNoField
          path="withdrawal.currentSeizureOrDelirium"
          legend="Having a seizure or delirium now?"
          hint="If yes: this is a medical emergency — arrange immediate medical evaluation now."
        />
      </fieldset>
      <ItemizedInstrumentField path="withdrawal.ciwaAr" instrument={CIWA_AR} />
      <ItemizedInstrumentField path="withdrawal.cows" instrument={COWS} />
      <TotalInstrumentField path="withdrawal.ciwaB" instrument={CIWA_B} />
      <TextAreaField path="notes.withdrawal" label="Withdrawal notes (optional)" />
    </div>
  );
}
