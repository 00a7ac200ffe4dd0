import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { ConfirmTwoFactorForm, DisableTwoFactorForm } from '@/components/auth/two-factor-enrol';
import { CHANGE_PASSWORD_PATH } from '@/lib/auth/guards';
import { getSessionResolution } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/date-time';
import { enrolmentView } from '@/lib/staff/two-factor';

export const metadata: Metadata = { title: 'Two-factor sign-in' };
// The pending secret is per person and per visit: never cached or prerendered.
export const dynamic = 'force-dynamic';

/**
 * Two-factor sign-in for the signed-in member (issue 13 item 8). Outside the staff layout, so a
 * member who must enrol first (lib/auth/guards.ts) can reach it and nothing else. The QR code is
 * an SVG rendered here on the server; the secret is shown for typing into an app, never put in a
 * URL or a log.
 */
export default async function TwoFactorPage() {
  const resolution = await getSessionResolution();
  if (!resolution.ok) redirect('/signin?callbackUrl=%2Faccount%2Ftwo-factor');
  if (resolution.staff.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  const { staff } = resolution;
  const view = await enrolmentView(staff.id);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <h1 className="text-center text-2xl font-semibold text-slate-900">Two-factor sign-in</h1>
        {staff.mustEnrolTwoFactor ? (
          <p
            role="status"
            className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            Your administrator requires two-factor sign-in. Set it up to continue.
          </p>
        ) : null}
        <div className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {view.enrolled ? (
            <>
              <p className="text-sm text-slate-700">
                Two-factor sign-in is on since{' '}
                <time dateTime={view.enrolledAt.toISOString()}>
                  {formatDateTime(view.enrolledAt, { withZone: true })}
                </time>
                . Recovery codes left: <span data-testid="recovery-left">{view.recoveryCodesLeft}</span>.
              </p>
              <DisableTwoFactorForm />
              <p>
                <a href="/dashboard" className="text-sm text-sky-800 underline">
                  Back to the dashboard
                </a>
              </p>
            </>
          ) : (
            <>
              <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
                <li>Open an authenticator app on your phone and add an account.</li>
                <li>Scan this code, or type the key below.</li>
                <li>Enter the 6-digit code the app shows.</li>
              </ol>
              <div
                role="img"
                aria-label="QR code for your authenticator app"
                className="mx-auto w-48"
                // The SVG comes from the qrcode library on the server, from our own otpauth URI.
                dangerouslySetInnerHTML={{ __html: view.qrSvg }}
              />
              <p className="text-sm text-slate-700">
                Key for typing in:{' '}
                <code data-testid="totp-secret" className="break-all font-mono text-slate-900">
                  {view.secret.replace(/(.{4})/g, '$1 ').trim()}
                </code>
              </p>
              <ConfirmTwoFactorForm />
            </>
          )}
        </div>
      </div>
    </main>
  );
}
