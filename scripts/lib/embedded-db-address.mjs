// Where the embedded database listens, defined once for the database itself (scripts/embedded-db.mjs),
// the scripts that join a running one and prisma.config.ts. No PGlite import: cheap to load.
//
// It listens on a Unix socket inside the data folder (mode 0700), never on TCP: the PGlite server
// takes any user name and password, so only this user's processes may reach it (issue 13 item 2).
// The socket's name follows PostgreSQL's convention, `<folder>/.s.PGSQL.<port>`, so pg, libpq and
// psql find it from `?host=<folder>` and the port; the port only names the socket.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_EMBEDDED_DB_PORT = 54329;
/** Linux's limit for a Unix socket path (sun_path is 108 bytes with the terminating NUL). */
export const MAX_SOCKET_PATH_LENGTH = 107;

/** An error whose message is meant for the person starting the server, as is. */
export class EmbeddedDatabaseError extends Error {
  constructor(message, { code, pid, port, cause } = {}) {
    super(message, cause ? { cause } : undefined);
    this.name = 'EmbeddedDatabaseError';
    this.code = code;
    if (pid !== undefined) this.pid = pid;
    if (port !== undefined) this.port = port;
  }
}

/** The socket the embedded database of `dataDir` listens on: `<dataDir>/.s.PGSQL.<port>`. */
export function embeddedSocketPath(dataDir, port) {
  return path.join(path.resolve(dataDir), `.s.PGSQL.${port}`);
}

/** postgresql://postgres:postgres@localhost:<port>/postgres?host=<dataDir> (the socket's folder). */
export function embeddedDatabaseUrl(port, dataDir) {
  if (!dataDir) throw new TypeError('embeddedDatabaseUrl: dataDir is required');
  return `postgresql://postgres:postgres@localhost:${port}/postgres?host=${encodeURIComponent(path.resolve(dataDir))}`;
}

/** DATA_DIR as an absolute path (relative ones are taken from the project folder). */
export function embeddedDataDirOf(env = process.env) {
  return path.resolve(PROJECT_ROOT, env.DATA_DIR || '.data');
}

/** EMBEDDED_DB_PORT, or 54329 when it is unset. */
export function defaultEmbeddedDbPort(env = process.env) {
  return env.EMBEDDED_DB_PORT ? parsePort(env.EMBEDDED_DB_PORT, 'EMBEDDED_DB_PORT') : DEFAULT_EMBEDDED_DB_PORT;
}

/** DATABASE_URL when it is set, else the embedded database's address (prisma.config.ts). */
export function configuredDatabaseUrl(env = process.env) {
  return env.DATABASE_URL || embeddedDatabaseUrl(defaultEmbeddedDbPort(env), embeddedDataDirOf(env));
}

export function parsePort(value, name) {
  const port = typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new EmbeddedDatabaseError(`${name} must be a port number (1–65535), not "${value}".`, {
      code: 'EMBEDDED_DB_BAD_PORT',
    });
  }
  return port;
}
