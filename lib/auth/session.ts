import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';

import { checkSessionClaims, readSessionClaims, type SessionClaims, type SessionEndReason } from './session-claims';
import { readSessionConfig, type SessionConfig } from './session-config';
import type { StaffSession } from './staff-session';

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
export async function resolveSession(token: Record<string, unknown> | null | undefined, options: ResolveOptions = {}): Promise<SessionResolution> {
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
