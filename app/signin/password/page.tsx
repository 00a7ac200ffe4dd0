import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { getSessionResolution } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/date-time';
import { passwordResetNotice } from '@/lib/staff/service';

export const metadata: Metadata = { title: 'Change your password' };

/**
 * Where a person lands after signing in with a password an administrator set (issue 13 item 7):
 * told who set it and when, and asked for their own before anything else (lib/auth/guards.ts).
 */
export default async function ChangePasswordPage() {
  const resolution = await getSessionResolution();
  if (!resolution.ok) redirect('/signin');
  const notice = await passwordResetNotice(resolution.staff.id);
  if (!notice.mustChange) redirect('/dashboard');
  const by = notice.byName ?? 'an administrator (from the server’s command line)';
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold text-slate-900">Choose your own password</h1>
        <p
          role="status"
          className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Your password was reset by <span className="font-semibold">{by}</span>
          {notice.at ? (
            <>
              {' '}
              on <time dateTime={notice.at.toISOString()}>{formatDateTime(notice.at, { withZone: true })}</time>
            </>
          ) : null}
          . Choose a new one that only you know before you continue. If you did not expect this, tell your supervisor.
        </p>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ChangePasswordForm />
        </div>
      </div>
    </main>
  );
}
