// `npm start`: database → secrets → migrations → build (when stale) → the app server
// (scripts/app-server.mjs: Next's custom server, one worker process per core, INTAKE_WORKERS).
// `npm run serve` (--serve-only): the same without the build step.
//
// With no DATABASE_URL, this process runs the embedded database (PGlite) for as long as the app
// runs, and stops it cleanly when the app exits or on Ctrl-C/SIGTERM. Apart from that the app
// and the Prisma CLI see an ordinary DATABASE_URL either way.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseTrustedProxies } from './lib/client-address.mjs';
import { parseWorkerCount } from './lib/cluster-server.mjs';
import { grantAppRole, migrationDatabaseUrl, singleRoleWarning } from './lib/app-role.mjs';
import { openDatabase } from './lib/database.mjs';
import { ensureSetupCode, noAccountsYet } from './lib/setup-code.mjs';
import { plainHttpWarning } from './lib/transport.mjs';
import {
  PRISMA_CLI,
  PROJECT_ROOT,
  UserError,
  bindHostname,
  createRunner,
  describeExit,
  displayPath,
  ensureNextAuthSecret,
  errorText,
  exitCodeOf,
  loadEnvFiles,
  readSettings,
  seconds,
} from './lib/env.mjs';

const serveOnly = process.argv.includes('--serve-only');
const NEXT_CLI = createRequire(import.meta.url).resolve('next/dist/bin/next');
const APP_SERVER = path.join(PROJECT_ROOT, 'scripts', 'app-server.mjs');
// PGlite's socket server takes at most 50 connections (scripts/embedded-db.mjs); the workers'
// pools together stay under it.
const EMBEDDED_CONNECTION_BUDGET = 48;
// Sources whose change calls for a new `next build` (lib/generated is rewritten on every install).
const BUILD_INPUT_DIRS = ['app', 'components', 'lib', 'prisma', 'public'];
const BUILD_INPUT_FILES = [
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];
const BUILD_SKIP = new Set([path.join('lib', 'generated')]);

const log = (message) => console.log(`[intake] ${message}`);
const runner = createRunner();
let database;

async function main() {
  process.chdir(PROJECT_ROOT);
  const envFiles = loadEnvFiles();
  if (envFiles.length > 0) log(`read settings from ${envFiles.join(', ')}`);
  const settings = readSettings();
  const relDataDir = displayPath(settings.dataDir);
  if (serveOnly && !fs.existsSync(path.join('.next', 'BUILD_ID'))) {
    throw new UserError(
      'There is no production build in .next yet: run `npm run build` first, or use `npm start`, which builds when needed.',
    );
  }
  // Checked up front: otherwise a bad setting or a taken port only shows after migrations and a build.
  const workers = parseWorkerCount(process.env.INTAKE_WORKERS, os.availableParallelism());
  parseTrustedProxies(process.env.INTAKE_TRUSTED_PROXIES);
  await assertWebPortFree(settings.port, bindHostname());

  // 1. Database.
  database = await openDatabase({ log });
  if (database.embedded) printEmbeddedBanner(relDataDir);
  stopIfAsked();

  // 2. Auth settings.
  const secretSource = ensureNextAuthSecret(settings.dataDir);
  if (secretSource === 'generated')
    log(`generated NEXTAUTH_SECRET into ${path.join(relDataDir, 'nextauth-secret')} (kept for later starts)`);
  process.env.AUTH_TRUST_HOST ||= 'true';
  process.env.NEXTAUTH_URL ||= `http://localhost:${settings.port}`;

  // 3. Migrations.
  // As the owner role (MIGRATION_DATABASE_URL); then the app role gets only its rights.
  const singleRole = database.embedded ? null : singleRoleWarning();
  if (singleRole) console.warn(`[intake] warning: ${singleRole}`);
  const ownerUrl = database.embedded ? process.env.DATABASE_URL : migrationDatabaseUrl();
  await step('migrations applied', 'Applying the database migrations failed', [PRISMA_CLI, 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: ownerUrl },
  });
  await grantAppRole({ ownerUrl, appUrl: process.env.DATABASE_URL, log });

  // 3b. First run: the one-time setup code /setup asks for, on the console.
  if (await noAccountsYet(process.env.DATABASE_URL)) printSetupCode(ensureSetupCode(settings.dataDir), relDataDir);

  // 4. Build when needed.
  if (!serveOnly) {
    const reason = buildNeeded();
    if (reason) {
      log(`building the app: ${reason}`);
      await step('Prisma client generated', 'Generating the Prisma client failed', [PRISMA_CLI, 'generate']);
      await step('build finished', 'The build failed', [NEXT_CLI, 'build']);
    } else {
      log('build is up to date (.next)');
    }
  }

  // 5. Serve until the server exits (or we are told to stop, which the runner forwards to it).
  const hostname = bindHostname();
  if (database.embedded && !process.env.DATABASE_POOL_SIZE && workers * 10 > EMBEDDED_CONNECTION_BUDGET)
    process.env.DATABASE_POOL_SIZE = String(Math.max(2, Math.floor(EMBEDDED_CONNECTION_BUDGET / workers)));
  log(
    `starting the server on http://${hostname ?? 'localhost'}:${settings.port} (${workers === 1 ? 'one process' : `${workers} worker processes`}; INTAKE_WORKERS)`,
  );
  const insecure = plainHttpWarning({ publicUrl: process.env.NEXTAUTH_URL, bindHost: hostname });
  if (insecure) console.warn(`\n${insecure}\n`);
  const args = [APP_SERVER];
  const result = await runner.run(args);
  log(`the server exited (${result.signal ?? `exit code ${result.code}`})`);
  await shutdown(exitCodeOf(result));
}

