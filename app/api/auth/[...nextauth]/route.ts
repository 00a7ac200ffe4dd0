import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { authOptions } from '@/lib/auth/auth-options';
import { withBrowserSessionCookies } from '@/lib/auth/session-cookie';
import { sessionCookieName } from '@/lib/auth/session-rules';
import { SIGN_IN_BODY_MAX_BYTES } from '@/lib/auth/sign-in-limits';

// next-auth's endpoints: csrf, sign-in (credentials callback), session (the activity heartbeat),
// sign-out. Public by design; what they answer depends on the session cookie. The session cookie
// leaves without Expires/Max-Age, so it ends when the browser closes (lib/auth/session-cookie.ts).
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: RouteContext) => Promise<Response>;

/** True when a POST body is over 4 KB (by its Content-Length, or by reading a copy of it). */
async function tooLarge(request: NextRequest): Promise<boolean> {
  if (request.method !== 'POST') return false;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared)) return declared > SIGN_IN_BODY_MAX_BYTES;
  const body = await request.clone().arrayBuffer();
  return body.byteLength > SIGN_IN_BODY_MAX_BYTES;
}

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  // Credential (and every other auth) bodies over 4 KB are refused before they are parsed.
  if (await tooLarge(request)) return new Response('Request body too large', { status: 413 });
  return withBrowserSessionCookies(await nextAuth(request, context), sessionCookieName());
}

export { handler as GET, handler as POST };
