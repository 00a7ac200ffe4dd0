import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { missingDependencies, TEST_PACKAGES } from '../../../scripts/lib/dependencies.mjs';

// `npm test` on a clone where `npm ci` has not run: one line with the command, not a stack trace.
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function projectWith(packages: readonly string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-deps-'));
  made.push(root);
  for (const name of packages) {
    fs.mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', name, 'package.json'), '{}');
  }
  return root;
}

describe('missingDependencies', () => {
  it('is null when every package the tests run from node_modules is there (as in this checkout)', () => {
    expect(missingDependencies(projectWith(TEST_PACKAGES))).toBeNull();
    expect(missingDependencies(path.resolve(__dirname, '../../..'))).toBeNull();
  });

  it('names what is missing in one line, with the command that installs it', () => {
    expect(missingDependencies(projectWith([]))).toBe(
      `Dependencies (node_modules): ${TEST_PACKAGES.join(', ')} not installed; install them: npm ci`,
    );
    const line = missingDependencies(projectWith(TEST_PACKAGES.filter((name) => name !== 'pg')));
    expect(line).toBe('Dependencies (node_modules): pg not installed; install them: npm ci');
  });
});
