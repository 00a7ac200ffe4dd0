import 'server-only';

import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';

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

export type SessionResolution =
  | { ok: true; staff: StaffSession; claims: SessionClaims }
  /**
   * anonymous: no (readable) token · idle/expired: the time limits · revoked: the user is gone,
   * deactivated, or was signed out everywhere (sessionVersion bumped by a password reset).
   */
  | { ok: false; reason: 'anonymous' | SessionEndReason | 'revoked' };

export interface ResolveOptions {
  nowMs?: number;
  db?: DbClient;
  config?: SessionConfig;
}

/**
 * Decides whether a decoded session token still stands for a signed-in staff member: the time
 * limits first (no database needed), then the user in PostgreSQL (active, same sessionVersion).
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
  if (!timing.ok) return { ok: false, reason: timing.reason };

  const db = options.db ?? getPrisma();
  const user = await db.staffUser.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, displayName: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return { ok: false, reason: 'revoked' };
  return {
    ok: true,
    staff: { id: user.id, email: user.email, displayName: user.displayName, role: user.role },
    claims,
  };
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
    token = await decode({ token: value, secret });
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
