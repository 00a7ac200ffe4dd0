'use client';

import { createContext, useContext, type ReactNode } from 'react';

import type { StaffRole } from '@/lib/auth/permissions';

/**
 * What the 403 page needs from the staff layout around it: that it is inside the layout's `<main>`
 * (so it must not open a second one) and the signed-in role (its advice differs for an
 * administrator). Null outside the staff layout. Handed down by InsideMainLandmark
 * (./main-landmark.tsx) so app/forbidden.tsx can be a client component with no data fetch of its
 * own: it is rendered into every page's React payload (authInterrupts), not only on a 403.
 */
const StaffShell = createContext<{ readonly role: StaffRole } | null>(null);

export function StaffShellProvider({ role, children }: { role: StaffRole; children: ReactNode }) {
  return <StaffShell.Provider value={{ role }}>{children}</StaffShell.Provider>;
}

/** The signed-in role when rendered inside the staff layout, else null. */
export function useStaffShellRole(): StaffRole | null {
  return useContext(StaffShell)?.role ?? null;
}

/**
 * The main landmark of a page that can render both inside and outside the staff layout (the
 * 403 page): a `<main>` on its own, a plain `<div>` inside the layout's `<main>` — never two.
 */
export function MainLandmark({ className, children }: { className?: string; children: ReactNode }) {
  const inside = useContext(StaffShell) !== null;
  return inside ? <div className={className}>{children}</div> : <main className={className}>{children}</main>;
}
