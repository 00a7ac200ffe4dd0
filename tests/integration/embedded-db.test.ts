// The embedded default database (scripts/embedded-db.mjs): data survives restarts and kills, the
// lock file keeps a second server off a folder in use, and failures come with readable messages.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../scripts/embedded-db.mjs';
import { describeDatabaseUrl, ensureNextAuthSecret, type Env } from '../../scripts/lib/env.mjs';
import { freePort, queryRows as query } from './support/test-database';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULE_URL = pathToFileURL(path.join(PROJECT_ROOT, 'scripts', 'embedded-db.mjs')).href;
const LOCKED =
  /^The embedded database in .+ is already in use by another Intake server \(pid (\d+)\)\. Stop that server first, or set DATA_DIR to a different folder\.$/;

const tmpDirs: string[] = [];
const running: EmbeddedDatabase[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(running.splice(0).map((db) => db.stop()));
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** A data folder that does not exist yet, two levels below a fresh temporary folder. */
function newDataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-embedded-db-'));
  tmpDirs.push(root);
  return path.join(root, 'nested', '.data');
}

async function start(dataDir: string, port?: number, log: (message: string) => void = () => {}) {
  const db = await startEmbeddedDatabase({ dataDir, port: port ?? (await freePort()), log });
  running.push(db);
  return db;
}

async function count(url: string, table: string): Promise<number> {
  const [row] = await query<{ n: number }>(url, `select count(*)::int as n from ${table}`);
  return row!.n;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A separate Node process that starts the embedded database on `dataDir`, commits 500 rows and
 * keeps its connection open. Resolves with the child once the rows are committed.
 */
async function startHolderProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const code = `
    import pg from 'pg';
    import { startEmbeddedDatabase } from ${JSON.stringify(MODULE_URL)};
    const db = await startEmbeddedDatabase({ dataDir: process.env.DATA_DIR, port: Number(process.env.DB_PORT), log: () => {} });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('create table held (id int primary key)');
    await client.query('insert into held select generate_series(1, 500)');
    console.log('READY');
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DB_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('READY') && resolve());
    child.once('exit', (exitCode) => reject(new Error(`holder process exited (${exitCode}): ${stderr}`)));
  });
  return child;
}

describe('embedded database', () => {
  it('keeps data written through pg across a stop and a start on the same folder', async () => {
    const dataDir = newDataDir();
    const port = await freePort();

    let t = performance.now();
    const first = await start(dataDir, port);
    const firstStart = performance.now() - t;
    expect(first.url).toBe(
      `postgresql://postgres:postgres@localhost:${port}/postgres?host=${encodeURIComponent(path.resolve(dataDir))}`,
    );
    expect(fs.existsSync(path.join(dataDir, 'intake.lock'))).toBe(true);

    // Through a pool, as the app uses it: several connections at once must work (maxConnections).
    const pool = new pg.Pool({ connectionString: first.url, max: 10 });
    await pool.query('create table notes (id serial primary key, body text not null)');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => pool.query('insert into notes (body) values ($1)', [`note ${i}`])),
    );
    await pool.end();

    t = performance.now();
    await first.stop();
    const stopTime = performance.now() - t;
    expect(fs.existsSync(path.join(dataDir, 'intake.lock'))).toBe(false);

    t = performance.now();
    const second = await start(dataDir, port);
    const restart = performance.now() - t;
    const rows = await query<{ body: string }>(second.url, 'select body from notes');
    expect(rows.map((row) => row.body).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`).sort());

    console.log(`embedded db: first start ${ms(firstStart)}, stop ${ms(stopTime)}, restart ${ms(restart)}`);
  });

  it('refuses a second start on the same folder in the same process, without opening it', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    await query(first.url, 'create table t (v int); insert into t values (1)');
    const lockBefore = fs.readFileSync(path.join(dataDir, 'intake.lock'), 'utf8');

    const create = vi.spyOn(PGlite, 'create');
    const otherPort = await freePort();
    const error = await start(dataDir, otherPort).catch((err: Error) => err);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(LOCKED);
    expect((error as Error).message).toContain(`(pid ${process.pid})`);
    expect(create).not.toHaveBeenCalled(); // PGlite has no lock of its own: a second open could corrupt the folder
    expect(await canConnect(otherPort)).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'intake.lock'), 'utf8')).toBe(lockBefore); // the first keeps its lock

    // The first server is unaffected, and the folder opens cleanly afterwards.
    await query(first.url, 'insert into t values (2)');
    await first.stop();
    const again = await start(dataDir);
    expect(create).toHaveBeenCalledTimes(1); // (the spy does see the module's calls)
    expect(await count(again.url, 't')).toBe(2);
  });

  it('refuses a second start while another process holds the folder', async () => {
    const dataDir = newDataDir();
    const holder = await startHolderProcess(dataDir, await freePort());

    const error = await start(dataDir).catch((err: Error) => err);
    expect((error as Error).message).toMatch(LOCKED);
    expect((error as Error).message).toContain(`(pid ${holder.pid})`);
    expect(holder.exitCode).toBeNull(); // still running, unharmed
  });

  it('after a SIGKILL of the process holding it, clears the stale lock and keeps the committed rows', async () => {
    const dataDir = newDataDir();
    const holder = await startHolderProcess(dataDir, await freePort());
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(path.join(dataDir, 'intake.lock'))).toBe(true); // left behind by the killed process

    const messages: string[] = [];
    const db = await start(dataDir, undefined, (message) => messages.push(message));
    expect(messages.join('\n')).toMatch(
      new RegExp(`Clearing a stale lock in .+ \\(pid ${holder.pid}, started .+\\) is no longer running`),
    );
    expect(await count(db.url, 'held')).toBe(500);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'intake.lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
  });

  it('treats a lock naming our own pid, but not taken by us, as stale (pid reused after a restart)', async () => {
    const dataDir = newDataDir();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(
      path.join(dataDir, 'intake.lock'),
      JSON.stringify({ pid: process.pid, startedAt: '2020-01-01T00:00:00.000Z', token: 'earlier' }),
    );
    const messages: string[] = [];
    await start(dataDir, undefined, (message) => messages.push(message));
    expect(messages.join('\n')).toContain('Clearing a stale lock');
  });

  // Issue 13 item 2: PGlite accepts any user and password, so it must not be reachable but by this user.
  it('listens only on a Unix socket in the owner-only data folder: nothing on TCP, folder 0700, socket 0600', async () => {
    const dataDir = newDataDir();
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 }); // an existing, too open folder is narrowed
    const port = await freePort();
    const db = await start(dataDir, port);
    expect(db.socketPath).toBe(path.join(path.resolve(dataDir), `.s.PGSQL.${port}`));
    expect(fs.statSync(db.socketPath).isSocket()).toBe(true);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700); // other local users cannot reach the socket
    expect(fs.statSync(db.socketPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'intake.lock')).mode & 0o777).toBe(0o600);

    // The old way in — any name and password over TCP on 127.0.0.1 — is refused: nothing listens.
    expect(await canConnect(port)).toBe(false);
    const tcp = new pg.Client({ connectionString: `postgresql://nobody:wrong@127.0.0.1:${port}/postgres` });
    await expect(tcp.connect()).rejects.toThrow(/ECONNREFUSED/);

    // Through the socket, with the URL the app gets.
    expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('clears a socket file left by a killed server, and refuses a data folder path too long for a socket', async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, `.s.PGSQL.${port}`), ''); // stale leftover
    const db = await start(dataDir, port);
    expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);

    const tooLong = path.join(newDataDir(), 'x'.repeat(100));
    const error = await start(tooLong, port).catch((err: Error) => err);
    expect((error as Error).message).toMatch(/too long for the embedded database's socket/);
    expect(fs.existsSync(path.join(tooLong, 'intake.lock'))).toBe(false);
  });

  it('stop() is idempotent, also when called concurrently', async () => {
    const dataDir = newDataDir();
    const db = await start(dataDir);
    await Promise.all([db.stop(), db.stop()]);
    await db.stop();
    expect(fs.existsSync(path.join(dataDir, 'intake.lock'))).toBe(false);
    expect(fs.existsSync(db.socketPath)).toBe(false); // the socket is gone with the server
  });
});

