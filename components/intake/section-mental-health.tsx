'use client';

import { GAD7, PHQ9 } from '@/lib/instruments';

import { TextAreaField, YesNoField } from './fields';
import { ItemizedInstrumentField } from './instrument-fields';

export function MentalHealthSection() {
  return (
    <div className="space-y-5">
      <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold text-slate-900">Safety</legend>
        <YesNoField
          path="mentalHealth.suicidalIdeationWithPlan"
          legend="Suicidal thoughts with a plan?"
          hint="If yes: this is a psychiatric emergency — follow your program's crisis protocol now."
        />
        <YesNoField
          path="mentalHealth.suicideAttemptLast3Months"
          legend="Suicide attempt in the last 3 months?"
          hint="If yes: complete a safety assessment and a safety plan."
        />
        <YesNoField
          path="mentalHealth.homicidalIdeation"
          legend="Thoughts of seriously harming or killing someone now?"
          hint="If yes: follow the program's duty-to-warn and emergency procedure."
        />
        <YesNoField
          path="mentalHealth.psychosis"
          legend="Psychotic symptoms now that are new or not controlled?"
          hint="Answer No for a stable, treated psychotic disorder."
        />
      </fieldset>
      <ItemizedInstrumentField path="mentalHealth.phq9" instrument={PHQ9} />
      <ItemizedInstrumentField path="mentalHealth.gad7" instrument={GAD7} />
      <TextAreaField path="notes.mentalHealth" label="Mental health notes (optional)" />
    </div>
  );
}
