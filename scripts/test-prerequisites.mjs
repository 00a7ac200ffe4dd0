#!/usr/bin/env node
// What `npm test` needs from the machine beyond node_modules, checked (and where possible set up)
// before the first test runs:
//   - Chromium, for the end-to-end tests (INTAKE_CHROMIUM_PATH, else the system's, else
//     Playwright's own download): installed from the system packages when running as root with
//     apt-get (Playwright cannot download its browser offline);
//   - a PostgreSQL server at TEST_DATABASE_SERVER, for the integration and end-to-end tests: a
//     stopped local cluster on that port is started when running as root (pg_ctlcluster).
// What cannot be set up is reported in one line per missing piece, with the command that fixes it,
// a few seconds after the start (every check is bounded).
//
// `planPrerequisites` is the decision alone (facts in, actions or messages out), for unit tests;
// `ensureTestPrerequisites` gathers the facts, runs the actions and prints. Run this file directly
// to check everything (`node scripts/test-prerequisites.mjs`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import pg from 'pg';

import { SYSTEM_CHROMIUM_PATHS, chromiumExecutable, isExecutableFile } from './lib/chromium.mjs';
import { databaseUrlOn, testDatabaseServer } from './lib/test-database-server.mjs';

const CONNECT_TIMEOUT_MS = 3_000;
const POSTGRES_START_WAIT_MS = 30_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const SKIP_E2E_HINT = 'INTAKE_SKIP_E2E=1 npm test';
/** Set by `npm test` for its steps, so `scripts/e2e.mjs` does not check again. */
export const PREREQUISITES_CHECKED = 'INTAKE_TEST_PREREQUISITES_CHECKED';

/**
 * Decides what to do about the facts (see gatherFacts for their shape): `actions` this process can
 * take (root, with the tools at hand), `missing` lines for what it cannot, each naming the command
 * that fixes it. Pure: no file system, no processes, no clock.
 */
export function planPrerequisites(facts) {
  const actions = [];
  const missing = [];
  const asRoot = (command) => (facts.isRoot ? command : facts.commands.sudo ? sudo(command) : `as root: ${command}`);

  const { chromium } = facts;
  if (chromium.needed && !chromium.found) {
    const piece = 'Chromium (end-to-end tests)';
    const install = facts.commands.aptGet
      ? asRoot('apt-get update && apt-get install -y chromium')
      : 'npx playwright install chromium';
    if (chromium.source === 'INTAKE_CHROMIUM_PATH') {
      missing.push(
        `${piece}: INTAKE_CHROMIUM_PATH=${chromium.path} is not an executable file; point it at Chromium, or unset it and install one: ${install}`,
      );
    } else if (facts.commands.aptGet && facts.isRoot) {
      actions.push({
        piece,
        say: 'Installing Chromium from the system packages (apt-get)…',
        // Waits for another apt run's lock instead of failing at once.
        commands: [
          ['apt-get', 'update', '-qq', '-o', 'DPkg::Lock::Timeout=300'],
          ['apt-get', 'install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=300', 'chromium'],
        ],
      });
    } else {
      missing.push(
        `${piece}: not found at ${SYSTEM_CHROMIUM_PATHS[0]} nor as Playwright's own download; install it: ${install}`,
      );
    }
  }

  const { postgres } = facts;
  if (postgres.needed && postgres.state !== 'ready') {
    const piece = `PostgreSQL (integration and end-to-end tests) at ${postgres.address}`;
    const other = 'or set TEST_DATABASE_SERVER to a server whose role may create databases';
    const cluster = postgres.local
      ? postgres.clusters.find((candidate) => candidate.port === postgres.port)
      : undefined;
    if (postgres.state === 'refused') {
      missing.push(
        `${piece}: it answered but refused the connection (${postgres.detail}); fix that role's access, ${other}`,
      );
    } else if (cluster && !cluster.online) {
      const start = ['pg_ctlcluster', '--skip-systemctl-redirect', cluster.version, cluster.name, 'start'];
      if (facts.isRoot) {
        actions.push({
          piece,
          say: `Starting PostgreSQL ${cluster.version}/${cluster.name}…`,
          commands: [start],
          waitForPostgres: true,
        });
      } else {
        missing.push(
          `${piece}: the local cluster ${cluster.version}/${cluster.name} is stopped; start it: ${asRoot(start.join(' '))}`,
        );
      }
    } else if (cluster) {
      missing.push(
        `${piece}: the local cluster ${cluster.version}/${cluster.name} is running but does not answer (${postgres.detail}); check its listen_addresses, ${other}`,
      );
    } else if (postgres.local && postgres.clusters.length > 0) {
      const ports = postgres.clusters.map((candidate) => candidate.port).join(', ');
      const onCluster = new URL(postgres.server);
      onCluster.password = '';
      onCluster.port = String(postgres.clusters[0].port);
      missing.push(
        `${piece}: nothing answers (${postgres.detail}) and no local cluster listens on port ${postgres.port} (they use ${ports}); use one: TEST_DATABASE_SERVER=${onCluster} npm test`,
      );
    } else if (postgres.local) {
      const install = facts.commands.aptGet
        ? asRoot('apt-get install -y postgresql')
        : "your system's PostgreSQL package";
      missing.push(
        `${piece}: nothing answers (${postgres.detail}) and no local PostgreSQL is installed; install one: ${install} (let role postgres connect from 127.0.0.1), ${other}`,
      );
    } else {
      missing.push(`${piece}: nothing answers (${postgres.detail}); start that server, ${other}`);
    }
  }
  return { actions, missing };
}