describe('npm scripts on the embedded database', () => {
  it('db:migrate applies every migration to the embedded database, then refuses while a server holds it', async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    const migrate = await runScript('scripts/db-migrate.mjs', { DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(port) });
    expect(migrate.code, migrate.output).toBe(0);
    expect(migrate.output).toMatch(/\[intake\] migrations applied in \d+\.\d s/);
    expect(fs.existsSync(path.join(dataDir, 'intake.lock'))).toBe(false); // stopped cleanly

    const db = await start(dataDir, port);
    const applied = await query<{ name: string }>(
      db.url,
      'select migration_name as name from _prisma_migrations where finished_at is not null and rolled_back_at is null order by 1',
    );
    const migrationsDir = path.join(PROJECT_ROOT, 'prisma', 'migrations');
    const expected = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(applied.map((row) => row.name)).toEqual(expected);

    const refused = await runScript('scripts/db-migrate.mjs', {
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`is already in use by another Intake server (pid ${process.pid})`);
    expect(refused.output).toContain('`npm start` always does');
  });

  it('npm start refuses a data folder that a running server holds, before touching it', async () => {
    const dataDir = newDataDir();
    await start(dataDir);
    const result = await runScript('scripts/start.mjs', {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_DB_PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `[intake] could not start: The embedded database in ${dataDir} is already in use by another Intake server (pid ${process.pid}).`,
    );
    expect(fs.existsSync(path.join(dataDir, 'nextauth-secret'))).toBe(false);
  });
});

describe('start-up settings', () => {
  it('generates NEXTAUTH_SECRET once into DATA_DIR (owner-only) and reuses it', () => {
    const dataDir = newDataDir();
    const env: Env = {};
    expect(ensureNextAuthSecret(dataDir, env)).toBe('generated');
    const secret = env.NEXTAUTH_SECRET!;
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const file = path.join(dataDir, 'nextauth-secret');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const later: Env = {};
    expect(ensureNextAuthSecret(dataDir, later)).toBe('file');
    expect(later.NEXTAUTH_SECRET).toBe(secret);

    const configured: Env = { NEXTAUTH_SECRET: 'from-the-environment' };
    expect(ensureNextAuthSecret(dataDir, configured)).toBe('env');
    expect(configured.NEXTAUTH_SECRET).toBe('from-the-environment');
  });

  it('describes DATABASE_URL without its password', () => {
    expect(describeDatabaseUrl('postgresql://intake:p%40ss@db.example.org:5433/clinic?sslmode=require')).toBe(
      'db.example.org:5433/clinic as intake',
    );
    expect(describeDatabaseUrl('postgresql://intake:secret@localhost/clinic?host=/var/run/postgresql')).toBe(
      '/var/run/postgresql/clinic as intake',
    );
    expect(describeDatabaseUrl('not a url with secret')).not.toContain('secret');
  });
});

/** Runs `node <script>` in the project with the embedded-database settings given (and no DATABASE_URL). */
async function runScript(
  script: string,
  vars: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  for (const name of ['DATABASE_URL', 'NEXTAUTH_SECRET', 'HOSTNAME']) delete env[name];
  const child = spawn(process.execPath, [script], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}
