import 'server-only';

import { getSessionResolution } from '@/lib/auth/session';
import type { StaffSession } from '@/lib/auth/session-rules';

import type { AccessActor } from './access';

/**
 * The signed-in staff member as an AccessActor: with the current session's sign-in time, which
 * names the session that break-the-glass grants belong to (there is no session id).
 */
export async function accessActorFor(staff: StaffSession): Promise<AccessActor & StaffSession> {
  const resolution = await getSessionResolution();
  const sessionStartedAt =
    resolution.ok && resolution.staff.id === staff.id ? new Date(resolution.claims.signedInAt) : null;
  return { ...staff, sessionStartedAt };
}
