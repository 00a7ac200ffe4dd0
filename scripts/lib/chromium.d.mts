// Types for scripts/lib/chromium.mjs (plain JS: `npm test` runs it before any build).

export declare const SYSTEM_CHROMIUM_PATHS: string[];
export interface ChromiumExecutable {
  path: string;
  source: 'INTAKE_CHROMIUM_PATH' | 'system';
}
export declare function chromiumExecutable(
  env?: Record<string, string | undefined>,
  isExecutable?: (file: string) => boolean,
): ChromiumExecutable | undefined;
export declare function isExecutableFile(file: string): boolean;
