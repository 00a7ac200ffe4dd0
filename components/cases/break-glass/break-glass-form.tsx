'use client';

import { useActionState } from 'react';

import { breakTheGlassAction } from '@/app/(staff)/cases/[id]/break-glass/actions';
import { TextAreaField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/outcome';

/** The reason for opening a case outside one's care team (≥ 10 characters, kept on the grant). */
export function BreakGlassForm({ caseId, min, max }: { caseId: string; min: number; max: number }) {
  const [state, action] = useActionState<FormState<'reason'>, FormData>(breakTheGlassAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="caseId" value={caseId} />
      <TextAreaField
        id="break-glass-reason"
        name="reason"
        label="Why do you need to open this case?"
        hint={`At least ${min} characters. Supervisors review every break-the-glass access.`}
        rows={3}
        required
        minLength={min}
        maxLength={max}
        defaultValue={state.status === 'error' ? (state.values?.reason ?? '') : ''}
        errors={state.status === 'error' ? (state.fieldErrors?.reason ?? []) : []}
        controlClassName="max-w-2xl"
      />
      <SubmitButton pendingLabel="Opening…">Break the glass and open the case</SubmitButton>
      <FormAlert status={state.status} message={state.message} />
    </form>
  );
}
