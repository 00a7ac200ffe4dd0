import 'server-only';

import { decode } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';

import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { recordAuditEvent } from '@/lib/audit/record';
import { REQUEST_ID_HEADER, REQUEST_PATH_HEADER } from '@/lib/security/request-id';

import { signInPath, type SignInReason } from './callback-url';
import { can, type Permission } from './permissions';
import { resolveSession, type SessionResolution } from './session';
import { activityHeartbeatSeconds, readSessionConfig, type SessionConfig } from './session-config';
import { sessionCookieName, sessionSecret } from './session-cookie';
import type { StaffSession } from './staff-session';

export type { StaffSession } from './staff-session';

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
export async function getSessionTiming(): Promise<SessionConfig & { heartbeatSeconds: number; absoluteRemainingMs: number }> {
  const config = readSessionConfig();
  const resolution = await getSessionResolution();
  const signedInAt = resolution.ok ? resolution.claims.signedInAt : Date.now();
  return { ...config, heartbeatSeconds: activityHeartbeatSeconds(config), absoluteRemainingMs: signedInAt + config.maxAgeSeconds * 1000 - Date.now() };
}

/** The signed-in, active staff member, or null. Never redirects. */
export async function getCurrentStaff(): Promise<StaffSession | null> {
  const resolution = await getSessionResolution();
  return resolution.ok ? resolution.staff : null;
}

function signInReason(resolution: SessionResolution): SignInReason | null {
  if (resolution.ok) return null;
  if (resolution.reason === 'idle') return 'idle';
  if (resolution.reason === 'expired') return 'expired';
  if (resolution.reason === 'revoked') return 'ended';
  return null;
}

async function currentPath(): Promise<string | null> {
  return (await headers()).get(REQUEST_PATH_HEADER);
}

/** Records the refusal; if that write fails the refusal still stands (fail closed) and is logged. */
async function recordDenied(staff: StaffSession | null, permission: Permission | undefined, status: 401 | 403): Promise<void> {
  const path = await currentPath();
  try {
    await recordAuditEvent({
      actorId: staff?.id ?? null,
      action: AUDIT_ACTIONS.ACCESS_DENIED,
      outcome: 'DENIED',
      detail: { permission: permission ?? null, status, ...(path ? { path: path.split('?')[0] ?? path } : {}), ...(staff ? { role: staff.role } : {}) },
    });
  } catch (error) {
    const requestId = (await headers()).get(REQUEST_ID_HEADER);
    console.error(`[audit] could not record access.denied (request ${requestId ?? 'unknown'}): ${(error as Error).message}`);
  }
}

/**
 * For pages and layouts. Not signed in (or the session ended): redirects to the sign-in page,
 * which comes back here afterwards. Signed in without `permission`: records an access.denied
 * audit event and renders the 403 page (app/forbidden.tsx) — never the page's data.
 */
export async function requireStaff(permission?: Permission): Promise<StaffSession> {
  const resolution = await getSessionResolution();
  if (!resolution.ok) redirect(signInPath({ callbackPath: await currentPath(), reason: signInReason(resolution) }));
  const { staff } = resolution;
  if (permission && !can(staff.role, permission)) {
    await recordDenied(staff, permission, 403);
    forbidden();
  }
  return staff;
}

export const NOT_SIGNED_IN_MESSAGE = 'Your session has ended. Sign in again — nothing was saved.';
export const NOT_PERMITTED_MESSAGE = 'Your role does not allow this. Nothing was changed.';

/**
 * For server actions (which are public POST endpoints): never redirects or throws, so the action
 * can return the message as its form state and the person sees that nothing was saved.
 */
export async function authorizeAction(
  permission: Permission,
): Promise<{ ok: true; staff: StaffSession } | { ok: false; status: 401 | 403; message: string }> {
  const resolution = await getSessionResolution();
  if (!resolution.ok) {
    await recordDenied(null, permission, 401);
    return { ok: false, status: 401, message: NOT_SIGNED_IN_MESSAGE };
  }
  if (!can(resolution.staff.role, permission)) {
    await recordDenied(resolution.staff, permission, 403);
    return { ok: false, status: 403, message: NOT_PERMITTED_MESSAGE };
  }
  return { ok: true, staff: resolution.staff };
}

/** For route handlers: the staff member, or a 401/403 JSON response to return as is. */
export async function authorizeRequest(permission?: Permission): Promise<StaffSession | Response> {
  const resolution = await getSessionResolution();
  const noStore = { 'Cache-Control': 'no-store' };
  if (!resolution.ok) {
    await recordDenied(null, permission, 401);
    return Response.json({ error: 'Sign in to continue.' }, { status: 401, headers: noStore });
  }
  if (permission && !can(resolution.staff.role, permission)) {
    await recordDenied(resolution.staff, permission, 403);
    return Response.json({ error: 'Your role does not allow this.' }, { status: 403, headers: noStore });
  }
  return resolution.staff;
}
