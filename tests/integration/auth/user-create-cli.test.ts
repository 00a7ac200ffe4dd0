// `npm run user:create` end to end: a real process against the run's PostgreSQL database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import type { PrismaClient } from '@/lib/generated/prisma/client';

import { startEmbeddedDatabase } from '../../../scripts/embedded-db.mjs';
import { prismaFor } from '../support/prisma';
import { uniqueEmail } from '../support/staff';
import { freePort, projectRoot } from '../support/test-database';

let db: PrismaClient;
beforeAll(() => {
  db = prismaFor(inject('databaseUrl'));
});
afterAll(async () => {
  await db.$disconnect();
});

function userCreateCommand(args: string[], env: Record<string, string | undefined>) {
  const argv = [
    path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    '--conditions=react-server',
    'scripts/cli/user-create.ts',
    ...args,
  ];
  return {
    argv,
    options: {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        INTAKE_PASSWORD: 'a command line passphrase',
        ...env,
      },
    },
  };
}

function userCreate(args: string[], env: Record<string, string | undefined> = {}) {
  const { argv, options } = userCreateCommand(args, env);
  const result = spawnSync(process.execPath, argv, {
    ...options,
    encoding: 'utf8',
    input: '', // not a terminal: no prompt possible
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same without blocking this process, for when this process serves the database itself. */
function userCreateAsync(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { argv, options } = userCreateCommand(args, env);
  const child = spawn(process.execPath, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

describe('npm run user:create', () => {
  it('creates the account with the policy-checked password and audits it as the command line', async () => {
    const email = uniqueEmail('cli.user');
    const result = userCreate(['--email', email.toUpperCase(), '--name', 'Cli User', '--role', 'supervisor']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Created SUPERVISOR account for Cli User <${email}>`);
    const user = await db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: 'SUPERVISOR', active: true, displayName: 'Cli User' });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'staff.create', entityId: user.id } });
    expect(event).toMatchObject({ actorId: null, outcome: 'SUCCESS', detail: { role: 'SUPERVISOR', via: 'cli' } });
  });

  it('exits 2 with every problem named when the input is invalid, creating nothing', async () => {
    const result = userCreate(['--email', 'not-an-email', '--name', 'X', '--role', 'ROOT'], {
      INTAKE_PASSWORD: 'short',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--email: Enter an email address like name@clinic.org.');
    expect(result.stderr).toContain('--role: Choose a role.');
    expect(result.stderr).toContain('password: Use at least 12 characters (this one has 5).');
  });

  it('refuses a password containing the email local part, and a duplicate email', async () => {
    const email = uniqueEmail('dup');
    const local = email.split('@')[0]!;
    const weak = userCreate(['--email', email, '--name', 'Dup', '--role', 'INTAKE'], {
      INTAKE_PASSWORD: `my ${local} password`,
    });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('Do not include the part of the email before the @');

    expect(userCreate(['--email', email, '--name', 'Dup', '--role', 'INTAKE']).status).toBe(0);
    const again = userCreate(['--email', email, '--name', 'Dup again', '--role', 'INTAKE']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('An account with this email already exists.');
  });

  it('exits 2 for missing options, and without a password when it cannot prompt', () => {
    const missing = userCreate(['--email', uniqueEmail('x')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Missing --name, --role.');
    const noPassword = userCreate(['--email', uniqueEmail('x'), '--name', 'X', '--role', 'INTAKE'], {
      INTAKE_PASSWORD: '',
    });
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('No password: set INTAKE_PASSWORD');
  });

  it('exits 1 when the database cannot be reached', () => {
    const result = userCreate(['--email', uniqueEmail('x'), '--name', 'X', '--role', 'INTAKE'], {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Could not create the account');
    expect(result.stderr).not.toContain('a command line passphrase');
  });

  it('without DATABASE_URL, adds the account through the embedded database the running app holds', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-user-create-'));
    const embeddedEnv = { DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) };
    try {
      const migrate = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], {
        cwd: projectRoot,
        env: { ...process.env, ...embeddedEnv },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(migrate.status, `${migrate.stdout}${migrate.stderr}`).toBe(0);
      // Stands in for `npm start`: this process holds the folder, its lock names the port.
      const app = await startEmbeddedDatabase({ dataDir, port: await freePort(), log: () => {} });
      const embeddedDb = prismaFor(app.url);
      try {
        const email = uniqueEmail('embedded');
        const result = await userCreateAsync(
          ['--email', email, '--name', 'Embedded User', '--role', 'ADMIN'],
          embeddedEnv,
        );
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(await embeddedDb.staffUser.findUniqueOrThrow({ where: { email } })).toMatchObject({
          role: 'ADMIN',
          displayName: 'Embedded User',
        });
      } finally {
        await embeddedDb.$disconnect();
        await app.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
