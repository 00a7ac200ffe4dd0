'use client';

import { startTransition, useActionState, useState } from 'react';

import { changeCaseStatusAction } from '@/app/(staff)/cases/[id]/workflow-actions';
import { SelectField, TextAreaField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import {
  DECLINE_REASON_CODES,
  DECLINE_REASON_LABELS,
  STATUS_REASON_MAX,
  STATUS_REASON_MIN,
  transitionLabel,
  type CaseTransition,
  type StatusChangeField,
} from '@/lib/cases/workflow/transitions';
import type { FormState } from '@/lib/outcome';

/**
 * The moves this person may make from the case's status (the page passes only those; the server
 * checks the table again), a reason where the move needs one and a reason code for DECLINED. The
 * form names the case version it shows, so a change made meanwhile is never overwritten.
 */
export function StatusChangeForm({
  caseId,
  version,
  transitions,
}: {
  caseId: string;
  version: number;
  transitions: readonly CaseTransition[];
}) {
  const [state, action, pending] = useActionState<FormState<StatusChangeField>, FormData>(changeCaseStatusAction, {
    status: 'idle',
  });
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  // Sent from onSubmit rather than as the form's action: React resets a form after its action,
  // and a reset select falls back to its first option — a move nobody chose would then be sent
  // next. What was picked counts only for the version it was picked on; after a refusal the
  // choice stays, after a change the fields start again (keyed by version) with the new moves.
  // The action is ALSO the form's action, for a submit before the page's script has run (a slow
  // phone line, a busy server): the browser then posts to the server action itself instead of
  // reloading the page and dropping the change. Once hydrated, onSubmit's preventDefault keeps
  // React from running the form action, so the change is sent once.
  const [picked, setPicked] = useState<{ readonly version: number; readonly to: string } | null>(null);
  const target = picked !== null && picked.version === version ? picked.to : (values?.toStatus ?? '');
  const chosen = transitions.find((transition) => transition.to === target) ?? transitions[0];
  const needsReason = chosen !== undefined && chosen.needs !== 'nothing';
  return (
    <form
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
      className="space-y-4 rounded-lg border-2 border-slate-400 bg-white p-4"
      aria-labelledby="status-change-heading"
    >
      <h3 id="status-change-heading" className="text-lg font-semibold text-slate-900">
        Change the status
      </h3>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <div key={version} className="space-y-4">
        <SelectField
          id="status-to"
          name="toStatus"
          label="New status"
          value={chosen?.to ?? ''}
          onChange={(event) => setPicked({ version, to: event.target.value })}
          errors={errors?.toStatus}
          controlClassName="max-w-sm"
        >
          {transitions.map((transition) => (
            <option key={transition.to} value={transition.to}>
              {transitionLabel(transition, CASE_STATUS_LABELS)}
            </option>
          ))}
        </SelectField>
        {chosen?.needs === 'reason_and_code' ? (
          <SelectField
            id="status-reason-code"
            name="reasonCode"
            label="Why is the case declined? (required)"
            defaultValue={values?.reasonCode ?? ''}
            errors={errors?.reasonCode}
            controlClassName="max-w-sm"
          >
            <option value="">Choose a reason</option>
            {DECLINE_REASON_CODES.map((code) => (
              <option key={code} value={code}>
                {DECLINE_REASON_LABELS[code]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextAreaField
          id="status-reason"
          name="reason"
          label={needsReason ? `Reason (required, at least ${STATUS_REASON_MIN} characters)` : 'Reason (optional)'}
          rows={2}
          maxLength={STATUS_REASON_MAX}
          defaultValue={values?.reason ?? ''}
          errors={errors?.reason}
          controlClassName="max-w-2xl"
        />
      </div>
      <SubmitButton disabled={pending}>{pending ? 'Changing the status…' : 'Change status'}</SubmitButton>
      <FormAlert status={state.status} message={state.message} />
    </form>
  );
}
