'use client';

import { useActionState } from 'react';

import { createReferralAction } from '@/app/(staff)/cases/[id]/referrals/actions';
import { SelectField, TextAreaField, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/outcome';
import {
  TREATMENT_LEVEL_NAMES,
  TREATMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVELS,
} from '@/lib/placement/shared/vocabulary';
import type { ReferralField } from '@/lib/referrals/schemas';

export interface ConsentChoice {
  readonly id: string;
  readonly label: string;
}

/** Creates a referral under one of the case's consents in force. Native controls only. */
export function ReferralForm({
  caseId,
  consents,
  defaultLevel,
  defaultWm,
}: {
  caseId: string;
  consents: readonly ConsentChoice[];
  defaultLevel: string;
  defaultWm: string;
}) {
  const [state, action] = useActionState<FormState<ReferralField>, FormData>(createReferralAction, { status: 'idle' });
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = (field: ReferralField) => (state.status === 'error' ? (state.fieldErrors?.[field] ?? []) : []);
  if (consents.length === 0)
    return (
      <p className="text-sm text-slate-800" data-testid="referral-no-consent">
        A referral needs a consent in force that names its recipient (or a TPO consent): record one above first.
      </p>
    );
  return (
    <form action={action} className="max-w-2xl space-y-3" aria-labelledby="referral-form-heading">
      <h3 id="referral-form-heading" className="font-semibold text-slate-900">
        New referral
      </h3>
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField
        id="referral-consent"
        name="consentId"
        label="Consent that permits it"
        defaultValue={values.consentId ?? consents[0]?.id}
        errors={errors('consentId')}
      >
        {consents.map((consent) => (
          <option key={consent.id} value={consent.id}>
            {consent.label}
          </option>
        ))}
      </SelectField>
      <TextField
        id="referral-recipient"
        name="recipientName"
        label="Recipient program"
        hint="As the consent names it"
        defaultValue={values.recipientName ?? ''}
        errors={errors('recipientName')}
      />
      <TextField
        id="referral-recipient-address"
        name="recipientAddress"
        label="Recipient address (optional)"
        defaultValue={values.recipientAddress ?? ''}
        errors={errors('recipientAddress')}
      />
      <TextField
        id="referral-recipient-contact"
        name="recipientContact"
        label="Recipient contact (optional)"
        defaultValue={values.recipientContact ?? ''}
        errors={errors('recipientContact')}
      />
      <TextAreaField
        id="referral-reason"
        name="reason"
        label="Reason for referral"
        rows={2}
        defaultValue={values.reason ?? ''}
        errors={errors('reason')}
      />
      <SelectField
        id="referral-level"
        name="requestedLevel"
        label="Level of care asked for"
        defaultValue={values.requestedLevel ?? defaultLevel}
        errors={errors('requestedLevel')}
      >
        {TREATMENT_LEVELS.map((level) => (
          <option key={level} value={level}>
            {`${level} ${TREATMENT_LEVEL_NAMES[level]}`}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="referral-wm"
        name="requestedWm"
        label="Withdrawal management asked for"
        defaultValue={values.requestedWm ?? defaultWm}
        errors={errors('requestedWm')}
      >
        {WITHDRAWAL_MANAGEMENT_LEVELS.map((level) => (
          <option key={level} value={level}>
            {`${level === 'none' ? '' : `${level} `}${WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[level]}`}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingLabel="Creating…">Create referral</SubmitButton>
      <FormAlert status={state.status} message={state.message} />
    </form>
  );
}
