'use client';

import { READINESS_STAGES, READINESS_STAGE_LABELS } from '@/lib/intake';

import { ChoiceField, TextField, optionsFrom } from './fields';

const STAGE_DETAILS: Readonly<Record<(typeof READINESS_STAGES)[number], string>> = {
  precontemplation: 'Not considering change',
  contemplation: 'Thinking about change, not decided',
  preparation: 'Planning to change soon',
  action: 'Actively changing now',
  maintenance: 'Keeping up a change already made',
};

export function ReadinessSection() {
  return (
    <div className="space-y-5">
      <ChoiceField
        path="readiness.stage"
        legend="Stage of change"
        layout="column"
        options={optionsFrom(READINESS_STAGES, READINESS_STAGE_LABELS).map((option) => ({
          ...option,
          detail: STAGE_DETAILS[option.value as (typeof READINESS_STAGES)[number]],
        }))}
      />
      <TextField
        path="relapse.priorTreatmentEpisodes"
        label="Prior treatment episodes"
        hint="How many times in treatment before: 0 to 100"
        inputMode="numeric"
        width="short"
      />
    </div>
  );
}
