'use client';

import { useActionState } from 'react';

import { revokeConsentAction } from '@/app/(staff)/cases/[id]/referrals/actions';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { RevocationField } from '@/lib/consent/schemas';
import type { FormState } from '@/lib/outcome';

export function RevokeConsentForm({ consentId }: { consentId: string }) {
  const [state, action] = useActionState<FormState<RevocationField>, FormData>(revokeConsentAction, { status: 'idle' });
  const errors = (field: RevocationField) => (state.status === 'error' ? (state.fieldErrors?.[field] ?? []) : []);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="consentId" value={consentId} />
      <TextField
        id={`revoke-method-${consentId}`}
        name="method"
        label="How the patient revoked"
        hint="e.g. signed revocation letter received"
        errors={errors('method')}
        controlClassName="max-w-xl"
      />
      <TextField
        id={`revoke-on-${consentId}`}
        name="revokedOn"
        type="date"
        label="Date revoked (empty: now)"
        errors={errors('revokedOn')}
        controlClassName="max-w-xs"
      />
      <SubmitButton variant="secondary" pendingLabel="Recording…">
        Record revocation
      </SubmitButton>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}
