// Types for scripts/lib/embedded-db-address.mjs (plain JS so it runs before any build).

export declare const DEFAULT_EMBEDDED_DB_PORT: 54329;
export declare const MAX_SOCKET_PATH_LENGTH: 107;

export type EmbeddedDatabaseErrorCode =
  | 'EMBEDDED_DB_LOCKED'
  | 'EMBEDDED_DB_LOCK_FAILED'
  | 'EMBEDDED_DB_SOCKET_FAILED'
  | 'EMBEDDED_DB_BAD_PORT'
  | 'EMBEDDED_DB_OPEN_FAILED';

export declare class EmbeddedDatabaseError extends Error {
  constructor(
    message: string,
    options?: { code?: EmbeddedDatabaseErrorCode; pid?: number; port?: number; cause?: unknown },
  );
  code: EmbeddedDatabaseErrorCode | undefined;
  /** For EMBEDDED_DB_LOCKED: the pid of the server holding the folder, when known. */
  pid?: number;
  /** For EMBEDDED_DB_LOCKED: the port naming that server's socket (`.s.PGSQL.<port>`), when known. */
  port?: number;
}

export declare function embeddedSocketPath(dataDir: string, port: number): string;
export declare function embeddedDatabaseUrl(port: number, dataDir: string): string;
export declare function embeddedDataDirOf(env?: Record<string, string | undefined>): string;
export declare function defaultEmbeddedDbPort(env?: Record<string, string | undefined>): number;
export declare function configuredDatabaseUrl(env?: Record<string, string | undefined>): string;
export declare function parsePort(value: number | string, name: string): number;
