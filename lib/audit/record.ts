import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';

import { currentRequestContext } from './request-context';
import { writeAuditEvent, type AuditEventInput } from './write';

export type { AuditDetail, AuditEventInput } from './write';
export { AUDIT_ACTIONS, type AuditAction } from './actions';

/**
 * Appends an audit event for the current request: request id (from the proxy's x-request-id, or
 * a new uuid), IP and user agent are filled in from the request headers when there is a request.
 * Pass `db` (a transaction client) to make the event part of the change it records: then the
 * change and its trace are saved together or not at all.
 * Never put patient names or clinical content in `detail`.
 */
export async function recordAuditEvent(event: AuditEventInput, db: DbClient = getPrisma()): Promise<void> {
  await writeAuditEvent(db, event, await currentRequestContext());
}
