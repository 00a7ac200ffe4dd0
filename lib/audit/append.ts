import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';

import type { AuditAction, AuditEntityType, AuditOutcomeValue } from './event-names';
import { currentRequestContext } from './request-context';

/** Non-clinical context only: ids, roles, counts, reasons. Never names, notes or intake answers. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEventInput {
  /** The staff member who acted; null for anonymous attempts and the command line. */
  actorId: string | null;
  action: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  outcome: AuditOutcomeValue;
  detail?: AuditDetail;
}

/** Where the request came from. All optional: the command line has none of it. */
export interface AuditRequestContext {
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AppendAuditOptions {
  /**
   * A transaction client, to make the event part of the change it records: then the change and
   * its trace are saved together or not at all. Default: the shared client.
   */
  db?: DbClient;
  /**
   * Request id, IP and user agent. Default: read from the current request's headers (request id
   * from the proxy's x-request-id, or a new uuid outside a request).
   */
  context?: AuditRequestContext;
}

const MAX_TEXT = 512;

function clip(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
}

/**
 * Appends one audit event — the only way in: the table rejects UPDATE and DELETE.
 * Never put patient names or clinical content in `detail`.
 */
export async function appendAuditEvent(event: AuditEventInput, options: AppendAuditOptions = {}): Promise<void> {
  const db = options.db ?? getPrisma();
  const context = options.context ?? (await currentRequestContext());
  await db.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType ?? null,
      entityId: clip(event.entityId),
      outcome: event.outcome,
      requestId: clip(context.requestId),
      ip: clip(context.ip),
      userAgent: clip(context.userAgent),
      ...(event.detail ? { detail: event.detail } : {}),
    },
    // Nothing is read back: without a select Prisma returns (and maps) the whole new row.
    select: { id: true },
  });
}
