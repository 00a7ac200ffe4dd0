'use client';

import { useActionState } from 'react';

import { changeOwnPasswordAction } from '@/app/signin/password/actions';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/outcome';
import type { OwnPasswordField } from '@/lib/staff/service-types';

/** Current password (the one an administrator set), the new one twice. Passwords never echo back. */
export function ChangePasswordForm() {
  const [state, action] = useActionState<FormState<OwnPasswordField>, FormData>(
    changeOwnPasswordAction,
    INITIAL_FORM_STATE,
  );
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" aria-label="Change your password">
      <FormAlert status={state.status} message={state.message} />
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Password you were given"
        autoComplete="current-password"
        required
        autoFocus
        errors={errors.currentPassword}
      />
      <TextField
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; a phrase of a few words is easy to type and hard to guess.`}
        errors={errors.newPassword}
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="New password again"
        autoComplete="new-password"
        required
        errors={errors.confirmPassword}
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
