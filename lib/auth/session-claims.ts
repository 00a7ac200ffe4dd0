// What the session token (an encrypted next-auth JWT) carries, and the time rules on it.
// Edge-safe and pure: the proxy uses it for its early redirect, and lib/auth/session.ts uses it
// before it re-checks the user in PostgreSQL.

import { isStaffRole, type StaffRole } from './permissions';
import type { SessionConfig } from './session-config';

export interface SessionClaims {
  /** StaffUser.id */
  sub: string;
  role: StaffRole;
  /** StaffUser.sessionVersion at sign-in; a bump (deactivation, password reset) ends the session. */
  sessionVersion: number;
  /** Epoch milliseconds of the sign-in (absolute limit). */
  signedInAt: number;
  /** Epoch milliseconds of the last activity the browser reported (idle limit). */
  lastActivityAt: number;
}

export type SessionEndReason = 'idle' | 'expired';

export type ClaimsCheck = { ok: true } | { ok: false; reason: SessionEndReason };

/** The claims of a decoded token, or null when it is not one of ours (or is malformed). */
export function readSessionClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { sub, role, sessionVersion, signedInAt, lastActivityAt } = token;
  if (typeof sub !== 'string' || sub === '') return null;
  if (!isStaffRole(role)) return null;
  if (typeof sessionVersion !== 'number' || !Number.isInteger(sessionVersion)) return null;
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return null;
  if (typeof lastActivityAt !== 'number' || !Number.isFinite(lastActivityAt)) return null;
  return { sub, role, sessionVersion, signedInAt, lastActivityAt };
}

/** Applies the absolute and idle limits at `nowMs`. The absolute limit wins when both apply. */
export function checkSessionClaims(claims: SessionClaims, nowMs: number, config: SessionConfig): ClaimsCheck {
  if (nowMs - claims.signedInAt >= config.maxAgeSeconds * 1000) return { ok: false, reason: 'expired' };
  if (nowMs - claims.lastActivityAt >= config.idleTimeoutSeconds * 1000) return { ok: false, reason: 'idle' };
  return { ok: true };
}
