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
        <YesNoField path="mentalHealth.psychosis" legend="Signs of psychosis?" />
      </fieldset>
      <ItemizedInstrumentField path="mentalHealth.phq9" instrument={PHQ9} />
      <ItemizedInstrumentField path="mentalHealth.gad7" instrument={GAD7} />
      <TextAreaField path="notes.mentalHealth" label="Mental health notes (optional)" />
    </div>
  );
}
