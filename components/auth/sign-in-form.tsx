'use client';

import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';

import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass } from '@/components/forms/styles';
import { SIGN_IN_MESSAGES } from '@/lib/auth/sign-in-messages';

function messageFor(error: string | null | undefined): string {
  if (error === 'AccountLocked') return SIGN_IN_MESSAGES.locked;
  if (error === 'CredentialsSignin') return SIGN_IN_MESSAGES.invalid;
  if (error === 'CodeRequired') return SIGN_IN_MESSAGES.codeRequired;
  if (error === 'CodeInvalid') return SIGN_IN_MESSAGES.codeInvalid;
  return SIGN_IN_MESSAGES.unavailable;
}

/**
 * Email and password, posted to next-auth's credentials endpoint. Errors are the same whether or
 * not the email has an account; the password is never kept after a failed attempt. When the
 * server answers that a two-factor code is needed (the password was right; no session yet), a
 * code field appears and the form is sent again with email, password and code.
 */
export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError?: string | null }) {
  const [error, setError] = useState<string | null>(initialError ? messageFor(initialError) : null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    let result: Awaited<ReturnType<typeof signIn>> | undefined;
    try {
      result = await signIn('credentials', {
        redirect: false,
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        ...(needsCode ? { code: String(form.get('code') ?? '') } : {}),
        callbackUrl: callbackPath,
      });
    } catch {
      result = undefined;
    }
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    setError(messageFor(result?.error));
    const codeStep = result?.error === 'CodeRequired' || result?.error === 'CodeInvalid';
    if (codeStep) {
      // The password was right: keep it for the code step, ask for the code.
      setNeedsCode(true);
      if (codeRef.current) codeRef.current.value = '';
      requestAnimationFrame(() => codeRef.current?.focus());
      return;
    }
    setNeedsCode(false);
    if (passwordRef.current) passwordRef.current.value = '';
    // Move focus to the message so keyboard and screen-reader users hear it.
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  const errors = error ? [error] : undefined;
  return (
    // method="post": should the script ever fail to load, a native submit must not put the
    // password in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-5" aria-label="Sign in">
      <FormAlert id="signin-error" ref={errorRef} tabIndex={-1} status={error ? 'error' : 'idle'} message={error} />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        autoFocus
        spellCheck={false}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? 'signin-error' : undefined}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        ref={passwordRef}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? 'signin-error' : undefined}
      />
      {needsCode ? (
        <TextField
          id="code"
          name="code"
          label="Authentication code"
          hint="6 digits from your authenticator app, or a recovery code"
          autoComplete="one-time-code"
          inputMode="text"
          spellCheck={false}
          required
          ref={codeRef}
        />
      ) : null}
      <button type="submit" disabled={pending} aria-disabled={pending} className={`${buttonClass.primary} w-full`}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
