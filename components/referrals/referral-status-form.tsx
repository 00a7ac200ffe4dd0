'use client';

import { useActionState, useId } from 'react';

import { changeReferralStatusAction } from '@/app/(staff)/cases/[id]/referrals/actions';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/outcome';
import type { ReferralStatus } from '@/lib/referrals/export-source';
import type { ReferralStatusField } from '@/lib/referrals/schemas';
import { REASON_REQUIRED, REFERRAL_STATUS_LABELS } from '@/lib/referrals/transitions';

/** One button per allowed next status; a reason field when one of them needs it. */
export function ReferralStatusForm({ referralId, next }: { referralId: string; next: readonly ReferralStatus[] }) {
  const [state, action] = useActionState<FormState<ReferralStatusField>, FormData>(changeReferralStatusAction, {
    status: 'idle',
  });
  const id = useId();
  const errors = (field: ReferralStatusField) => (state.status === 'error' ? (state.fieldErrors?.[field] ?? []) : []);
  const needsReason = next.some((status) => REASON_REQUIRED.includes(status));
  return (
    <form action={action} className="mt-2 space-y-2" aria-label="Change referral status">
      <input type="hidden" name="referralId" value={referralId} />
      {needsReason ? (
        <TextField
          id={`${id}-reason`}
          name="reason"
          label="Reason (required to decline or cancel)"
          defaultValue={state.status === 'error' ? (state.values?.reason ?? '') : ''}
          errors={errors('reason')}
          controlClassName="max-w-xl"
        />
      ) : (
        <input type="hidden" name="reason" value="" />
      )}
      <div className="flex flex-wrap gap-2">
        {next.map((status) => (
          <SubmitButton
            key={status}
            name="status"
            value={status}
            variant={status === 'cancelled' || status === 'declined' ? 'danger' : 'secondary'}
          >
            Mark {REFERRAL_STATUS_LABELS[status].toLowerCase()}
          </SubmitButton>
        ))}
      </div>
      {errors('status').length > 0 ? <p className="text-sm text-red-800">{errors('status').join(' ')}</p> : null}
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}
