// Runs before every page and API request (Next 16's name for middleware):
// 0. a Host header that does not name this server is answered 421 (lib/security/host-check.ts);
// 1. a request id (x-request-id) and a CSP nonce for the request;
// 2. next-auth's withAuth: anonymous visitors of anything but the public paths go to /signin
//    (API routes get a 401 JSON instead), with the reason when a session ran out;
// 3. security headers and Cache-Control: no-store on every response it handles, and the request
//    id as a cookie the error pages can read.
// This is the first check, not the only one: every page, server action and route handler calls
// the guards in lib/auth/guards.ts, which also re-check the user in PostgreSQL.
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';

import { signInPath, type SignInReason } from '@/lib/auth/callback-url';
import { decodeSessionToken } from '@/lib/auth/session-token';
import {
  checkSessionClaims,
  readSessionClaims,
  readSessionConfig,
  sessionCookieName,
  usesSecureCookies,
} from '@/lib/auth/session-rules';
import { misdirectedResponse } from '@/lib/security/host-check';
import {
  contentSecurityPolicy,
  newNonce,
  STATIC_SECURITY_HEADERS,
  transportSecurityHeaders,
} from '@/lib/security/headers';
import {
  NONCE_HEADER,
  REQUEST_ID_HEADER,
  REQUEST_PATH_HEADER,
  newRequestId,
  requestIdCookie,
} from '@/lib/security/request-id';

/** Reachable without a session. Everything else needs one. */
function isPublicPath(pathname: string): boolean {
  return (
    pathname === '/signin' ||
    pathname === '/setup' ||
    pathname === '/api/health' ||
    pathname === '/api/auth' ||
    pathname.startsWith('/api/auth/') ||
    pathname === '/favicon.ico' ||
    pathname === '/icon.svg' || // app/icon.svg, the site icon
    pathname === '/robots.txt'
  );
}

/**
 * A server action call (a POST naming an action). It is let through so the action itself can
 * answer "your session has ended — nothing was saved" as its form state instead of the browser
 * following a redirect it cannot use; every action checks authorization first (authorizeAction),
 * and the authorization matrix test calls each one anonymously to prove it.
 */
function isServerActionCall(request: NextRequest): boolean {
  return request.method === 'POST' && request.headers.has('next-action');
}

// Why the session check failed, per request, for the sign-in page's message.
const endReasons = new WeakMap<NextRequest, SignInReason>();

const authGate = withAuth({
  pages: { signIn: '/signin' },
  cookies: { sessionToken: { name: sessionCookieName() } },
  jwt: { decode: decodeSessionToken },
  callbacks: {
    authorized({ req, token }) {
      if (isPublicPath(req.nextUrl.pathname) || isServerActionCall(req)) return true;
      const claims = readSessionClaims(token);
      if (!claims) return false;
      const check = checkSessionClaims(claims, Date.now(), readSessionConfig());
      if (!check.ok) endReasons.set(req, check.reason);
      return check.ok;
    },
  },
});

function withSecurityHeaders(response: Response, csp: string, requestId: string): Response {
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Cache-Control', 'no-store, max-age=0');
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.append('Set-Cookie', requestIdCookie(requestId, usesSecureCookies()));
  for (const { key, value } of transportSecurityHeaders(usesSecureCookies())) response.headers.set(key, value);
  return response;
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // 0. A Host that is not this server's (DNS rebinding): 421, before anything else.
  const misdirected = misdirectedResponse(request.headers.get('host'));
  if (misdirected) return misdirected;
  const requestId = newRequestId();
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    https: usesSecureCookies(),
  });
  const { pathname, search } = request.nextUrl;

  const denied = await authGate(request as NextRequestWithAuth, event);
  if (denied) {
    if (pathname.startsWith('/api/')) {
      return withSecurityHeaders(Response.json({ error: 'Sign in to continue.' }, { status: 401 }), csp, requestId);
    }
    const reason = endReasons.get(request) ?? null;
    const target = new URL(signInPath({ callbackPath: `${pathname}${search}`, reason }), request.url);
    return withSecurityHeaders(NextResponse.redirect(target), csp, requestId);
  }

  // Overwrite whatever the client sent under these names: only the proxy sets them.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  requestHeaders.set('Content-Security-Policy', csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, requestId);
}

export const config = {
  // Everything except Next's static files (they carry the static headers from next.config.ts).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
