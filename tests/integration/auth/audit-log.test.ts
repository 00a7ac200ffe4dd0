// The audit log is append-only in the database itself (migration *_audit_append_only).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { appendAuditEvent } from '@/lib/audit/append';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';

let db: PrismaClient;
// The owner role has every privilege on the table, so only the trigger stands between it and a
// rewrite; the app role (db) is refused before the trigger by its grants (audit-roles-and-chain.test.ts).
let owner: PrismaClient;
beforeAll(() => {
  db = prismaFor(inject('databaseUrl'));
  owner = prismaFor(inject('ownerDatabaseUrl'));
});
afterAll(async () => {
  await db.$disconnect();
  await owner.$disconnect();
});

async function anEvent() {
  await appendAuditEvent(
    { actorId: null, action: 'access.denied', outcome: 'DENIED', detail: { permission: 'audit:read', status: 401 } },
    { db: db },
  );
  return db.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
}

describe('AuditEvent', () => {
  it('records an event with a request id even outside a request', async () => {
    const event = await anEvent();
    expect(event).toMatchObject({
      action: 'access.denied',
      outcome: 'DENIED',
      actorId: null,
      ip: null,
      detail: { permission: 'audit:read', status: 401 },
    });
    expect(event.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects UPDATE, even by the owner role', async () => {
    const event = await anEvent();
    await expect(owner.auditEvent.update({ where: { id: event.id }, data: { outcome: 'SUCCESS' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.$executeRaw`UPDATE "AuditEvent" SET action = 'tampered' WHERE id = ${event.id}`).rejects.toThrow(
      /append-only: UPDATE/,
    );
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      action: 'access.denied',
      outcome: 'DENIED',
    });
  });

  it('rejects DELETE and TRUNCATE, even by the owner role', async () => {
    const event = await anEvent();
    await expect(owner.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event.id}`).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(owner.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).not.toBeNull();
  });
});
