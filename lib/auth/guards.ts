import 'server-only';

import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { describeError, logger } from '@/lib/logger';
import { fail, OUTCOME_MESSAGES, type Failure } from '@/lib/outcome';
import { REQUEST_ID_HEADER, REQUEST_PATH_HEADER } from '@/lib/security/request-id';

import { signInPath, type SignInReason } from './callback-url';
import { can, type Permission } from './permissions';
import { getSessionResolution, mayAuditAnonymousDenial, type SessionResolution } from './session';
import type { StaffSession } from './session-rules';

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

/**
 * Records the refusal; if that write fails the refusal still stands (fail closed) and is logged.
 * A refusal because the session ended (revoked, idle, expired, deactivated) records whose session
 * it was; anonymous refusals are rate-limited (mayAuditAnonymousDenial).
 */
async function recordDenied(
  who: StaffSession | SessionResolution,
  permission: Permission | undefined,
  status: 401 | 403,
): Promise<void> {
  const path = await currentPath();
  const staff = 'role' in who ? who : null;
  const ended = !('role' in who) && !who.ok && who.reason !== 'anonymous' ? who : null;
  const actorId = staff?.id ?? ended?.staffId ?? null;
  try {
    if (actorId === null && !(await mayAuditAnonymousDenial())) return;
    await appendAuditEvent({
      actorId,
      action: AUDIT_ACTIONS.ACCESS_DENIED,
      outcome: 'DENIED',
      detail: {
        permission: permission ?? null,
        status,
        ...(path ? { path: path.split('?')[0] ?? path } : {}),
        ...(staff ? { role: staff.role } : {}),
        ...(ended ? { session: ended.reason } : {}),
      },
    });
  } catch (error) {
    const requestId = (await headers()).get(REQUEST_ID_HEADER);
    logger.error('audit', 'access.denied not recorded', { requestId: requestId ?? 'unknown', ...describeError(error) });
  }
}

/** Where a person whose password an administrator set must go first. */
export const CHANGE_PASSWORD_PATH = '/signin/password';
const MUST_CHANGE_PASSWORD_MESSAGE =
  'An administrator set your password: change it first (you are being asked on the next page). Nothing was saved.';

/** Where a member must enrol in two-factor first, when an administrator requires it. */
export const TWO_FACTOR_ENROL_PATH = '/account/two-factor';
const MUST_ENROL_MESSAGE = 'Two-factor sign-in is required: set it up first (Account › Two-factor). Nothing was saved.';

/**
 * For pages and layouts. Not signed in (or the session ended): redirects to the sign-in page,
 * which comes back here afterwards. Signed in without `permission`: records an access.denied
 * audit event and renders the 403 page (app/forbidden.tsx) — never the page's data.
 */
export async function requireStaff(permission?: Permission): Promise<StaffSession> {
  const resolution = await getSessionResolution();
  if (!resolution.ok) {
    // Page-level refusals are audited too (anonymous ones rate-limited), then sent to sign-in.
    await recordDenied(resolution, permission, 401);
    redirect(signInPath({ callbackPath: await currentPath(), reason: signInReason(resolution) }));
  }
  const { staff } = resolution;
  // A password an administrator set must be changed before anything else (issue 13 item 7).
  if (staff.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  // Two-factor required and not enrolled: only the enrolment page (fail closed).
  if (staff.mustEnrolTwoFactor && permission !== 'account:two_factor') redirect(TWO_FACTOR_ENROL_PATH);
  if (permission && !can(staff.role, permission)) {
    await recordDenied(staff, permission, 403);
    forbidden();
  }
  return staff;
}

/**
 * For server actions (which are public POST endpoints), through lib/actions/define-action.ts:
 * never redirects or throws, so the action can answer "nothing was saved" and why. Refusals are
 * audited as access.denied.
 */
export async function authorizeAction(
  permission: Permission,
): Promise<{ ok: true; staff: StaffSession } | Failure<never, never>> {
  const resolution = await getSessionResolution();
  if (!resolution.ok) {
    await recordDenied(resolution, permission, 401);
    return fail('unauthenticated', OUTCOME_MESSAGES.unauthenticated);
  }
  if (resolution.staff.mustChangePassword && permission !== 'account:password')
    return fail('forbidden', MUST_CHANGE_PASSWORD_MESSAGE);
  if (resolution.staff.mustEnrolTwoFactor && permission !== 'account:two_factor')
    return fail('forbidden', MUST_ENROL_MESSAGE);
  if (!can(resolution.staff.role, permission)) {
    await recordDenied(resolution.staff, permission, 403);
    return fail('forbidden', OUTCOME_MESSAGES.forbidden);
  }
  return { ok: true, staff: resolution.staff };
}

/**
 * For route handlers that use authorizeAction: its refusal as the JSON answer, 401 when nobody is
 * signed in and 403 otherwise, never cached (the CSV export and the bulk export status and download).
 */
export function deniedRouteResponse(denied: { reason: string; message: string }): Response {
  return Response.json(
    { error: denied.message },
    { status: denied.reason === 'unauthenticated' ? 401 : 403, headers: { 'Cache-Control': 'no-store' } },
  );
}
