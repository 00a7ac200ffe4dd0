// Types for scripts/lib/dependencies.mjs (plain JS: `npm test` runs it before anything is installed).

export declare const TEST_PACKAGES: readonly string[];
export declare function missingDependencies(root: string): string | null;