/** Runs one `node …` step, timing it; a failure stops everything with `failure` as the message. */
async function step(done, failure, args, options) {
  const started = performance.now();
  const result = await runner.run(args, options);
  stopIfAsked();
  if (result.code !== 0) throw new UserError(`${failure} (${describeExit(result)}); see the output above.`);
  log(`${done} in ${seconds(performance.now() - started)}`);
}

/** Why a build is needed, or null when .next is newer than every build input. */
function buildNeeded() {
  let builtAt;
  try {
    builtAt = fs.statSync(path.join('.next', 'BUILD_ID')).mtimeMs;
  } catch {
    return 'no production build yet';
  }
  const inputs = [...BUILD_INPUT_FILES];
  for (const dir of BUILD_INPUT_DIRS) collectFiles(dir, inputs);
  for (const file of inputs) {
    let changedAt;
    try {
      changedAt = fs.statSync(file).mtimeMs;
    } catch {
      continue; // optional file that does not exist
    }
    if (changedAt > builtAt) return `${file} changed since the last build`;
  }
  return null;
}

function collectFiles(dir, into) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!BUILD_SKIP.has(full)) collectFiles(full, into);
    } else {
      into.push(full);
    }
  }
}

function assertWebPortFree(port, host) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new UserError(
              `Port ${port} is already in use (is Intake already running?). Stop that program, or set PORT to another port.`,
            )
          : err,
      ),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function printEmbeddedBanner(relDataDir) {
  const lines = [
    'Using the EMBEDDED database (PGlite): for trying Intake out, by one user at a time.',
    `Data is kept in ${relDataDir}/ (locked while this server runs). It is not for production or for`,
    'several users: a clinic should use a real PostgreSQL server, by setting',
    '  DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE',
    '(see "Using a real PostgreSQL" in the README).',
  ];
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length)) + 2);
  console.log(['', rule, ...lines.map((line) => ` ${line}`), rule, ''].join('\n'));
}

function printSetupCode({ code, source }, relDataDir) {
  const lines = [
    'No account exists yet. Open /setup to create the first administrator, with this setup code:',
    '',
    `    ${code}`,
    '',
    source === 'env'
      ? '(from INTAKE_SETUP_CODE)'
      : `(also kept in ${path.join(relDataDir, 'setup-code')}, readable by this user only, until the account exists)`,
  ];
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length)) + 2);
  console.log(['', rule, ...lines.map((line) => ` ${line}`), rule, ''].join('\n'));
}

/** Throws (ending the start) when SIGINT/SIGTERM arrived during the last step. */
function stopIfAsked() {
  if (runner.stopSignal) throw new Stop(exitCodeOf({ signal: runner.stopSignal }));
}

class Stop extends Error {
  constructor(code) {
    super('stopped by signal');
    this.exitCode = code;
  }
}

let shuttingDown;
function shutdown(code) {
  shuttingDown ??= (async () => {
    if (database?.embedded) {
      const started = performance.now();
      try {
        await database.close();
        log(`embedded database stopped in ${seconds(performance.now() - started)}`);
      } catch (err) {
        console.error(`[intake] stopping the embedded database failed: ${err?.message ?? err}`);
        code ||= 1;
      }
    }
    process.exit(code);
  })();
  return shuttingDown;
}

main().catch(async (err) => {
  if (err instanceof Stop) {
    log(`stopped (${runner.stopSignal})`);
    return shutdown(err.exitCode);
  }
  console.error(`\n[intake] could not start: ${errorText(err)}`);
  return shutdown(1);
});
