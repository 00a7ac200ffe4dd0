// Types for scripts/lib/env.mjs (plain JS so it runs before any build), for TypeScript callers.

/** process.env, or any plain object standing in for it. */
export type Env = Record<string, string | undefined>;

export declare const PROJECT_ROOT: string;
export declare const DEFAULT_PORT: 3000;
export declare const DEFAULT_DATA_DIR: '.data';
export declare const SECRET_FILE_NAME: 'nextauth-secret';
export declare const PRISMA_CLI: string;

export declare function loadEnvFiles(root?: string): string[];
export declare function readSettings(env?: Env): { port: number; dataDir: string; embeddedDbPort: number };
export declare function dataDirOf(env?: Env): string;
export declare function bindHostname(env?: Env): string | undefined;
export declare function ensureNextAuthSecret(dataDir: string, env?: Env): 'env' | 'file' | 'generated';
export declare function ensurePrivateDir(dir: string): void;
export declare function describeDatabaseUrl(url: string): string;
export declare function displayPath(p: string): string;
export declare function seconds(ms: number): string;
export declare class UserError extends Error {}
export declare function errorText(err: unknown): string;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}
export declare function createRunner(): {
  readonly stopSignal: NodeJS.Signals | undefined;
  run(args: string[], options?: { env?: Env }): Promise<ChildExit>;
};
export declare function describeExit(exit: { code?: number | null; signal?: NodeJS.Signals | null }): string;
export declare function exitCodeOf(exit: { code?: number | null; signal?: NodeJS.Signals | null }): number;
