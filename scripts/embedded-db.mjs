// Embedded PostgreSQL for the zero-configuration start: PGlite (PostgreSQL in WebAssembly) behind
// its socket server, so the app, the Prisma CLI and `pg` all connect with an ordinary URL. It
// listens on a Unix socket in the data folder (0700), not on TCP: PGlite accepts any user name and
// password, so the folder's permissions are what keeps other local users out (issue 13 item 2).
// Single-user evaluation only (one session behind all connections, fsync off): see
// ../shared/notes/embedded-postgres.md and the README.
//
// Plain Node ESM on purpose: it runs before any build step.

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

import {
  DEFAULT_EMBEDDED_DB_PORT,
  EmbeddedDatabaseError,
  MAX_SOCKET_PATH_LENGTH,
  defaultEmbeddedDbPort,
  embeddedDatabaseUrl,
  embeddedSocketPath,
  parsePort,
} from './lib/embedded-db-address.mjs';
import { ensurePrivateDir } from './lib/env.mjs';

export { DEFAULT_EMBEDDED_DB_PORT, EmbeddedDatabaseError, defaultEmbeddedDbPort, embeddedDatabaseUrl };
export const LOCK_FILE_NAME = 'intake.lock';

// PGlite runs one session; the socket server queues queries from all connections onto it.
// Its default of 1 connection makes a pool's extra connections fail with ECONNRESET.
const MAX_CONNECTIONS = 50;
// An unreadable lock this young is probably being written right now by another starting process.
const FRESH_LOCK_MS = 5_000;

// Lock files this process holds (path → token), shared across copies of this module. A lock that
// names our own pid is only ours if it is listed here; otherwise an earlier process that happened
// to have the same pid left it behind (typical for pid 1 in a restarted container).
const held = (globalThis[Symbol.for('intake.embeddedDb.heldLocks')] ??= new Map());

/**
 * Starts PGlite on `<dataDir>/pgdata` and serves it on the Unix socket `<dataDir>/.s.PGSQL.<port>`
 * (the folder made 0700 first, the socket 0600). Resolves to `{ url, port, socketPath, dataDir, stop }`;
 * `stop()` is idempotent.
 */
export async function startEmbeddedDatabase({ dataDir, port = defaultEmbeddedDbPort(), log = console.log } = {}) {
  if (!dataDir) throw new TypeError('startEmbeddedDatabase: dataDir is required');
  port = parsePort(port, 'port');
  if (port === 0)
    throw new EmbeddedDatabaseError('port 0 names no socket: give a port number.', { code: 'EMBEDDED_DB_BAD_PORT' });
  const dir = path.resolve(dataDir);
  const socketPath = embeddedSocketPath(dir, port);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_LENGTH) {
    throw new EmbeddedDatabaseError(
      `The data folder's path is too long for the embedded database's socket (${socketPath}): a Unix socket path has at most ${MAX_SOCKET_PATH_LENGTH} bytes. Set DATA_DIR to a shorter path.`,
      { code: 'EMBEDDED_DB_SOCKET_FAILED' },
    );
  }
  ensurePrivateDir(dir);

  // The lock comes first: PGlite has no lock of its own, and a second open of a live folder
  // risks corrupting it.
  const releaseLock = acquireLock(dir, log, port);
  let db;
  let server;
  try {
    // We hold the lock, so a socket file left here is a dead server's (killed before it could remove it).
    fs.rmSync(socketPath, { force: true });
    const pgdata = path.join(dir, 'pgdata');
    fs.mkdirSync(pgdata, { recursive: true }); // PGlite does not create parent folders
    try {
      // pg_trgm: the case list's forgiving name search (its migration runs CREATE EXTENSION).
      db = await PGlite.create({ dataDir: pgdata, extensions: { pg_trgm } });
    } catch (err) {
      throw new EmbeddedDatabaseError(
        `Could not open the embedded database in ${displayPath(pgdata)}: ${err?.message ?? err}. ` +
          'A data folder only opens with the PGlite version that created it; move it aside (your data is in it) to start afresh.',
        { code: 'EMBEDDED_DB_OPEN_FAILED', cause: err },
      );
    }
    server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: MAX_CONNECTIONS });
    // The socket is created under this umask: owner-only from its first moment (the folder is 0700 too).
    const umask = process.umask(0o177);
    try {
      await server.start();
    } catch (err) {
      throw new EmbeddedDatabaseError(
        `Cannot listen on the socket ${displayPath(socketPath)}: ${err?.message ?? err}`,
        {
          code: 'EMBEDDED_DB_SOCKET_FAILED',
          cause: err,
        },
      );
    } finally {
      process.umask(umask);
    }
    fs.chmodSync(socketPath, 0o600); // in case the platform ignores the umask for sockets
  } catch (err) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    releaseLock();
    throw err;
  }

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      try {
        await server.stop();
      } finally {
        try {
          await db.close();
        } finally {
          releaseLock();
        }
      }
    })());

  return { url: embeddedDatabaseUrl(port, dir), port, socketPath, dataDir: dir, stop };
}

