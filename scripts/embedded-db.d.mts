// Types for scripts/embedded-db.mjs (plain JS so it runs before any build), for TypeScript callers.

export {
  DEFAULT_EMBEDDED_DB_PORT,
  EmbeddedDatabaseError,
  type EmbeddedDatabaseErrorCode,
  defaultEmbeddedDbPort,
  embeddedDatabaseUrl,
} from './lib/embedded-db-address.mjs';
export declare const LOCK_FILE_NAME: 'intake.lock';

export interface EmbeddedDatabase {
  /** postgresql://postgres:postgres@localhost:<port>/postgres?host=<dataDir> (through the Unix socket) */
  url: string;
  /** Names the socket: <dataDir>/.s.PGSQL.<port>. Nothing listens on this TCP port. */
  port: number;
  /** Absolute path of the Unix socket (mode 0600, in the 0700 data folder). */
  socketPath: string;
  /** Absolute path of the data folder (PGlite's files are in <dataDir>/pgdata). */
  dataDir: string;
  /** Stops the socket server, closes the database and removes the lock. Idempotent. */
  stop(): Promise<void>;
}

export declare function startEmbeddedDatabase(options: {
  dataDir: string;
  /** Default: EMBEDDED_DB_PORT or 54329. */
  port?: number | string;
  /** Receives notices such as "Clearing a stale lock…". Default: console.log. */
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase>;
