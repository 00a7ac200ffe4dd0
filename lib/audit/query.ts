import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma } from '@/lib/generated/prisma/client';

import { AUDIT_PAGE_SIZE, type AuditCursor, type AuditFilters } from './filters';

export interface AuditRow {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  detail: Prisma.JsonValue;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Cursors for the neighbouring pages, or null at either end. */
  older: { before: bigint } | null;
  newer: { after: bigint } | null;
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.action) where.action = filters.action;
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.outcome) where.outcome = filters.outcome;
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { gte: filters.from } : {}),
      ...(filters.to ? { lt: new Date(filters.to.getTime() + 86_400_000) } : {}),
    };
  }
  return where;
}

/** One page of events, newest first, by keyset on the id (stable while new events arrive). */
export async function getAuditPage(
  filters: AuditFilters,
  cursor: AuditCursor,
  db: DbClient = getPrisma(),
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const where = whereOf(filters);
  const newerFirst = cursor !== null && 'after' in cursor;
  const events = await db.auditEvent.findMany({
    where: { ...where, ...(cursor ? { id: 'before' in cursor ? { lt: cursor.before } : { gt: cursor.after } } : {}) },
    orderBy: { id: newerFirst ? 'asc' : 'desc' },
    take: pageSize,
  });
  if (newerFirst) events.reverse();

  const newest = events[0]?.id;
  const oldest = events.at(-1)?.id;
  const [olderExists, newerExists, actors] = await Promise.all([
    oldest !== undefined
      ? db.auditEvent.findFirst({ where: { ...where, id: { lt: oldest } }, select: { id: true } })
      : null,
    newest !== undefined
      ? db.auditEvent.findFirst({ where: { ...where, id: { gt: newest } }, select: { id: true } })
      : null,
    db.staffUser.findMany({
      where: {
        id: { in: [...new Set(events.map((event) => event.actorId).filter((id): id is string => id !== null))] },
      },
      select: { id: true, displayName: true, email: true },
    }),
  ]);
  const labels = new Map(actors.map((actor) => [actor.id, `${actor.displayName} (${actor.email})`]));

  return {
    rows: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorId: event.actorId,
      actorLabel: event.actorId ? (labels.get(event.actorId) ?? event.actorId) : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      outcome: event.outcome,
      requestId: event.requestId,
      ip: event.ip,
      detail: event.detail,
    })),
    older: olderExists && oldest !== undefined ? { before: oldest } : null,
    newer: newerExists && newest !== undefined ? { after: newest } : null,
  };
}
