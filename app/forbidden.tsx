import Link from 'next/link';

/** Rendered with HTTP 403 by forbidden() (lib/auth/guards.ts requireStaff). Shows no data. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">
        Your role does not include this. If you need it, ask an administrator. The attempt has been logged.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-sky-800 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
