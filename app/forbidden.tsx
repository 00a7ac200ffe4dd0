'use client';

import Link from 'next/link';

import { MainLandmark, useStaffShellRole } from '@/components/staff-shell/shell-context';

/**
 * Rendered with HTTP 403 by forbidden() (lib/auth/guards.ts requireStaff, which also records the
 * access.denied event). Shows no data. A client component with no data fetch: with
 * authInterrupts Next puts this page into every page's React payload, where a client component is
 * only a module reference (issue 10). The role comes from the staff layout around it
 * (components/staff-shell/main-landmark.tsx); inside that layout its landmark is a div.
 */
export default function Forbidden() {
  const role = useStaffShellRole();
  const advice =
    role === 'ADMIN'
      ? 'Administrators manage staff accounts and the audit log; clinical records need a clinical role. To work with cases, sign in with a clinical account.'
      : 'Your role does not include this. If you need it, ask an administrator.';
  return (
    <MainLandmark className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">{advice} The attempt has been logged.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-sky-800 underline">
        Back to the dashboard
      </Link>
    </MainLandmark>
  );
}
