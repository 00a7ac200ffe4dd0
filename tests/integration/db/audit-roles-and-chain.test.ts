// Issue 13 item 1: the audit log is append-only against the app's own database role, and every
// event is hash-chained so a change made by the owner (who can) is found by `npm run audit:verify`.
// On the real PostgreSQL: a fresh owner role and app role, a database migrated as the owner by
// `npm run db:migrate`, then the app role is tried.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { appendAuditEvent } from '@/lib/audit/append';
import { GENESIS_HASH, chainHash, type ChainRow } from '@/lib/audit/chain';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import {
  createScratchDatabase,
  databaseUrl,
  dropDatabase,
  projectRoot,
  queryRows,
  testServerUrl,
} from '../support/test-database';

const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
const ownerRole = `intake_test_owner_${suffix}`;
const appRole = `intake_test_app_${suffix}`;
// A password too, so this works whatever authentication the test server asks for (not only trust).
const rolePassword = randomBytes(12).toString('hex');

function urlAs(role: string, database: string): string {
  const url = new URL(testServerUrl);
  url.username = role;
  url.password = rolePassword;
  url.pathname = `/${database}`;
  return url.toString();
}

const anchorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-anchor-'));
const anchorFile = path.join(anchorDir, 'audit-anchor.json');

let databaseName: string;
let ownerUrl: string;
let appUrl: string;
let app: PrismaClient;

async function onServer(sql: string) {
  await queryRows(databaseUrl('postgres'), sql);
}

beforeAll(async () => {
  await onServer(`CREATE ROLE "${ownerRole}" LOGIN PASSWORD '${rolePassword}'`);
  await onServer(`CREATE ROLE "${appRole}" LOGIN PASSWORD '${rolePassword}'`);
  const database = await createScratchDatabase('roles');
  databaseName = database.name;
  await onServer(`ALTER DATABASE "${databaseName}" OWNER TO "${ownerRole}"`);
  // PostgreSQL 15+: only the database owner may create in public; make it the owner role's.
  await queryRows(databaseUrl(databaseName), `ALTER SCHEMA public OWNER TO "${ownerRole}"`);
  ownerUrl = urlAs(ownerRole, databaseName);
  appUrl = urlAs(appRole, databaseName);
  const migrate = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (migrate.status !== 0) throw new Error(`db:migrate failed:\n${migrate.stdout}\n${migrate.stderr}`);
  app = prismaFor(appUrl);
});

afterAll(async () => {
  fs.rmSync(anchorDir, { recursive: true, force: true });
  await app?.$disconnect();
  if (databaseName) await dropDatabase(databaseName);
  await onServer(`DROP ROLE IF EXISTS "${appRole}"`);
  await onServer(`DROP ROLE IF EXISTS "${ownerRole}"`);
});

/** The i-th row, or a clear failure when there are fewer. */
function nth<T>(rows: T[], i: number): T {
  const value = rows[i];
  if (value === undefined) throw new Error(`expected at least ${i + 1} rows, got ${rows.length}`);
  return value;
}

