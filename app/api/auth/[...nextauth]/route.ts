import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { authOptions } from '@/lib/auth/auth-options';
import { withBrowserSessionCookies } from '@/lib/auth/session-cookie';
import { sessionCookieName } from '@/lib/auth/session-rules';

// next-auth's endpoints: csrf, sign-in (credentials callback), session (the activity heartbeat),
// sign-out. Public by design; what they answer depends on the session cookie. The session cookie
// leaves without Expires/Max-Age, so it ends when the browser closes (lib/auth/session-cookie.ts).
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: RouteContext) => Promise<Response>;

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return withBrowserSessionCookies(await nextAuth(request, context), sessionCookieName());
}

export { handler as GET, handler as POST };
