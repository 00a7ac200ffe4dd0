// Types for scripts/embedded-db.mjs (plain JS so it runs before any build), for TypeScript callers.

export declare const DEFAULT_EMBEDDED_DB_PORT: 54329;
export declare const LOCK_FILE_NAME: 'intake.lock';

export type EmbeddedDatabaseErrorCode =
  | 'EMBEDDED_DB_LOCKED'
  | 'EMBEDDED_DB_LOCK_FAILED'
  | 'EMBEDDED_DB_PORT_IN_USE'
  | 'EMBEDDED_DB_PORT_DENIED'
  | 'EMBEDDED_DB_BAD_PORT'
  | 'EMBEDDED_DB_OPEN_FAILED';

export declare class EmbeddedDatabaseError extends Error {
  constructor(message: string, options?: { code?: EmbeddedDatabaseErrorCode; pid?: number; port?: number; cause?: unknown });
  code: EmbeddedDatabaseErrorCode | undefined;
  /** For EMBEDDED_DB_LOCKED: the pid of the server holding the folder, when known. */
  pid?: number;
  /** For EMBEDDED_DB_LOCKED: the loopback port that server's embedded database listens on, when known. */
  port?: number;
}

export interface EmbeddedDatabase {
  /** postgresql://postgres:postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Absolute path of the data folder (PGlite's files are in <dataDir>/pgdata). */
  dataDir: string;
  /** Stops the socket server, closes the database and removes the lock. Idempotent. */
  stop(): Promise<void>;
}

export declare function defaultEmbeddedDbPort(env?: Record<string, string | undefined>): number;

export declare function startEmbeddedDatabase(options: {
  dataDir: string;
  /** Default: EMBEDDED_DB_PORT or 54329. */
  port?: number | string;
  /** Receives notices such as "Clearing a stale lock…". Default: console.log. */
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase>;
