#!/usr/bin/env node
// `npm test`: every check the project has, in order, with a summary. Runs them all even when one
// fails (so one run shows everything that is wrong) and exits non-zero if any failed.
//   type-check (tsc) · lint (ESLint) · format (Prettier --check; `npm run format` fixes) · unit (Vitest) · integration (Vitest, real PostgreSQL)
//   · end-to-end (Playwright on the production build, real PostgreSQL, Chromium)
// First it checks that the dependencies are installed (scripts/lib/dependencies.mjs), then what the
// chosen steps need from the machine, setting up what it can (scripts/test-prerequisites.mjs), and
// stops with one line per missing piece otherwise.
// `npm test -- unit lint` runs only the steps named; INTAKE_SKIP_E2E=1 leaves out the end-to-end tests.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { missingDependencies } from './lib/dependencies.mjs';
import { PROJECT_ROOT } from './lib/env.mjs';

// A clone without `npm ci`: one line that says so, instead of a module-not-found trace.
const notInstalled = missingDependencies(PROJECT_ROOT);
if (notInstalled) {
  console.log('[test] cannot run the tests: one piece is missing:');
  console.log(`[test]   ${notInstalled}`);
  process.exit(1);
}
const { PREREQUISITES_CHECKED, ensureTestPrerequisites } = await import('./test-prerequisites.mjs');

// Paths, not require.resolve: some of these packages do not export their bin files.
const bin = (pkg, file) => path.join(PROJECT_ROOT, 'node_modules', pkg, file);

const steps = [
  { name: 'type-check', args: [bin('@typescript/native', 'bin/tsc'), '--noEmit'] },
  { name: 'lint', args: [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.'] },
  { name: 'format', args: [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level=warn', '.'] },
  { name: 'unit tests', args: [bin('vitest', 'vitest.mjs'), 'run', '--project', 'unit'] },
  {
    name: 'integration tests',
    args: [bin('vitest', 'vitest.mjs'), 'run', '--project', 'integration'],
    needs: { postgres: true },
  },
  { name: 'end-to-end tests', args: ['scripts/e2e.mjs'], needs: { postgres: true, chromium: true } },
];

const only = process.argv.slice(2);
const skipE2e = process.env.INTAKE_SKIP_E2E === '1';
const chosen = steps.filter(
  ({ name }) =>
    (only.length === 0 || only.some((word) => name.startsWith(word))) && !(skipE2e && name === 'end-to-end tests'),
);
const needs = {
  chromium: chosen.some((step) => step.needs?.chromium),
  postgres: chosen.some((step) => step.needs?.postgres),
};
if (!(await ensureTestPrerequisites({ needs }))) process.exit(1);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', [PREREQUISITES_CHECKED]: '1' };
const results = [];
const startedAll = Date.now();
for (const { name, args } of chosen) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
for (const { name, ok, seconds } of results)
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(18)} ${seconds.toFixed(1)} s`);
if (skipE2e) console.log('SKIP  end-to-end tests   (INTAKE_SKIP_E2E=1)');
console.log(`total ${((Date.now() - startedAll) / 1000).toFixed(1)} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
