'use client';

import { useActionState, useState } from 'react';

import { recordConsentAction } from '@/app/(staff)/cases/[id]/referrals/actions';
import { SelectField, TextAreaField, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { PURPOSES, REVOCATION_TEXT, TPO_RECIPIENT_CLASS, TPO_REDISCLOSURE_TEXT } from '@/lib/consent/part2-wording';
import type { ConsentField } from '@/lib/consent/schemas';
import type { FormState } from '@/lib/outcome';

/** Records a signed §2.31 consent. Native controls only: Tab, arrows and Enter do everything. */
export function ConsentForm({ caseId, defaultInformation }: { caseId: string; defaultInformation: string }) {
  const [state, action] = useActionState<FormState<ConsentField>, FormData>(recordConsentAction, { status: 'idle' });
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = (field: ConsentField) => (state.status === 'error' ? (state.fieldErrors?.[field] ?? []) : []);
  const [kind, setKind] = useState(values.kind ?? 'named');
  const [expiryKind, setExpiryKind] = useState(values.expiryKind ?? 'date');
  const [signatureMethod, setSignatureMethod] = useState(values.signatureMethod ?? 'typed');
  return (
    <form action={action} className="max-w-2xl space-y-3" aria-labelledby="consent-form-heading">
      <h3 id="consent-form-heading" className="font-semibold text-slate-900">
        Record a consent
      </h3>
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField
        id="consent-kind"
        name="kind"
        label="Kind of consent"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        errors={errors('kind')}
      >
        <option value="named">One named recipient</option>
        <option value="tpo">Treatment, payment and health care operations (TPO)</option>
      </SelectField>
      <TextAreaField
        id="consent-information"
        name="information"
        label="Information to be disclosed"
        rows={2}
        defaultValue={values.information ?? defaultInformation}
        errors={errors('information')}
      />
      {kind === 'named' ? (
        <>
          <TextField
            id="consent-recipient"
            name="recipientName"
            label="Recipient (program or provider)"
            defaultValue={values.recipientName ?? ''}
            errors={errors('recipientName')}
          />
          <TextField
            id="consent-recipient-contact"
            name="recipientContact"
            label="Recipient address or contact"
            defaultValue={values.recipientContact ?? ''}
            errors={errors('recipientContact')}
          />
          <SelectField
            id="consent-purpose"
            name="purpose"
            label="Purpose"
            defaultValue={values.purpose ?? PURPOSES.referral}
            errors={errors('purpose')}
          >
            <option value={PURPOSES.referral}>Referral for treatment</option>
            <option value={PURPOSES.patientRequest}>At the request of the patient</option>
          </SelectField>
        </>
      ) : (
        <div className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-900">
          <p>
            Recipients: “{TPO_RECIPIENT_CLASS}”. Purpose: {PURPOSES.tpo}.
          </p>
          <p className="mt-1">{TPO_REDISCLOSURE_TEXT}</p>
          <input type="hidden" name="recipientName" value="" />
          <input type="hidden" name="recipientContact" value="" />
          <input type="hidden" name="purpose" value={PURPOSES.tpo} />
        </div>
      )}
      <SelectField
        id="consent-expiry-kind"
        name="expiryKind"
        label="Expires"
        value={expiryKind}
        onChange={(e) => setExpiryKind(e.target.value)}
        errors={errors('expiryKind')}
      >
        <option value="date">On a date</option>
        <option value="event">On an event</option>
        {kind === 'tpo' ? <option value="none">None (until revoked)</option> : null}
      </SelectField>
      {expiryKind === 'date' ? (
        <TextField
          id="consent-expires-on"
          name="expiresOn"
          type="date"
          label="Expiry date (last day it permits a disclosure)"
          defaultValue={values.expiresOn ?? ''}
          errors={errors('expiresOn')}
        />
      ) : (
        <input type="hidden" name="expiresOn" value="" />
      )}
      {expiryKind === 'event' ? (
        <TextField
          id="consent-expiry-event"
          name="expiryEvent"
          label="Expiry event"
          defaultValue={values.expiryEvent ?? 'end of treatment'}
          errors={errors('expiryEvent')}
        />
      ) : (
        <input type="hidden" name="expiryEvent" value="" />
      )}
      <p className="text-sm text-slate-800">{REVOCATION_TEXT}</p>
      <SelectField
        id="consent-signature-method"
        name="signatureMethod"
        label="Signature"
        value={signatureMethod}
        onChange={(e) => setSignatureMethod(e.target.value)}
        errors={errors('signatureMethod')}
      >
        <option value="typed">Typed name as electronic signature (signed now)</option>
        <option value="paper">Signed on paper (you are the witness)</option>
      </SelectField>
      <TextField
        id="consent-signature-name"
        name="signatureName"
        label="Name as signed"
        autoComplete="off"
        defaultValue={values.signatureName ?? ''}
        errors={errors('signatureName')}
      />
      {signatureMethod === 'paper' ? (
        <TextField
          id="consent-signed-on"
          name="signedOn"
          type="date"
          label="Date signed"
          defaultValue={values.signedOn ?? ''}
          errors={errors('signedOn')}
        />
      ) : (
        <input type="hidden" name="signedOn" value="" />
      )}
      <SubmitButton pendingLabel="Recording…">Record consent</SubmitButton>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}
