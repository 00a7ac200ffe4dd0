import Link from 'next/link';

import { MainLandmark } from '@/components/staff-shell/main-landmark';
import { getCurrentStaff } from '@/lib/auth/session';

/**
 * Rendered with HTTP 403 by forbidden() (lib/auth/guards.ts requireStaff). Shows no data. Inside
 * the staff layout its landmark is a div (the layout's main is the page's one main landmark).
 */
export default async function Forbidden() {
  const staff = await getCurrentStaff().catch(() => null);
  const advice =
    staff?.role === 'ADMIN'
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