/** Takes `<dir>/intake.lock` (clearing a stale one) and returns the function that releases it. */
function acquireLock(dir, log, port) {
  const file = path.join(dir, LOCK_FILE_NAME);
  const token = randomUUID();
  // Retry after clearing a stale lock, or when the lock vanished while we looked at it.
  for (let round = 0; round < 3; round++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        // The port (the socket's name) lets a short-lived tool (npm run user:create) reach the running server instead.
        fs.writeSync(fd, `${JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString(), token })}\n`);
      } finally {
        fs.closeSync(fd);
      }
      held.set(file, token);
      return () => releaseLock(file, token);
    } catch (err) {
      if (err.code !== 'EEXIST') {
        throw new EmbeddedDatabaseError(`Cannot create the lock file ${displayPath(file)}: ${err.message}`, {
          code: 'EMBEDDED_DB_LOCK_FAILED',
          cause: err,
        });
      }
    }

    const holder = readLock(file);
    if (holder === 'missing') continue;
    if (holder === 'unreadable') {
      if (ageMs(file) < FRESH_LOCK_MS) throw lockedError(dir, undefined);
      log(`Clearing an unreadable lock file ${displayPath(file)} left by an earlier start.`);
    } else if (isLockLive(file, holder)) {
      throw lockedError(dir, holder.pid, holder.port);
    } else {
      log(
        `Clearing a stale lock in ${displayPath(dir)}: the Intake server that held it (pid ${holder.pid}` +
          `${holder.startedAt ? `, started ${holder.startedAt}` : ''}) is no longer running.`,
      );
    }
    fs.rmSync(file, { force: true });
  }
  throw new EmbeddedDatabaseError(
    `Could not take the lock ${displayPath(file)}: it keeps changing. Is another server starting?`,
    {
      code: 'EMBEDDED_DB_LOCKED',
    },
  );
}

function releaseLock(file, token) {
  if (held.get(file) !== token) return;
  held.delete(file);
  // Remove it only if it is still ours (someone may have cleared it and taken over).
  const holder = readLock(file);
  if (typeof holder === 'object' && holder.token === token) fs.rmSync(file, { force: true });
}

/** Parsed lock contents, or 'missing' / 'unreadable'. */
function readLock(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const parsed = JSON.parse(text);
    return Number.isInteger(parsed?.pid) && parsed.pid > 0 ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function isLockLive(file, holder) {
  if (holder.pid === process.pid) return held.get(file) === holder.token;
  try {
    process.kill(holder.pid, 0); // signal 0: existence check only
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // exists, but belongs to another user
  }
}

function lockedError(dir, pid, port) {
  const who = pid === undefined ? 'another Intake server' : `another Intake server (pid ${pid})`;
  return new EmbeddedDatabaseError(
    `The embedded database in ${displayPath(dir)} is already in use by ${who}. ` +
      'Stop that server first, or set DATA_DIR to a different folder.',
    { code: 'EMBEDDED_DB_LOCKED', pid, port: Number.isInteger(port) && port > 0 ? port : undefined },
  );
}

function ageMs(file) {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** A path relative to the working directory when it is inside it (".data"), else absolute. */
function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
