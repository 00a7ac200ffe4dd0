// Shared defaults and small helpers for the scripts (start, db:migrate, user:create, tests).
// Plain Node ESM: these run before any build.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultEmbeddedDbPort } from './embedded-db-address.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_PORT = 3000;
export const DEFAULT_DATA_DIR = '.data';
export const SECRET_FILE_NAME = 'nextauth-secret';

/**
 * Loads the project's .env files into process.env the way `next start` does (production order;
 * variables already set win). Done here so the start-up decisions (embedded database or not) and
 * the Prisma CLI see the same values as the app.
 */
export function loadEnvFiles(root = PROJECT_ROOT) {
  const loaded = [];
  for (const name of ['.env.production.local', '.env.local', '.env.production', '.env']) {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) continue;
    process.loadEnvFile(file); // never overrides a variable that is already set
    loaded.push(name);
  }
  return loaded;
}

/** The settings with their defaults; relative DATA_DIR is taken from the project folder. */
export function readSettings(env = process.env) {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError(`PORT must be a port number (1–65535), not "${env.PORT}".`);
  return { port, dataDir: dataDirOf(env), embeddedDbPort: defaultEmbeddedDbPort(env) };
}

/**
 * HOSTNAME to bind to, if the user chose one. Shells and containers export HOSTNAME as the
 * machine's own name; binding to that would make http://localhost unreachable, so it is ignored.
 */
export function bindHostname(env = process.env) {
  const value = env.HOSTNAME?.trim();
  return value && value !== os.hostname() ? value : undefined;
}

/** DATA_DIR as an absolute path (relative ones are taken from the project folder). */
export function dataDirOf(env = process.env) {
  return path.resolve(PROJECT_ROOT, env.DATA_DIR || DEFAULT_DATA_DIR);
}

/**
 * Makes sure NEXTAUTH_SECRET is set: when it is not, reads it from <dataDir>/nextauth-secret,
 * creating that file (mode 0600) with 32 random bytes the first time, so sessions survive restarts.
 * Returns where the secret came from: 'env', 'file' or 'generated'.
 */
export function ensureNextAuthSecret(dataDir, env = process.env) {
  if (env.NEXTAUTH_SECRET) return 'env';
  const file = path.join(dataDir, SECRET_FILE_NAME);
  ensurePrivateDir(dataDir);
  let source = 'file';
  let secret = readTrimmed(file);
  if (!secret) {
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, {
        mode: 0o600,
        flag: secret === '' ? 'w' : 'wx',
      });
      source = 'generated';
    } catch (err) {
      if (err.code !== 'EEXIST') throw err; // another start wrote it first: use theirs
    }
    secret = readTrimmed(file);
    if (!secret) throw new UserError(`Could not read the generated secret in ${file}.`);
  } else if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600); // a secret should be readable by its owner only
  }
  env.NEXTAUTH_SECRET = secret;
  return source;
}

/**
 * Creates `dir` (and parents) readable by this user only, and narrows an existing one to 0700:
 * the data folder holds the database, its socket and the secrets.
 */
export function ensurePrivateDir(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

function readTrimmed(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

/** "db.example.org:5432/intake as app": where DATABASE_URL points, never the password. */
export function describeDatabaseUrl(url) {
  try {
    const u = new URL(url);
    const host = u.searchParams.get('host') || u.hostname || 'localhost'; // ?host= (e.g. a socket folder) wins, as in pg
    const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)';
    const user = u.username ? ` as ${decodeURIComponent(u.username)}` : '';
    return `${host}${u.port ? `:${u.port}` : ''}/${database}${user}`;
  } catch {
    return 'the server named in DATABASE_URL (not shown: it is not a valid URL)';
  }
}

/** A path relative to the project folder when it is inside it (".data"), else absolute. */
export function displayPath(p) {
  const rel = path.relative(PROJECT_ROOT, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** "0.6 s" */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A failure whose message is complete for the user: printed without a stack trace. */
export class UserError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UserError';
  }
}

/** The message alone for our own errors (complete as they are); the stack for anything else, for a bug report. */
export function errorText(err) {
  const readable = err?.name === 'UserError' || err?.name === 'EmbeddedDatabaseError';
  return readable ? err.message : String(err?.stack ?? err);
}

/**
 * Runs `node <args>` children one at a time in the project folder (inherited stdio and env) and
 * forwards SIGINT/SIGTERM/SIGHUP to the one running, so this process can clean up after it exits.
 * A second signal, or a child still running 15 s after the first, gets SIGKILL.
 */
export function createRunner() {
  let current;
  let stopSignal;
  const onSignal = (signal) => {
    if (stopSignal) {
      if (current) current.kill('SIGKILL');
      else process.exit(exitCodeOf({ signal })); // nothing to wait for; a stale lock is cleared next start
      return;
    }
    stopSignal = signal;
    const child = current;
    if (child) {
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

  return {
    /** The signal that asked us to stop, if any. */
    get stopSignal() {
      return stopSignal;
    },
    /** Resolves to { code, signal } when the child exits. */
    run(args, { env = process.env } = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
        current = child;
        child.once('error', (err) => {
          current = undefined;
          reject(err);
        });
        child.once('exit', (code, signal) => {
          current = undefined;
          resolve({ code, signal });
        });
      });
    },
  };
}

/** "exit code 1" or "killed by SIGTERM": how a child ended, for a failure message. */
export function describeExit({ code, signal }) {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** The exit code a shell would report for a child's exit. */
export function exitCodeOf({ code, signal }) {
  if (code !== null && code !== undefined) return code;
  return 128 + (os.constants.signals[signal] ?? 1);
}

export const PRISMA_CLI = path.join(PROJECT_ROOT, 'scripts', 'prisma.mjs');
