// Where the embedded database listens, defined once for the database itself (scripts/embedded-db.mjs),
// the scripts that join a running one and prisma.config.ts. No PGlite import: cheap to load.

export const EMBEDDED_DB_HOST = '127.0.0.1';
export const DEFAULT_EMBEDDED_DB_PORT = 54329;

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

/** postgresql://postgres:postgres@127.0.0.1:<port>/postgres */
export function embeddedDatabaseUrl(port) {
  return `postgresql://postgres:postgres@${EMBEDDED_DB_HOST}:${port}/postgres`;
}

/** EMBEDDED_DB_PORT, or 54329 when it is unset. */
export function defaultEmbeddedDbPort(env = process.env) {
  return env.EMBEDDED_DB_PORT ? parsePort(env.EMBEDDED_DB_PORT, 'EMBEDDED_DB_PORT') : DEFAULT_EMBEDDED_DB_PORT;
}

/** DATABASE_URL when it is set, else the embedded database's address (prisma.config.ts). */
export function configuredDatabaseUrl(env = process.env) {
  return env.DATABASE_URL || embeddedDatabaseUrl(defaultEmbeddedDbPort(env));
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