function sudo(command) {
  return command
    .split(' && ')
    .map((part) => `sudo ${part}`)
    .join(' && ');
}

/**
 * Checks what the chosen test steps need, sets up what it can, and prints one line per missing
 * piece. Resolves to true when the tests can run.
 */
export async function ensureTestPrerequisites({
  needs,
  env = process.env,
  log = (line) => console.log(`[test] ${line}`),
}) {
  const started = performance.now();
  let facts = await gatherFacts({ needs, env });
  let plan = planPrerequisites(facts);
  if (plan.actions.length > 0) {
    for (const action of plan.actions) {
      log(action.say);
      for (const [command, ...args] of action.commands) {
        const result = spawnSync(command, args, {
          stdio: 'inherit',
          env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
        });
        if (result.status !== 0) {
          log(`${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`})`);
          break;
        }
      }
      if (action.waitForPostgres) await waitForPostgres(env);
    }
    facts = await gatherFacts({ needs, env });
    plan = planPrerequisites(facts);
    // Whatever an action did not fix is reported as missing, with the command to run by hand.
    for (const action of plan.actions)
      plan.missing.push(
        `${action.piece}: still missing after: ${action.commands.map((command) => command.join(' ')).join(' && ')}`,
      );
  }

  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (plan.missing.length > 0) {
    log(
      `cannot run the tests: ${plan.missing.length === 1 ? 'one piece is' : `${plan.missing.length} pieces are`} missing (checked in ${took}):`,
    );
    for (const line of plan.missing) log(`  ${line}`);
    if (facts.chromium.needed && !facts.chromium.found)
      log(`  (or run everything but the end-to-end tests: ${SKIP_E2E_HINT})`);
    return false;
  }
  const found = [];
  if (facts.chromium.needed) found.push(`Chromium ${facts.chromium.path}`);
  if (facts.postgres.needed) found.push(`PostgreSQL ${facts.postgres.address}`);
  if (found.length > 0) log(`prerequisites: ${found.join(', ')} (checked in ${took})`);
  return true;
}

/**
 * What the plan decides on:
 * { isRoot, commands: { aptGet, sudo },
 *   chromium: { needed, found, path, source: 'INTAKE_CHROMIUM_PATH' | 'system' | 'playwright' | undefined },
 *   postgres: { needed, state: 'ready' | 'unreachable' | 'refused', detail, server, address, local, port,
 *               clusters: [{ version, name, port, online }] } }
 */
export async function gatherFacts({ needs, env = process.env }) {
  const chromium = needs.chromium ? findChromium(env) : { found: false, path: undefined, source: undefined };
  const postgres = needs.postgres
    ? await checkPostgres(env)
    : { state: 'ready', detail: '', server: '', address: '', local: false, port: 0, clusters: [] };
  return {
    isRoot: process.getuid?.() === 0,
    commands: { aptGet: onPath('apt-get', env), sudo: onPath('sudo', env) },
    chromium: { needed: Boolean(needs.chromium), ...chromium },
    postgres: { needed: Boolean(needs.postgres), ...postgres },
  };
}

function findChromium(env) {
  const chosen = chromiumExecutable(env);
  if (chosen) return { ...chosen, found: isExecutableFile(chosen.path) };
  const playwright = playwrightChromium();
  return playwright
    ? { path: playwright, source: 'playwright', found: true }
    : { path: undefined, source: undefined, found: false };
}

/** Playwright's own Chromium (`npx playwright install chromium`), when it has been downloaded. */
function playwrightChromium() {
  try {
    const fromTest = createRequire(createRequire(import.meta.url).resolve('@playwright/test/package.json'));
    const fromPlaywright = createRequire(fromTest.resolve('playwright/package.json'));
    const file = fromPlaywright('playwright-core').chromium.executablePath();
    return file && isExecutableFile(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

async function checkPostgres(env) {
  const server = testDatabaseServer(env);
  const url = new URL(server);
  const host = url.searchParams.get('host') || decodeURIComponent(url.hostname) || 'localhost';
  const port = Number(url.port || 5432);
  const local = LOOPBACK_HOSTS.has(host) || host.startsWith('/');
  const base = { server, address: `${host}:${port}`, local, port, clusters: local ? localClusters(env) : [] };
  const client = new pg.Client({
    connectionString: databaseUrlOn(server, 'postgres'),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return { ...base, state: 'ready', detail: '' };
  } catch (error) {
    // An SQLSTATE means a server answered; 57P03 is one still starting up.
    const code = typeof error?.code === 'string' ? error.code : '';
    const answered = /^[0-9][0-9A-Z]{4}$/.test(code) && code !== '57P03';
    const message = String(error?.message ?? error);
    return {
      ...base,
      state: answered ? 'refused' : 'unreachable',
      detail: code && !message.includes(code) ? `${code}: ${message}` : message,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** The local clusters pg_lsclusters lists (Debian's postgresql-common), or none. */
function localClusters(env) {
  if (!onPath('pg_lsclusters', env)) return [];
  const result = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8', timeout: 5_000 });
  if (result.status !== 0) return [];
  return result.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map(([version, name, port, status]) => ({
      version,
      name,
      port: Number(port),
      online: status.startsWith('online'),
    }));
}

async function waitForPostgres(env) {
  const until = Date.now() + POSTGRES_START_WAIT_MS;
  while (Date.now() < until) {
    if ((await checkPostgres(env)).state === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function onPath(command, env) {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, command)) && isExecutableFile(path.join(dir, command)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ok = await ensureTestPrerequisites({
    needs: { chromium: process.env.INTAKE_SKIP_E2E !== '1', postgres: true },
  });
  process.exit(ok ? 0 : 1);
}
