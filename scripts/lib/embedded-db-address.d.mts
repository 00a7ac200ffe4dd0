// Types for scripts/lib/embedded-db-address.mjs (plain JS so it runs before any build).

export declare const EMBEDDED_DB_HOST: '127.0.0.1';
export declare const DEFAULT_EMBEDDED_DB_PORT: 54329;

export type EmbeddedDatabaseErrorCode =
  | 'EMBEDDED_DB_LOCKED'
  | 'EMBEDDED_DB_LOCK_FAILED'
  | 'EMBEDDED_DB_PORT_IN_USE'
  | 'EMBEDDED_DB_PORT_DENIED'
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
  /** For EMBEDDED_DB_LOCKED: the loopback port that server's embedded database listens on, when known. */
  port?: number;
}

export declare function embeddedDatabaseUrl(port: number): string;
export declare function defaultEmbeddedDbPort(env?: Record<string, string | undefined>): number;
export declare function configuredDatabaseUrl(env?: Record<string, string | undefined>): string;
export declare function parsePort(value: number | string, name: string): number;
