import Link from 'next/link';
import type { ReactNode } from 'react';

import { IdleTimeout } from '@/components/session/idle-timeout';
import { SignOutButton } from '@/components/session/sign-out-button';
import { InsideMainLandmark } from '@/components/staff-shell/main-landmark';
import { StaffNav } from '@/components/staff-shell/staff-nav';
import { describeDuration } from '@/lib/auth/describe-duration';
import { requireStaff } from '@/lib/auth/guards';
import { getSessionTiming } from '@/lib/auth/session';
import { navFor } from '@/lib/auth/navigation';
import { ROLE_LABELS } from '@/lib/auth/permissions';

/** The signed-in area: every page below also checks its own permission (requireStaff). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const timing = await getSessionTiming();
  const items = navFor(staff.role).map(({ href, label }) => ({ href, label }));

  return (
    <div className="min-h-screen">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/dashboard" className="text-lg font-semibold text-slate-900">
              Intake
            </Link>
            <StaffNav items={items} />
          </div>
          <div className="flex items-center gap-3">
            <p className="text-sm text-slate-700">
              <span className="font-medium" data-testid="staff-name">
                {staff.displayName}
              </span>
              <span className="text-slate-500"> · {ROLE_LABELS[staff.role]}</span>
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <InsideMainLandmark>{children}</InsideMainLandmark>
      </main>
      <IdleTimeout
        idleTimeoutSeconds={timing.idleTimeoutSeconds}
        warningSeconds={timing.idleWarningSeconds}
        heartbeatSeconds={timing.heartbeatSeconds}
        absoluteRemainingMs={timing.absoluteRemainingMs}
        absoluteLimitLabel={describeDuration(timing.maxAgeSeconds)}
      />
    </div>
  );
}
