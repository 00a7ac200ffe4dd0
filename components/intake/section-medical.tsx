'use client';

import { TextAreaField, YesNoField } from './fields';

export function MedicalSection() {
  return (
    <div className="space-y-5">
      <YesNoField
        path="biomedical.unstableMedical"
        legend="Unstable medical condition?"
        hint="For example chest pain, uncontrolled diabetes, a recent head injury."
      />
      <YesNoField path="biomedical.needs24hMedical" legend="Needs 24-hour medical care?" />
      <TextAreaField
        path="biomedical.chronicConditions"
        label="Chronic conditions (optional)"
        hint="One per line, for example asthma. Leave empty if none."
        rows={4}
      />
      <TextAreaField path="notes.medical" label="Medical notes (optional)" />
    </div>
  );
}
