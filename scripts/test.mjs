#!/usr/bin/env node
// `npm test`: every check the project has, in order, with a summary. Runs them all even when one
// fails (so one run shows everything that is wrong) and exits non-zero if any failed.
//   type-check (tsc) · lint (ESLint) · unit (Vitest) · integration (Vitest, real PostgreSQL)
//   · end-to-end (Playwright on the production build, real PostgreSQL)
// Needs a PostgreSQL server: TEST_DATABASE_SERVER, default postgresql://postgres@127.0.0.1:5432.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { PROJECT_ROOT } from './lib/env.mjs';

// Paths, not require.resolve: some of these packages do not export their bin files.
const bin = (pkg, file) => path.join(PROJECT_ROOT, 'node_modules', pkg, file);

const steps = [
  ['type-check', [bin('@typescript/native', 'bin/tsc'), '--noEmit']],
  ['lint', [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.']],
  ['unit tests', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'unit']],
  ['integration tests', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'integration']],
  ['end-to-end tests', ['scripts/e2e.mjs']],
];

const only = process.argv.slice(2);
const results = [];
const startedAll = Date.now();
for (const [name, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.startsWith(word))) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    child.on('error', () => resolve(1));
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
for (const { name, ok, seconds } of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(18)} ${seconds.toFixed(1)} s`);
console.log(`total ${((Date.now() - startedAll) / 1000).toFixed(1)} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
