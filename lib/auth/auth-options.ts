import 'server-only';

import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { currentRequestContext } from '@/lib/audit/request-context';
import { logger } from '@/lib/logger';

import { createAuthSession, resolveSession, revokeAuthSession, touchAuthSession } from './session';
import { authenticate } from './authenticate';
import { decodeSessionToken } from './session-token';
import { readSignInLimits } from './sign-in-limits';
import {
  readSessionClaims,
  readSessionConfig,
  sessionCookieName,
  sessionSecret,
  usesSecureCookies,
} from './session-rules';

/** The error text next-auth passes to the sign-in page when an email is locked. */
const LOCKED_ERROR_CODE = 'AccountLocked';
/** …and when the sign-in throttles or the bound on concurrent password checks refuse an attempt. */
const TRY_AGAIN_ERROR_CODE = 'TryAgain';
/** …when the password is right and a two-factor code is needed (the form then shows a code field). */
const CODE_REQUIRED_ERROR_CODE = 'CodeRequired';
/** …when the two-factor code is wrong, replayed or a used recovery code. */
const CODE_INVALID_ERROR_CODE = 'CodeInvalid';

function holdRefusal(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Thrown from the jwt callback to end a session: next-auth then clears the cookie. */
class SessionEndedError extends Error {
  constructor(readonly reason: string) {
    super(`session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

function isSessionEnded(metadata: unknown): boolean {
  if (metadata instanceof SessionEndedError) return true;
  const nested = (metadata as { error?: unknown } | null)?.error;
  return nested instanceof SessionEndedError;
}

/** Error code and message only: next-auth's metadata can carry the submitted credentials. */
function describe(metadata: unknown): string {
  if (metadata instanceof Error) return metadata.message;
  const nested = (metadata as { error?: unknown; message?: unknown } | null) ?? {};
  if (nested.error instanceof Error) return nested.error.message;
  return typeof nested.message === 'string' ? nested.message : '';
}

const config = readSessionConfig();
const secure = usesSecureCookies();
const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };

/**
 * next-auth (v4) configuration: email + password (Credentials), sessions in an encrypted JWT
 * cookie carrying the user id, the server-side session id (sid, an AuthSession row), role and
 * sessionVersion. The token's own expiry is the absolute 12-hour limit; the idle limit is the
 * lastActivityAt claim, refreshed when the browser reports activity (GET /api/auth/session). Every
 * use re-checks the session and the user in PostgreSQL (lib/auth/session.ts); sign-out revokes the
 * session. The cookie itself is a browser-session cookie (app/api/auth/[...nextauth]/route.ts).
 */
export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  session: { strategy: 'jwt', maxAge: config.maxAgeSeconds },
  // Encoding stays next-auth's; decoding derives the key once (lib/auth/session-token.ts).
  jwt: { maxAge: config.maxAgeSeconds, decode: decodeSessionToken },
  pages: { signIn: '/signin', signOut: '/signin', error: '/signin' },
  useSecureCookies: secure,
  cookies: {
    sessionToken: { name: sessionCookieName(), options: cookieOptions },
    callbackUrl: { name: `${secure ? '__Secure-' : ''}next-auth.callback-url`, options: cookieOptions },
    csrfToken: { name: `${secure ? '__Host-' : ''}next-auth.csrf-token`, options: cookieOptions },
  },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Authentication code', type: 'text' },
      },
      async authorize(credentials) {
        const result = await authenticate(credentials, { context: await currentRequestContext() });
        if (result.ok) {
          const { staff } = result;
          return {
            id: staff.id,
            name: staff.displayName,
            email: staff.email,
            role: staff.role,
            sessionVersion: staff.sessionVersion,
          };
        }
        if (result.error === 'locked') throw new Error(LOCKED_ERROR_CODE);
        if (result.error === 'code_required') throw new Error(CODE_REQUIRED_ERROR_CODE);
        if (result.error === 'code_invalid') throw new Error(CODE_INVALID_ERROR_CODE);
        // Throttled or too busy: the form says "not available right now, try again in a moment" —
        // after a pause, so a flooding client's next attempt waits (lib/auth/sign-in-limits.ts).
        if (result.error === 'throttled' || result.error === 'busy') {
          await holdRefusal(readSignInLimits().refusalDelayMs);
          throw new Error(TRY_AGAIN_ERROR_CODE);
        }
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const nowMs = Date.now();
      if (user) {
        // Sign-in: a new server-side session; its id is what sign-out and the re-check use.
        const sid = await createAuthSession(user.id);
        return {
          sub: user.id,
          sid,
          name: user.name,
          email: user.email,
          role: user.role,
          sessionVersion: user.sessionVersion,
          signedInAt: nowMs,
          lastActivityAt: nowMs,
        };
      }
      // Every other call is the browser asking for its session (GET or POST /api/auth/session):
      // the activity heartbeat. Re-check everything before extending the idle deadline.
      const resolution = await resolveSession(token, { nowMs, config });
      if (!resolution.ok) throw new SessionEndedError(resolution.reason);
      const { staff } = resolution;
      await touchAuthSession(resolution.claims.sid, undefined, new Date(nowMs));
      return { ...token, name: staff.displayName, email: staff.email, role: staff.role, lastActivityAt: nowMs };
    },
    session({ session, token }) {
      // The jwt callback has just validated the token; this only shapes what the browser sees.
      const claims = readSessionClaims(token);
      if (!claims) throw new SessionEndedError('malformed');
      return {
        expires: session.expires,
        user: { id: claims.sub, name: token.name ?? '', email: token.email ?? '', role: claims.role },
      };
    },
    redirect({ url, baseUrl }) {
      // Same-site only (next-auth's default), as a path or a full URL on this origin.
      if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {
        // not a URL: fall through
      }
      return baseUrl;
    },
  },
  events: {
    async signOut({ token }) {
      // Revoke the server-side session first: a copy of this cookie is refused from now on.
      if (typeof token?.sid === 'string' && token.sid !== '') await revokeAuthSession(token.sid, 'signout');
      const actorId = typeof token?.sub === 'string' ? token.sub : null;
      await appendAuditEvent({
        actorId,
        action: AUDIT_ACTIONS.SIGNOUT,
        entityType: 'StaffUser',
        ...(actorId ? { entityId: actorId } : {}),
        outcome: 'SUCCESS',
      });
    },
  },
  logger: {
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR' && isSessionEnded(metadata)) return; // an expected logoff
      logger.error('auth', code, { detail: describe(metadata) });
    },
    warn(code) {
      logger.warn('auth', code);
    },
    debug() {},
  },
};
