import 'server-only';

import { randomBytes } from 'node:crypto';

import { cookies } from 'next/headers';
import { cache } from 'react';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';

import { isStaffRole } from './permissions';
import { decodeSessionToken } from './session-token';
import {
  activityHeartbeatSeconds,
  checkSessionClaims,
  readSessionClaims,
  readSessionConfig,
  sessionCookieName,
  sessionSecret,
  type SessionClaims,
  type SessionConfig,
  type SessionEndReason,
  type StaffSession,
} from './session-rules';

// The session of a request: the cookie decrypted, the time limits applied, the user re-checked in
// PostgreSQL. The pure rules are in ./session-rules.ts; the page and action guards in ./guards.ts.

// --- Server-side sessions ---
// AuthSession: each sign-in gets a random id ("sid") that goes into the encrypted session token;
// the session check below refuses a token whose sid is unknown or revoked. Sign-out revokes one;
// a password reset, role change or deactivation revokes every session of the person
// (lib/staff/service.ts, which also bumps StaffUser.sessionVersion, compared here too).

export type SessionRevokeReason = 'signout' | 'password_reset' | 'role_change' | 'deactivated';

/** A new sid: 32 random bytes, base64url. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** Records a new signed-in browser for `staffId` and returns its sid. */
export async function createAuthSession(staffId: string, db: DbClient = getPrisma()): Promise<string> {
  const id = newSessionId();
  await db.authSession.create({ data: { id, staffId }, select: { id: true } });
  return id;
}

/** Ends one session (sign-out). Revoking an already revoked or unknown sid does nothing. */
export async function revokeAuthSession(
  sid: string,
  reason: SessionRevokeReason,
  db: DbClient = getPrisma(),
  now: Date = new Date(),
): Promise<void> {
  await db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: now, reason } });
}

/** Moves lastSeenAt forward on the activity heartbeat (an open session only). */
export async function touchAuthSession(sid: string, db: DbClient = getPrisma(), now: Date = new Date()): Promise<void> {
  await db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { lastSeenAt: now } });
}

// --- The session check ---

export type SessionResolution =
  | { ok: true; staff: StaffSession; claims: SessionClaims }
  /**
   * anonymous: no (readable) token · idle/expired: the time limits · revoked: the server-side
   * session (AuthSession) is unknown or revoked (sign-out, password reset, role change,
   * deactivation), or the user is gone, deactivated, or their sessionVersion moved on.
   */
  | { ok: false; reason: 'anonymous' }
  /** staffId: whose session it was (from a token we decrypted), for the audit log. */
  | { ok: false; reason: SessionEndReason | 'revoked'; staffId: string };

export interface ResolveOptions {
  nowMs?: number;
  db?: DbClient;
  config?: SessionConfig;
}

/**
 * Decides whether a decoded session token still stands for a signed-in staff member: the time
 * limits first (no database needed), then in PostgreSQL, in one query, the token's AuthSession
 * (known, not revoked) joined to its user (active, same sessionVersion).
 * Runs on every request that needs a session, so a deactivation or password reset takes effect on
 * the next request. The role comes from the database, not from the token.
 */
export async function resolveSession(
  token: Record<string, unknown> | null | undefined,
  options: ResolveOptions = {},
): Promise<SessionResolution> {
  const claims = readSessionClaims(token);
  if (!claims) return { ok: false, reason: 'anonymous' };
  const timing = checkSessionClaims(claims, options.nowMs ?? Date.now(), options.config ?? readSessionConfig());
  if (!timing.ok) return { ok: false, reason: timing.reason, staffId: claims.sub };

  const db = options.db ?? getPrisma();
  // One round trip: the server-side session and its staff member together.
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt", u.id, u.email, u."displayName", u.role::text AS role, u.active, u."sessionVersion",
      u."mustChangePassword", u."totpEnrolledAt" IS NOT NULL AS "twoFactorEnrolled",
      COALESCE((SELECT value FROM "SystemSetting" WHERE key = 'two_factor_required'), false) AS "twoFactorRequired"
    FROM "AuthSession" s JOIN "StaffUser" u ON u.id = s."staffId"
    WHERE s.id = ${claims.sid} AND u.id::text = ${claims.sub}`;
  const row = rows[0];
  const revoked = { ok: false, reason: 'revoked', staffId: claims.sub } as const;
  if (!row || row.revokedAt !== null || !row.active || row.sessionVersion !== claims.sessionVersion) return revoked;
  if (!isStaffRole(row.role)) return revoked;
  return {
    ok: true,
    staff: {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      ...(row.mustChangePassword ? { mustChangePassword: true } : {}),
      ...(row.twoFactorRequired && !row.twoFactorEnrolled ? { mustEnrolTwoFactor: true } : {}),
    },
    claims,
  };
}

interface SessionRow {
  revokedAt: Date | null;
  id: string;
  email: string;
  displayName: string;
  role: string;
  active: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  twoFactorEnrolled: boolean;
  twoFactorRequired: boolean;
}

/**
 * The current request's session, resolved once per request (React cache): the cookie is
 * decrypted here and the user re-checked in PostgreSQL (lib/auth/session.ts).
 */
export const getSessionResolution = cache(async (): Promise<SessionResolution> => {
  const secret = sessionSecret();
  const value = (await cookies()).get(sessionCookieName())?.value;
  if (!secret || !value) return { ok: false, reason: 'anonymous' };
  let token: Record<string, unknown> | null;
  try {
    token = await decodeSessionToken({ token: value, secret });
  } catch {
    token = null; // expired, tampered with, or signed with another secret
  }
  return resolveSession(token);
});

/** What the browser's idle timer needs: the limits and how long until the absolute one. */
export async function getSessionTiming(): Promise<
  SessionConfig & { heartbeatSeconds: number; absoluteRemainingMs: number }
> {
  const config = readSessionConfig();
  const resolution = await getSessionResolution();
  const signedInAt = resolution.ok ? resolution.claims.signedInAt : Date.now();
  return {
    ...config,
    heartbeatSeconds: activityHeartbeatSeconds(config),
    absoluteRemainingMs: signedInAt + config.maxAgeSeconds * 1000 - Date.now(),
  };
}

/** The signed-in, active staff member, or null. Never redirects. */
export async function getCurrentStaff(): Promise<StaffSession | null> {
  const resolution = await getSessionResolution();
  return resolution.ok ? resolution.staff : null;
}

/**
 * Whether one more anonymous access.denied event may be written this minute: a fixed window in
 * RateLimitBucket shared by every app server, AUDIT_ANONYMOUS_DENIALS_PER_MINUTE (default 60), so
 * a flood of anonymous requests cannot grow the audit table without bound. Denials by a known
 * (even signed-out) staff member are always recorded.
 */
export async function mayAuditAnonymousDenial(now: Date = new Date(), db: DbClient = getPrisma()): Promise<boolean> {
  const limit = Number(process.env.AUDIT_ANONYMOUS_DENIALS_PER_MINUTE) || 60;
  const windowStartBefore = new Date(now.getTime() - 60_000);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" (key, "windowStart", count) VALUES ('audit:anonymous-denied', ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartBefore} THEN 1
                   ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartBefore} THEN ${now}
                           ELSE "RateLimitBucket"."windowStart" END
    RETURNING count`;
  return (rows[0]?.count ?? Number.POSITIVE_INFINITY) <= limit;
}
