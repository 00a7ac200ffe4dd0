import type { ReactNode } from 'react';

import { requireStaff } from '@/lib/auth/guards';

/**
 * The permission check for the case list, above its loading.tsx boundary: a layout renders before
 * the boundary streams, so a role without case:read still gets its 403 (or the sign-in redirect)
 * as the response status instead of a 200 that then shows the refusal. The page checks again.
 */
export default async function CaseListLayout({ children }: { children: ReactNode }) {
  await requireStaff('case:read');
  return children;
}
