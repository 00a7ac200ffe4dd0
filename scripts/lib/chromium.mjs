// Which Chromium the end-to-end tests drive. Read by playwright.config.ts and by `npm test`'s
// prerequisite check (scripts/test-prerequisites.mjs), so both look in the same place.
import fs from 'node:fs';

/** Where Debian's `chromium` package puts the browser (the first is where `apt-get install chromium` does). */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * INTAKE_CHROMIUM_PATH when it is set (whether or not anything is there: the check reports it),
 * else the system's Chromium where it is installed, else undefined: Playwright's own download.
 * Playwright cannot download its browser offline, hence the system package first.
 */
export function chromiumExecutable(env = process.env, isExecutable = isExecutableFile) {
  if (env.INTAKE_CHROMIUM_PATH) return { path: env.INTAKE_CHROMIUM_PATH, source: 'INTAKE_CHROMIUM_PATH' };
  const system = SYSTEM_CHROMIUM_PATHS.find((file) => isExecutable(file));
  return system ? { path: system, source: 'system' } : undefined;
}

export function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
