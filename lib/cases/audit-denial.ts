import 'server-only';

import type { AuditAction, AuditEntityType } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import type { DbClient } from '@/lib/db/types';

import { type CaseActor } from './actor';
import { fail, OUTCOME_MESSAGES, type Failure } from '@/lib/outcome';

/**
 * Refuses an operation the actor's role does not allow, and leaves a DENIED trace. The server
 * actions check permissions first; this is the second check, for any other caller.
 */
export async function deny(
  db: DbClient,
  actor: CaseActor,
  action: AuditAction,
  entity?: { entityType: AuditEntityType; entityId: string },
): Promise<Failure<never, never>> {
  await appendAuditEvent(
    { actorId: actor.id, action, outcome: 'DENIED', ...entity, detail: { role: actor.role } },
    { db: db },
  );
  return fail<never, never>('forbidden', OUTCOME_MESSAGES.forbidden);
}
