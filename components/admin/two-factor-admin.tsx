'use client';

import { useActionState } from 'react';

import { resetTwoFactorAction, setTwoFactorRequiredAction } from '@/app/(staff)/admin/staff/actions';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass } from '@/components/forms/styles';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/outcome';

/** The setting "two-factor sign-in required for all staff" (issue 13 item 8). */
export function TwoFactorRequiredForm({ required }: { required: boolean }) {
  const [state, action] = useActionState<FormState<'required'>, FormData>(
    setTwoFactorRequiredAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={action} className="space-y-3" aria-label="Two-factor sign-in requirement">
      <p className="text-sm text-slate-700">
        Two-factor sign-in is <strong data-testid="two-factor-required">{required ? 'required' : 'optional'}</strong>{' '}
        for all staff.
        {required ? ' Anyone not yet set up is asked to set it up at their next sign-in.' : ''}
      </p>
      <input type="hidden" name="required" value={required ? 'false' : 'true'} />
      <button type="submit" className={buttonClass.secondary}>
        {required ? 'Make two-factor optional' : 'Require two-factor for all staff'}
      </button>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}

/** Reset a member's two-factor (lost phone): they are signed out and set it up again. */
export function ResetTwoFactorButton({ staffId, email }: { staffId: string; email: string }) {
  const [state, action] = useActionState<FormState<'staffId'>, FormData>(resetTwoFactorAction, INITIAL_FORM_STATE);
  return (
    <form action={action} aria-label={`Reset two-factor sign-in for ${email}`}>
      <input type="hidden" name="staffId" value={staffId} />
      <button type="submit" className={buttonClass.secondary}>
        Reset two-factor
      </button>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}
