// Throwaway PostgreSQL databases for integration tests: one per test run (migrated by the global
// setup) plus scratch ones for tests that need an empty database. Never a mock of the database.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

import pg from 'pg';

import { databaseUrlOn, testDatabaseServer } from '../../../scripts/lib/test-database-server.mjs';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** The server tests create their databases on; override with TEST_DATABASE_SERVER. */
export const testServerUrl = testDatabaseServer();

export function databaseUrl(name: string): string {
  return databaseUrlOn(testServerUrl, name);
}

async function withServerClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs one SQL statement on its own connection and returns the rows. */
export async function queryRows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a unique name and returns its URL. */
export async function createScratchDatabase(label: string): Promise<{ name: string; url: string }> {
  const name = `intake_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withServerClient((client) => client.query(`CREATE DATABASE "${name}"`));
  return { name, url: databaseUrl(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await withServerClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs the project's Prisma wrapper (the stock CLI with the offline engine) and captures output. */
export function runPrisma(
  args: string[],
  options: { databaseUrl: string; cwd?: string; env?: Record<string, string> },
): CommandResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'prisma.mjs'), ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

/** A loopback port that was free a moment ago (for an embedded database). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A database owned by its own owner role, migrated as it, and used by the app role (issue 13.1). */
export interface TwoRoleDatabase {
  name: string;
  /** The app role: what the server connects with (DATABASE_URL). Only SELECT and INSERT on the audit log. */
  appUrl: string;
  /** The owner role: what migrations run as (MIGRATION_DATABASE_URL). */
  ownerUrl: string;
  drop(): Promise<void>;
}

function urlAs(role: string, password: string, database: string): string {
  const url = new URL(testServerUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates an owner role and an app role (fresh names), a database owned by the owner, and runs
 * `npm run db:migrate` (scripts/db-migrate.mjs) with MIGRATION_DATABASE_URL as the owner and
 * DATABASE_URL as the app role, exactly as a deployment does: migrations, then the app role's grants.
 */
export async function createTwoRoleDatabase(label: string): Promise<TwoRoleDatabase> {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const ownerRole = `intake_test_owner_${label}_${suffix}`;
  const appRole = `intake_test_app_${label}_${suffix}`;
  // A password too, so this works whatever authentication the test server asks for (not only trust).
  const password = randomBytes(12).toString('hex');
  await withServerClient(async (client) => {
    await client.query(`CREATE ROLE "${ownerRole}" LOGIN PASSWORD '${password}'`);
    await client.query(`CREATE ROLE "${appRole}" LOGIN PASSWORD '${password}'`);
  });
  const database = await createScratchDatabase(label);
  const drop = async () => {
    await dropDatabase(database.name);
    await withServerClient(async (client) => {
      await client.query(`DROP ROLE IF EXISTS "${appRole}"`);
      await client.query(`DROP ROLE IF EXISTS "${ownerRole}"`);
    });
  };
  try {
    await withServerClient((client) => client.query(`ALTER DATABASE "${database.name}" OWNER TO "${ownerRole}"`));
    // PostgreSQL 15+: only the database owner may create in public; make it the owner role's.
    await queryRows(database.url, `ALTER SCHEMA public OWNER TO "${ownerRole}"`);
    const ownerUrl = urlAs(ownerRole, password, database.name);
    const appUrl = urlAs(appRole, password, database.name);
    const migrate = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'db-migrate.mjs')], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl },
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (migrate.status !== 0) throw new Error(`db:migrate failed:\n${migrate.stdout}\n${migrate.stderr}`);
    return { name: database.name, appUrl, ownerUrl, drop };
  } catch (err) {
    await drop();
    throw err;
  }
}
