// Types for scripts/lib/database.mjs (plain JS so it runs before any build), for TypeScript callers.
import type { EmbeddedDatabase } from '../embedded-db.mjs';
import type { Env } from './env.mjs';

export interface OpenDatabase {
  url: string;
  /** DATABASE_URL; the embedded database started by this process; or one another process runs. */
  source: 'DATABASE_URL' | 'embedded' | 'running-embedded';
  embedded: EmbeddedDatabase | undefined;
  /** Stops the embedded database when this process started it; otherwise does nothing. */
  close(): Promise<void>;
}

export declare function openDatabase(options: {
  env?: Env;
  log: (message: string) => void;
  announce?: boolean;
  ifEmbeddedInUse?: 'fail' | 'join';
}): Promise<OpenDatabase>;