async function asRole(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function auditVerify(url: string, args: string[] = []) {
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/cli/audit-verify.ts', ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, MIGRATION_DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

async function audit(action: 'auth.signin.success' | 'case.view', detail: Record<string, string | number>) {
  await appendAuditEvent(
    { actorId: null, action, outcome: 'SUCCESS', detail },
    { db: app, context: { requestId: 'r-1', ip: '127.0.0.1', userAgent: 'vitest' } },
  );
}

describe('the app role on the audit log', () => {
  const refused: Array<[string, string]> = [
    ['UPDATE', `UPDATE "AuditEvent" SET action = 'rewritten'`],
    ['DELETE', `DELETE FROM "AuditEvent"`],
    ['TRUNCATE', `TRUNCATE "AuditEvent"`],
    ['ALTER TABLE', `ALTER TABLE "AuditEvent" DROP COLUMN detail`],
    ['DISABLE TRIGGER', `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_or_delete`],
    ['DROP TABLE', `DROP TABLE "AuditEvent"`],
    ['DROP TRIGGER', `DROP TRIGGER audit_event_chain ON "AuditEvent"`],
  ];
  it.each(refused)('cannot %s', async (_label, sql) => {
    await audit('auth.signin.success', { n: 1 });
    await expect(asRole(appUrl, sql)).rejects.toThrow(/permission denied|must be owner|not allowed|no privileges/i);
    const rows = await queryRows<{ n: string }>(ownerUrl, `SELECT count(*)::text AS n FROM "AuditEvent"`);
    expect(Number(nth(rows, 0).n)).toBeGreaterThan(0);
  });

  it('can insert and read audit events, which the database chains', async () => {
    await audit('case.view', { shown: 2 });
    const rows = (await asRole(appUrl, `SELECT id, "prevHash", hash FROM "AuditEvent" ORDER BY id DESC LIMIT 2`)).rows;
    expect(rows).toHaveLength(2);
    expect(nth(rows, 0).hash).toMatch(/^[0-9a-f]{64}$/);
    expect(nth(rows, 0).prevHash).toBe(nth(rows, 1).hash);
  });

  it('owns nothing and cannot create tables, yet works on the other tables', async () => {
    await expect(asRole(appUrl, 'CREATE TABLE intruder (a int)')).rejects.toThrow(/permission denied/);
    const owned = await queryRows<{ n: string }>(
      ownerUrl,
      `SELECT count(*)::text AS n FROM pg_class WHERE pg_get_userbyid(relowner) = '${appRole}'`,
    );
    expect(nth(owned, 0).n).toBe('0');
    const staff = await createTestStaff(app, { role: 'CLINICIAN' });
    await app.staffUser.update({ where: { id: staff.id }, data: { displayName: 'Renamed' } });
    expect((await app.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).displayName).toBe('Renamed');
  });

  it('cannot change the migrations table', async () => {
    await expect(asRole(appUrl, `DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });
});

describe('the hash chain and npm run audit:verify', () => {
  let changedEvent: { id: string; detail: string };
  it('links concurrent inserts into one chain from the genesis hash', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit('auth.signin.success', { i })));
    const first = await queryRows<{ prevHash: string }>(
      ownerUrl,
      `SELECT "prevHash" FROM "AuditEvent" ORDER BY id LIMIT 1`,
    );
    expect(nth(first, 0).prevHash).toBe(GENESIS_HASH);
    const result = auditVerify(appUrl);
    const count = await queryRows<{ n: string }>(ownerUrl, `SELECT count(*)::text AS n FROM "AuditEvent"`);
    expect(result).toEqual({ status: 0, output: `Audit chain intact: ${nth(count, 0).n} events` });
  });

  it('chains events appended together in the order they were appended, and fails only a bad one', async () => {
    const before = nth(await queryRows<{ n: string }>(ownerUrl, `SELECT max(id)::text AS n FROM "AuditEvent"`), 0).n;
    // Sent while others are in flight, they go as multi-row INSERTs (lib/audit/append.ts): one that
    // the database refuses (an actor id that is not a uuid) must fail alone, the rest be written.
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        appendAuditEvent(
          { actorId: i === 17 ? 'not-a-uuid' : null, action: 'case.view', outcome: 'SUCCESS', detail: { order: i } },
          { db: app, context: { requestId: 'r-batch' } },
        ),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(
      Array.from({ length: 30 }, (_, i) => (i === 17 ? 'rejected' : 'fulfilled')),
    );
    const written = await queryRows<{ order: number }>(
      ownerUrl,
      `SELECT (detail->>'order')::int AS order FROM "AuditEvent" WHERE id > ${Number(before)} AND "requestId" = 'r-batch' ORDER BY id`,
    );
    const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i !== 17);
    // The first goes alone, the other 29 as one INSERT, which is refused and then retried one by one.
    expect(written.map((row) => row.order)).toEqual(expected);
    expect(auditVerify(appUrl)).toMatchObject({ status: 0 });
  });

  it('writes an anchor (the newest event id and hash) to a 0600 file with --write-anchor', async () => {
    const result = auditVerify(appUrl, ['--write-anchor', anchorFile]);
    expect(result.status).toBe(0);
    const newest = await queryRows<{ id: string; hash: string }>(
      ownerUrl,
      `SELECT e.id::text AS id, e.hash FROM "AuditEvent" e ORDER BY e.id DESC LIMIT 1`,
    );
    expect(JSON.parse(fs.readFileSync(anchorFile, 'utf8'))).toMatchObject({
      format: 'intake-audit-anchor-v1',
      eventId: nth(newest, 0).id,
      hash: nth(newest, 0).hash,
    });
    expect(fs.statSync(anchorFile).mode & 0o777).toBe(0o600);
    expect(auditVerify(appUrl, ['--anchor', anchorFile])).toMatchObject({ status: 0 });
    expect(auditVerify(appUrl, ['--anchor', path.join(anchorDir, 'absent.json')])).toMatchObject({
      status: 2,
      output: expect.stringMatching(/cannot read the anchor file .*absent\.json: ENOENT/),
    });
  });

  it('reports the exact event whose detail the owner changed', async () => {
    const ids = await queryRows<{ id: string; at: Date; detail: string }>(
      ownerUrl,
      `SELECT e.id::text AS id, e.at, e.detail::text AS detail FROM "AuditEvent" e ORDER BY e.id LIMIT 5`,
    );
    const target = nth(ids, 3);
    changedEvent = target;
    await asRole(
      ownerUrl,
      `BEGIN;
       ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_or_delete;
       UPDATE "AuditEvent" SET detail = '{"n": 2}' WHERE id = ${target.id};
       ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_or_delete;
       COMMIT;`,
    );
    expect(auditVerify(appUrl)).toEqual({
      status: 1,
      output: `Broken at event ${target.id} (${target.at.toISOString()}): hash mismatch`,
    });
  });

  it('reports the event after one the owner deleted as a broken prev link', async () => {
    // Start from an intact chain again: restore the detail changed above (then only the deletion breaks it).
    const ids = await queryRows<{ id: string; at: Date }>(
      ownerUrl,
      `SELECT e.id::text AS id, e.at FROM "AuditEvent" e ORDER BY e.id LIMIT 8`,
    );
    expect(auditVerify(appUrl).output).toMatch(/hash mismatch/);
    await asRole(
      ownerUrl,
      `BEGIN;
       ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_or_delete;
       UPDATE "AuditEvent" SET detail = '${changedEvent.detail}' WHERE id = ${changedEvent.id};
       DELETE FROM "AuditEvent" WHERE id = ${nth(ids, 6).id};
       ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_or_delete;
       COMMIT;`,
    );
    expect(auditVerify(appUrl)).toEqual({
      status: 1,
      output: `Broken at event ${nth(ids, 7).id} (${nth(ids, 7).at.toISOString()}): prev link mismatch`,
    });
  });
});

describe('an anchor kept outside the database', () => {
  it('shows a chain the owner rewrote consistently (every later hash recomputed), which the walk alone cannot', async () => {
    // The owner changes the first event and recomputes the whole chain from the genesis hash,
    // exactly as the trigger would have: the chain is "intact" again, but not the anchored hash.
    const rows = await queryRows<ChainRow>(
      ownerUrl,
      `SELECT id::text AS id, at, "actorId"::text AS "actorId", action, "entityType", "entityId",
              outcome::text AS outcome, "requestId", ip, "userAgent", detail::text AS "detailText", "prevHash", hash
         FROM "AuditEvent" ORDER BY "AuditEvent".id`,
    );
    const anchored = JSON.parse(fs.readFileSync(anchorFile, 'utf8')) as { eventId: string };
    let previous = GENESIS_HASH;
    const updates: string[] = [];
    for (const [index, original] of rows.entries()) {
      const changed = index === 0 ? { ...original, detailText: '{"rewritten": true}' } : original;
      const hash = chainHash({ ...changed, prevHash: previous });
      updates.push(
        `UPDATE "AuditEvent" SET detail = '${changed.detailText ?? 'null'}'::jsonb, "prevHash" = '${previous}', hash = '${hash}' WHERE id = ${changed.id};`,
      );
      previous = hash;
    }
    await asRole(
      ownerUrl,
      `BEGIN;
       ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_or_delete;
       ${updates.join('\n')}
       ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_or_delete;
       COMMIT;`,
    );
    expect(auditVerify(appUrl)).toEqual({ status: 0, output: `Audit chain intact: ${rows.length} events` });
    const anchoredRow = rows.find((r) => r.id === anchored.eventId);
    expect(anchoredRow).toBeDefined();
    expect(auditVerify(appUrl, ['--anchor', anchorFile])).toEqual({
      status: 1,
      output: `Broken at event ${anchored.eventId} (${anchoredRow?.at.toISOString()}): anchor mismatch (the chain up to it was rewritten)`,
    });
  });
});
