// The stock Prisma CLI, run through scripts/prisma.mjs with the offline WebAssembly schema engine,
// against a real PostgreSQL: every schema-management command the project relies on.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createScratchDatabase,
  dropDatabase,
  projectRoot,
  queryRows as query,
  runPrisma,
  testServerUrl,
} from './support/test-database';

const migrationNames = readdirSync(path.join(projectRoot, 'prisma', 'migrations')).filter((name) =>
  /^\d{14}_/.test(name),
);
const scratch: { name: string }[] = [];

async function scratchDatabase(label: string) {
  const database = await createScratchDatabase(label);
  scratch.push(database);
  return database;
}

async function shadowDatabases(): Promise<string[]> {
  const url = new URL(testServerUrl);
  url.pathname = '/postgres';
  const rows = await query<{ datname: string }>(
    url.toString(),
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
  );
  return rows.map((row) => row.datname);
}

/** A copy of the project's prisma/ folder and config, inside the project so `prisma/config` resolves. */
function copyOfPrismaProject(): string {
  const dir = path.join(projectRoot, 'tests', '.tmp', `prisma-project-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(projectRoot, 'prisma'), path.join(dir, 'prisma'), { recursive: true });
  cpSync(path.join(projectRoot, 'prisma.config.ts'), path.join(dir, 'prisma.config.ts'));
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  cpSync(path.join(projectRoot, 'scripts', 'prisma-engine'), path.join(dir, 'scripts', 'prisma-engine'), {
    recursive: true,
  });
  // prisma.config.ts takes the embedded database's address from here.
  cpSync(
    path.join(projectRoot, 'scripts', 'lib', 'embedded-db-address.mjs'),
    path.join(dir, 'scripts', 'lib', 'embedded-db-address.mjs'),
  );
  return dir;
}

let shadowsBefore: string[] = [];
beforeAll(async () => {
  shadowsBefore = await shadowDatabases();
});

afterAll(async () => {
  await Promise.all(scratch.map((database) => dropDatabase(database.name)));
  rmSync(path.join(projectRoot, 'tests', '.tmp'), { recursive: true, force: true });
});

describe('prisma migrate deploy', () => {
  it('applies every migration to an empty database, then finds nothing left to apply', async () => {
    const database = await scratchDatabase('deploy');

    const first = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain('All migrations have been successfully applied.');

    const applied = await query<{ migration_name: string }>(
      database.url,
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(migrationNames);
    const tables = await query<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['StaffUser', 'Case', 'AuditEvent', 'IntakeDraft']),
    );

    const second = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
    expect(second.status, second.output).toBe(0);
    expect(second.output).toContain('No pending migrations to apply.');
  });

  it('creates the database when it does not exist yet', async () => {
    const database = await scratchDatabase('create');
    await dropDatabase(database.name);

    const result = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
    expect(result.status, result.output).toBe(0);
    const rows = await query<{ count: string }>(database.url, 'SELECT count(*) FROM _prisma_migrations');
    expect(Number(rows[0]?.count)).toBe(migrationNames.length);
  });

  it('reports an unreachable server with P1001 and a non-zero exit', () => {
    const result = runPrisma(['migrate', 'deploy'], { databaseUrl: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('P1001');
    expect(result.output).toContain("Can't reach database server at `127.0.0.1:1`");
  });

  it('reports a failing migration with P3018, its name and the database error code', async () => {
    const database = await scratchDatabase('failing');
    const dir = copyOfPrismaProject();
    const broken = path.join(dir, 'prisma', 'migrations', '29990101000000_broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "Broken" (id int;\n');

    const result = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url, cwd: dir });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('P3018');
    expect(result.output).toContain('Migration name: 29990101000000_broken');
    expect(result.output).toContain('Database error code: 42601');
  });
});

describe('engine failures', () => {
  it('surfaces an engine panic as an error with its message, never a silent success', async () => {
    const database = await scratchDatabase('panic');
    // Prisma's own switch: the CLI sends the engine its debugPanic request instead of the command.
    const result = runPrisma(['migrate', 'status'], {
      databaseUrl: database.url,
      env: { FORCE_PANIC_SCHEMA_ENGINE: '1' },
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('This is the debugPanic artificial panic');
  });
});

describe('prisma migrate status', () => {
  it('reports a migrated database as up to date and an empty one as behind', async () => {
    const migrated = await scratchDatabase('status');
    expect(runPrisma(['migrate', 'deploy'], { databaseUrl: migrated.url }).status).toBe(0);

    const upToDate = runPrisma(['migrate', 'status'], { databaseUrl: migrated.url });
    expect(upToDate.status, upToDate.output).toBe(0);
    expect(upToDate.output).toContain('Database schema is up to date!');

    const empty = await scratchDatabase('status_empty');
    const behind = runPrisma(['migrate', 'status'], { databaseUrl: empty.url });
    expect(behind.status).not.toBe(0);
    expect(behind.output).toContain('have not yet been applied');
  });
});

describe('prisma migrate dev', () => {
  it('turns a schema change into a new migration, applies it, and leaves no shadow database behind', async () => {
    const database = await scratchDatabase('dev');
    const dir = copyOfPrismaProject();
    const schemaFile = path.join(dir, 'prisma', 'schema.prisma');
    writeFileSync(
      schemaFile,
      `${readFileSync(schemaFile, 'utf8')}\nmodel ReferralPartner {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`,
    );

    const result = runPrisma(['migrate', 'dev', '--name', 'add_referral_partner'], {
      databaseUrl: database.url,
      cwd: dir,
    });
    expect(result.status, result.output).toBe(0);

    const created = readdirSync(path.join(dir, 'prisma', 'migrations')).filter((name) =>
      name.endsWith('_add_referral_partner'),
    );
    expect(created).toHaveLength(1);
    const sql = readFileSync(path.join(dir, 'prisma', 'migrations', created[0]!, 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "ReferralPartner"');
    expect(sql).not.toContain('CREATE TABLE "Case"');

    const tables = await query<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_name = 'ReferralPartner'",
    );
    expect(tables).toHaveLength(1);
    const status = runPrisma(['migrate', 'status'], { databaseUrl: database.url, cwd: dir });
    expect(status.output).toContain('Database schema is up to date!');

    const again = runPrisma(['migrate', 'dev', '--name', 'nothing'], { databaseUrl: database.url, cwd: dir });
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('Already in sync');

    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });
});

describe('prisma migrate diff', () => {
  it('prints the SQL that creates the schema from nothing', async () => {
    // The wasm engine asks the configured server for its version even for a schema-only diff.
    const database = await scratchDatabase('diff_empty');
    const result = runPrisma(['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script'], {
      databaseUrl: database.url,
    });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE "Case"');
    expect(result.stdout).toContain('CREATE TYPE "StaffRole" AS ENUM');
  });

  it('finds no difference between the committed migrations and the schema', async () => {
    // Replaying the migrations needs a shadow database, created next to this one and dropped after.
    const database = await scratchDatabase('diff');
    const result = runPrisma(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      {
        databaseUrl: database.url,
      },
    );
    // --exit-code: 0 = no difference, 2 = difference. A schema edit without its migration fails here.
    expect(result.status, result.output).toBe(0);
  });
});

describe('prisma db push', () => {
  it('creates the schema in an empty database without migrations', async () => {
    const database = await scratchDatabase('push');
    // The schema's trigram indexes need pg_trgm, which the migrations create (Prisma's extension
    // support is a retiring preview that reports drift): a pushed database needs it first too.
    await query(database.url, 'CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const result = runPrisma(['db', 'push'], { databaseUrl: database.url });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('Your database is now in sync with your Prisma schema');
    const tables = await query<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(['StaffUser', 'Case', 'AuditEvent']));
  });
});

describe('prisma generate', () => {
  it('generates the client with no database and no downloaded engine', () => {
    const dir = copyOfPrismaProject();
    const result = runPrisma(['generate'], { databaseUrl: '', cwd: dir, env: { DATABASE_URL: '' } });
    expect(result.status, result.output).toBe(0);
    expect(existsSync(path.join(dir, 'lib', 'generated', 'prisma', 'client.ts'))).toBe(true);
  });
});
