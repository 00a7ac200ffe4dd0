#!/usr/bin/env node
// End-to-end run: a throwaway database (created, migrated, dropped), the real production build
// (`next build`), then Playwright against the app servers (scripts/app-server.mjs, as `npm start` runs
// them; see playwright.config.ts). Extra arguments go to Playwright.
// Checks Chromium and PostgreSQL first (scripts/test-prerequisites.mjs) unless `npm test` did.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

import pg from 'pg';

import { PRISMA_CLI, PROJECT_ROOT } from './lib/env.mjs';
import { databaseUrlOn, testDatabaseServer } from './lib/test-database-server.mjs';
import { PREREQUISITES_CHECKED, ensureTestPrerequisites } from './test-prerequisites.mjs';

const require = createRequire(import.meta.url);
const serverUrl = testDatabaseServer();
const databaseName = `intake_e2e_${process.pid}_${randomBytes(3).toString('hex')}`;
const urlFor = (database) => databaseUrlOn(serverUrl, database);

// `npm test` has checked already; `npm run test:e2e` on its own checks here.
if (
  process.env[PREREQUISITES_CHECKED] !== '1' &&
  !(await ensureTestPrerequisites({ needs: { chromium: true, postgres: true } }))
)
  process.exit(1);

async function onServer(sql) {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function run(label, command, args, env) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      console.log(
        `[e2e] ${label} finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${code ?? signal})`,
      );
      resolve(code ?? 1);
    });
  });
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  E2E_DATABASE_URL: urlFor(databaseName),
  DATABASE_URL: urlFor(databaseName),
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString('base64url'),
};

let exitCode = 1;
await onServer(`CREATE DATABASE "${databaseName}"`);
try {
  exitCode = await run('migrate deploy', process.execPath, [PRISMA_CLI, 'migrate', 'deploy'], env);
  if (exitCode === 0 && process.env.E2E_SKIP_BUILD !== '1') {
    exitCode = await run('next build', process.execPath, [require.resolve('next/dist/bin/next'), 'build'], env);
  }
  if (exitCode === 0) {
    const playwright = path.join(path.dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
    exitCode = await run('playwright', process.execPath, [playwright, 'test', ...process.argv.slice(2)], env);
  }
} finally {
  await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch((error) => {
    console.error(`[e2e] could not drop ${databaseName}: ${error.message}`);
  });
}
process.exit(exitCode);
