import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { SignInForm } from '@/components/auth/sign-in-form';
import { parseSignInReason, safeCallbackPath } from '@/lib/auth/callback-url';
import { describeDuration } from '@/lib/auth/describe-duration';
import { getCurrentStaff } from '@/lib/auth/session';
import { readSessionConfig } from '@/lib/auth/session-rules';
import { countStaff } from '@/lib/staff/service';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function notice(reason: ReturnType<typeof parseSignInReason>): string | null {
  const config = readSessionConfig();
  switch (reason) {
    case 'idle':
      return `Your session ended after ${describeDuration(config.idleTimeoutSeconds)} without activity. Sign in again to continue.`;
    case 'expired':
      return `Your session reached its ${describeDuration(config.maxAgeSeconds)} limit. Sign in again to continue.`;
    case 'ended':
      return 'Your session has ended. Sign in again to continue.';
    case 'signedout':
      return 'You have signed out.';
    case 'setup':
      return 'The administrator account is ready. Sign in with it.';
    default:
      return null;
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if (await getCurrentStaff()) redirect(callbackPath);
  if ((await countStaff()) === 0) redirect('/setup');
  const message = notice(parseSignInReason(first(params.reason)));
  // next-auth sends its own errors here as ?error=<code>; only codes are shown, as messages.
  const error = first(params.error) ?? null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold text-slate-900">Sign in to Intake</h1>
        <p className="mt-1 text-center text-sm text-slate-600">For program staff only. Activity is logged.</p>
        {message ? (
          <p role="status" className="mt-6 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            {message}
          </p>
        ) : null}
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackPath={callbackPath} initialError={error} />
        </div>
      </div>
    </main>
  );
}
