import type { ReactNode } from 'react';

import { StaffShellProvider } from '@/components/staff-shell/shell-context';
import { getCurrentStaff } from '@/lib/auth/session';

/**
 * Wraps the staff layout's `<main>` content so pages rendered inside it know (MainLandmark, the
 * 403 page's advice in app/forbidden.tsx). The session read is the layout's own (React `cache()`
 * in lib/auth/session.ts): no extra query.
 */
export async function InsideMainLandmark({ children }: { children: ReactNode }) {
  const staff = await getCurrentStaff();
  if (!staff) return children;
  return <StaffShellProvider role={staff.role}>{children}</StaffShellProvider>;
}
