'use client';

import Link from 'next/link';
import { useSyncExternalStore } from 'react';

import { buttonClass } from '@/components/forms/styles';
import { readRequestIdCookie } from '@/lib/security/request-id';

const subscribeToNothing = () => () => {};
const readFromDocument = () => readRequestIdCookie(document.cookie);

/**
 * What an error page says: that the page could not be shown, that nothing was saved by it, and
 * the request id to quote (the server logged the error under it, lib/logger.ts). The id comes
 * from the cookie the proxy sets on every response, read once when the page mounts, so it is the
 * request that failed.
 */
export function ErrorNotice({ digest, reset }: { digest?: string; reset?: () => void }) {
  const requestId = useSyncExternalStore(subscribeToNothing, readFromDocument, () => null);
  return (
    <section aria-labelledby="error-heading" className="mx-auto max-w-xl px-4 py-16">
      <h1 id="error-heading" className="text-2xl font-semibold text-slate-900">
        This page could not be shown
      </h1>
      <p className="mt-2 text-slate-700">
        Something went wrong on the server. Nothing was saved by this error; anything you saved before it is kept. Try
        again, and if it keeps happening give the request id below to your administrator.
      </p>
      <p className="mt-4 text-sm text-slate-700" data-testid="error-request-id">
        Request <span className="font-mono">{requestId ?? 'unknown'}</span>
        {digest ? (
          <>
            {' '}
            · error <span className="font-mono">{digest}</span>
          </>
        ) : null}
      </p>
      <div className="mt-6 flex gap-3">
        {reset ? (
          <button type="button" className={buttonClass.primary} onClick={reset}>
            Try again
          </button>
        ) : null}
        <Link href="/dashboard" className={buttonClass.secondary}>
          Back to the dashboard
        </Link>
      </div>
    </section>
  );
}
