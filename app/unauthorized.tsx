'use client';

import Link from 'next/link';

/**
 * The 401 page (unauthorized(), enabled with forbidden() by authInterrupts). The app's guards send
 * a signed-out person to the sign-in page instead, so this is a fallback: in the app's style, and
 * small, because Next puts it into every page's React payload — its built-in page is ~1.5 KB of
 * inline styles there (which the CSP would block anyway). A client component: a module reference.
 */
export default function Unauthorized() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">Sign in to see this page</h1>
      <p className="mt-2 text-slate-600">Your session has ended or you are not signed in.</p>
      <Link href="/signin" className="mt-6 inline-block text-sm font-medium text-sky-800 underline">
        Go to the sign-in page
      </Link>
    </main>
  );
}
