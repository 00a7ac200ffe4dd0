// The session's pure rules, edge-safe (no Node APIs, no database): what the session token carries
// and its time limits, the session settings, the cookie's name and flags, and the staff member as
// pages see them. The proxy uses these for its early redirect; lib/auth/session.ts applies them to
// a request and re-checks the user in PostgreSQL.

import { isStaffRole, type StaffRole } from './permissions';

// --- Settings ---
// Automatic logoff after 15 minutes without activity (HIPAA §164.312(a)(2)(iii)), a warning one
// minute before, and an absolute limit of 12 hours. Overridable by environment so the end-to-end
// tests can wait out a 20-second idle limit instead of 15 minutes.

export interface SessionConfig {
  /** Sign out after this long without activity. SESSION_IDLE_TIMEOUT_SECONDS, default 900. */
  idleTimeoutSeconds: number;
  /** Warn this long before the idle logoff. SESSION_IDLE_WARNING_SECONDS, default 60. */
  idleWarningSeconds: number;
  /** Sign out this long after sign-in, active or not. SESSION_MAX_AGE_SECONDS, default 43200. */
  maxAgeSeconds: number;
}

export const DEFAULT_SESSION_CONFIG: SessionConfig = {
  idleTimeoutSeconds: 15 * 60,
  idleWarningSeconds: 60,
  maxAgeSeconds: 12 * 60 * 60,
};

function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * Reads the three settings; a missing or malformed value falls back to the safe default rather
 * than failing every request. The idle limit never exceeds the absolute limit, and the warning
 * comes no earlier than half-way through the idle period.
 */
export function readSessionConfig(env: Record<string, string | undefined> = process.env): SessionConfig {
  const maxAgeSeconds = positiveInteger(env.SESSION_MAX_AGE_SECONDS) ?? DEFAULT_SESSION_CONFIG.maxAgeSeconds;
  const idleTimeoutSeconds = Math.min(
    positiveInteger(env.SESSION_IDLE_TIMEOUT_SECONDS) ?? DEFAULT_SESSION_CONFIG.idleTimeoutSeconds,
    maxAgeSeconds,
  );
  const idleWarningSeconds = Math.min(
    positiveInteger(env.SESSION_IDLE_WARNING_SECONDS) ?? DEFAULT_SESSION_CONFIG.idleWarningSeconds,
    Math.floor(idleTimeoutSeconds / 2),
  );
  return { idleTimeoutSeconds, idleWarningSeconds, maxAgeSeconds };
}

/**
 * How often the browser reports activity to the server (it refreshes the session token). A tenth
 * of the idle limit, between 1 and 30 seconds: the server may end an idle session up to this much
 * before the browser's own 15-minute count, never after.
 */
export function activityHeartbeatSeconds(config: SessionConfig): number {
  return Math.min(30, Math.max(1, Math.floor(config.idleTimeoutSeconds / 10)));
}

// --- Token claims ---
// What the session token (an encrypted next-auth JWT) carries, and the time rules on it.

export interface SessionClaims {
  /** StaffUser.id */
  sub: string;
  /** AuthSession.id: this browser's server-side session, refused once revoked. */
  sid: string;
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
  const { sub, sid, role, sessionVersion, signedInAt, lastActivityAt } = token;
  if (typeof sub !== 'string' || sub === '') return null;
  if (typeof sid !== 'string' || sid === '') return null;
  if (!isStaffRole(role)) return null;
  if (typeof sessionVersion !== 'number' || !Number.isInteger(sessionVersion)) return null;
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return null;
  if (typeof lastActivityAt !== 'number' || !Number.isFinite(lastActivityAt)) return null;
  return { sub, sid, role, sessionVersion, signedInAt, lastActivityAt };
}

/** Applies the absolute and idle limits at `nowMs`. The absolute limit wins when both apply. */
export function checkSessionClaims(claims: SessionClaims, nowMs: number, config: SessionConfig): ClaimsCheck {
  if (nowMs - claims.signedInAt >= config.maxAgeSeconds * 1000) return { ok: false, reason: 'expired' };
  if (nowMs - claims.lastActivityAt >= config.idleTimeoutSeconds * 1000) return { ok: false, reason: 'idle' };
  return { ok: true };
}

// --- Cookie ---
// The session cookie's name and flags, shared by next-auth's options, the proxy and the guards:
// Secure (and "__Secure-"-prefixed) when the app's public URL is https.

export function usesSecureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? '').startsWith('https://');
}

export function sessionCookieName(env: Record<string, string | undefined> = process.env): string {
  return `${usesSecureCookies(env) ? '__Secure-' : ''}next-auth.session-token`;
}

export function sessionSecret(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.NEXTAUTH_SECRET || env.AUTH_SECRET || undefined;
}

// --- Staff member ---

/** The signed-in staff member, as pages, actions and route handlers see them. */
export type StaffSession = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** An administrator set the password: nothing but changing it is allowed (lib/auth/guards.ts). */
  mustChangePassword?: boolean;
  /** Two-factor is required and this member has not enrolled: nothing but enrolling is allowed. */
  mustEnrolTwoFactor?: boolean;
};
