import 'server-only';

import type { DbClient } from '@/lib/db/types';

import type { AuditAction, AuditEntityType, AuditOutcomeValue } from './actions';

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

const MAX_TEXT = 512;

function clip(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
}

/**
 * Appends one event (the table rejects UPDATE and DELETE, so this is the only way in).
 * Used by recordAuditEvent (request context from headers) and by the command line.
 */
export async function writeAuditEvent(db: DbClient, event: AuditEventInput, context: AuditRequestContext = {}): Promise<void> {
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
  });
}
