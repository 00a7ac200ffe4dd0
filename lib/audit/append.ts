import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

import type { AuditAction, AuditEntityType, AuditOutcomeValue } from './event-names';
import { GroupCommitQueue } from './group-commit';
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
 * Never put patient names or clinical content in `detail`. Resolves once the event is committed.
 */
export async function appendAuditEvent(event: AuditEventInput, options: AppendAuditOptions = {}): Promise<void> {
  const db = options.db ?? getPrisma();
  const context = options.context ?? (await currentRequestContext());
  // `at` is set here, as Prisma's @default(now()) did; prevHash and hash are set by the database
  // trigger (lib/audit/chain.ts).
  const values = Prisma.sql`(${new Date()}, ${event.actorId}::uuid, ${event.action}, ${event.entityType ?? null},
      ${clip(event.entityId)}, ${event.outcome}::"AuditOutcome", ${clip(context.requestId)}, ${clip(context.ip)},
      ${clip(context.userAgent)}, ${event.detail ? JSON.stringify(event.detail) : null}::jsonb)`;
  // Inside a transaction the event is part of the change it records: inserted there and then.
  if (!isClient(db)) return insertEvents(db, [values]);
  return queueFor(db).add(values);
}

/** Whether `db` is a client, not a transaction's: only a client has `$connect` (a transaction's has `$transaction`). */
function isClient(db: DbClient): db is PrismaClient {
  return '$connect' in db;
}

/** One plain INSERT of one or more events (no RETURNING, no query planning in the client). */
async function insertEvents(db: DbClient, rows: readonly Prisma.Sql[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorId", "action", "entityType", "entityId", "outcome", "requestId", "ip", "userAgent", "detail")
    VALUES ${Prisma.join(rows)}`;
}

/**
 * One group-commit queue per client (lib/audit/group-commit.ts says why). The chain trigger still
 * chains each row after the one before (a row-level trigger sees the rows its statement inserted
 * before it), so the chain is exactly what single inserts make.
 */
const queues = new WeakMap<PrismaClient, GroupCommitQueue<Prisma.Sql>>();

function queueFor(db: PrismaClient): GroupCommitQueue<Prisma.Sql> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new GroupCommitQueue((rows) => insertEvents(db, rows))));
  return queue;
}
