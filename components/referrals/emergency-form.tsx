'use client';

import { useActionState } from 'react';

import { recordEmergencyDisclosureAction } from '@/app/(staff)/cases/[id]/referrals/actions';
import { TextAreaField, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/outcome';
import type { EmergencyField } from '@/lib/referrals/schemas';

/** Records a §2.51 disclosure without consent. */
export function EmergencyForm({ caseId }: { caseId: string }) {
  const [state, action] = useActionState<FormState<EmergencyField>, FormData>(recordEmergencyDisclosureAction, {
    status: 'idle',
  });
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = (field: EmergencyField) => (state.status === 'error' ? (state.fieldErrors?.[field] ?? []) : []);
  return (
    <form action={action} className="max-w-2xl space-y-3" aria-labelledby="emergency-form-heading">
      <h3 id="emergency-form-heading" className="font-semibold text-slate-900">
        Record an emergency disclosure
      </h3>
      <p className="text-sm text-slate-800">
        Only for a bona fide medical emergency in which the patient&rsquo;s consent cannot be obtained (42 CFR 2.51).
      </p>
      <input type="hidden" name="caseId" value={caseId} />
      <TextField
        id="emergency-recipient"
        name="recipientName"
        label="Disclosed to (medical personnel or facility)"
        defaultValue={values.recipientName ?? ''}
        errors={errors('recipientName')}
      />
      <TextField
        id="emergency-recipient-contact"
        name="recipientContact"
        label="Their contact (optional)"
        defaultValue={values.recipientContact ?? ''}
        errors={errors('recipientContact')}
      />
      <TextAreaField
        id="emergency-reason"
        name="reason"
        label="The medical emergency"
        rows={2}
        defaultValue={values.reason ?? ''}
        errors={errors('reason')}
      />
      <TextAreaField
        id="emergency-information"
        name="information"
        label="Information disclosed"
        rows={2}
        defaultValue={values.information ?? ''}
        errors={errors('information')}
      />
      <TextField
        id="emergency-disclosed-at"
        name="disclosedAt"
        type="datetime-local"
        label="Time of disclosure (empty: now)"
        defaultValue={values.disclosedAt ?? ''}
        errors={errors('disclosedAt')}
        controlClassName="max-w-xs"
      />
      <SubmitButton variant="danger" pendingLabel="Recording…">
        Record emergency disclosure
      </SubmitButton>
      <FormAlert status={state.status} message={state.message} />
    </form>
  );
}
