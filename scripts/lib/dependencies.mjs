// Whether the project's dependencies are installed: the one thing `npm test` checks before it can
// check anything else (its prerequisite check itself needs `pg`). Plain Node, no dependency.
import fs from 'node:fs';
import path from 'node:path';

/** The packages `npm test`'s steps and its prerequisite check run from node_modules. */
export const TEST_PACKAGES = ['@typescript/native', 'eslint', 'prettier', 'vitest', 'pg', '@playwright/test'];

/** One line naming what is missing from `root`'s node_modules and the command that installs it, or null. */
export function missingDependencies(root) {
  const missing = TEST_PACKAGES.filter((name) => !fs.existsSync(path.join(root, 'node_modules', name, 'package.json')));
  return missing.length === 0
    ? null
    : `Dependencies (node_modules): ${missing.join(', ')} not installed; install them: npm ci`;
}
