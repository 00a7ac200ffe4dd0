'use client';

import { useActionState } from 'react';

import { createFirstAdminAction } from '@/app/setup/actions';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/outcome';
import type { FirstAdminField } from '@/lib/staff/schemas';

type SetupField = FirstAdminField | 'setupCode';

export function SetupForm() {
  const [state, action] = useActionState<FormState<SetupField>, FormData>(createFirstAdminAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" aria-label="Create the first administrator">
      <FormAlert status={state.status} message={state.message} />
      <TextField
        id="setupCode"
        name="setupCode"
        label="Setup code"
        autoComplete="off"
        required
        autoFocus
        hint="Printed on the server console when Intake started."
        errors={errors.setupCode}
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <TextField
        id="displayName"
        name="displayName"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={state.values?.displayName}
        errors={errors.displayName}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, not containing the part of your email before the @.`}
        errors={errors.password}
      />
      <SubmitButton pendingLabel="Creating…">Create administrator</SubmitButton>
    </form>
  );
}
