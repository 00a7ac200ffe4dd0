'use client';

import { useActionState, useState, type FormEvent } from 'react';

import { confirmTwoFactorAction, disableTwoFactorAction } from '@/app/account/two-factor/actions';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass } from '@/components/forms/styles';
import { SubmitButton } from '@/components/forms/submit-button';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/outcome';

/**
 * The confirmation step of enrolment: the code from the app; then the ten recovery codes, shown
 * this once (they are stored only hashed).
 */
export function ConfirmTwoFactorForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string[] } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await confirmTwoFactorAction({ code: String(form.get('code') ?? '') });
    setPending(false);
    if (result.status === 'success') {
      setCodes(result.recoveryCodes);
      setError(null);
      return;
    }
    setError({ message: result.message, ...(result.fieldErrors?.code ? { field: result.fieldErrors.code } : {}) });
  }

  if (codes) {
    return (
      <section aria-labelledby="recovery-heading" className="space-y-4">
        <FormAlert status="success" message="Two-factor sign-in is on." />
        <h2 id="recovery-heading" className="text-lg font-semibold text-slate-900">
          Your recovery codes
        </h2>
        <p className="text-sm text-slate-700">
          Each one signs you in once if you lose your phone. Keep them somewhere safe: they are shown only now.
        </p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <a href="/dashboard" className={buttonClass.primary}>
          Continue
        </a>
      </section>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" aria-label="Confirm two-factor sign-in">
      <FormAlert status={error ? 'error' : 'idle'} message={error?.message ?? null} />
      <TextField
        id="code"
        name="code"
        label="Code from the app"
        hint="The 6 digits your authenticator app shows for Intake"
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        required
        errors={error?.field}
      />
      <button type="submit" disabled={pending} aria-disabled={pending} className={`${buttonClass.primary} w-full`}>
        {pending ? 'Checking…' : 'Turn on two-factor sign-in'}
      </button>
    </form>
  );
}

/** Turning two-factor off: the password and a current (or recovery) code. */
export function DisableTwoFactorForm() {
  const [state, action] = useActionState<FormState<'password' | 'code'>, FormData>(
    disableTwoFactorAction,
    INITIAL_FORM_STATE,
  );
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" aria-label="Turn off two-factor sign-in">
      <FormAlert status={state.status} message={state.message} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        errors={errors.password}
      />
      <TextField
        id="disable-code"
        name="code"
        label="Code from the app, or a recovery code"
        autoComplete="one-time-code"
        spellCheck={false}
        required
        errors={errors.code}
      />
      <SubmitButton pendingLabel="Turning off…">Turn off two-factor sign-in</SubmitButton>
    </form>
  );
}
