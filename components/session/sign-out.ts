import type { signOut as nextAuthSignOut } from 'next-auth/react';

/**
 * Ends the session on the server (POST /api/auth/signout: cookie cleared, sign-out audited),
 * then goes to `path` on the host the browser is on. next-auth's own redirect would build an
 * absolute URL from NEXTAUTH_URL (or localhost), a dead address on any other workstation; a
 * path needs no configuration and cannot leave this origin.
 */
export async function signOutAndGoTo(signOut: typeof nextAuthSignOut, path: string): Promise<void> {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error('signOutAndGoTo: a path on this site only');
  try {
    await signOut({ redirect: false });
  } finally {
    window.location.assign(path);
  }
}
