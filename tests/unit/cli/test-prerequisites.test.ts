// `npm test`'s prerequisite check (scripts/test-prerequisites.mjs): what it decides for each
// machine (root or not, apt-get or not, Chromium and PostgreSQL present or not), and that the real
// command reports what is missing within seconds instead of running the tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { chromiumExecutable } from '../../../scripts/lib/chromium.mjs';
import { planPrerequisites, type PrerequisiteFacts } from '../../../scripts/test-prerequisites.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A machine with everything in place, as root with apt-get; each test changes what it is about. */
function machine(
  change: {
    isRoot?: boolean;
    aptGet?: boolean;
    sudo?: boolean;
    chromium?: Partial<PrerequisiteFacts['chromium']>;
    postgres?: Partial<PrerequisiteFacts['postgres']>;
  } = {},
): PrerequisiteFacts {
  return {
    isRoot: change.isRoot ?? true,
    commands: { aptGet: change.aptGet ?? true, sudo: change.sudo ?? false },
    chromium: { needed: true, found: true, path: '/usr/bin/chromium', source: 'system', ...change.chromium },
    postgres: {
      needed: true,
      state: 'ready',
      detail: '',
      server: 'postgresql://postgres@127.0.0.1:5432',
      address: '127.0.0.1:5432',
      local: true,
      port: 5432,
      clusters: [{ version: '15', name: 'main', port: 5432, online: true }],
      ...change.postgres,
    },
  };
}

const noChromium = { found: false, path: undefined, source: undefined } as const;
const stoppedPostgres = {
  state: 'unreachable',
  detail: 'connect ECONNREFUSED 127.0.0.1:5432',
  clusters: [{ version: '15', name: 'main', port: 5432, online: false }],
} as const;

describe('planPrerequisites', () => {
  it('does nothing when everything is there', () => {
    expect(planPrerequisites(machine())).toEqual({ actions: [], missing: [] });
  });

  it('does not look at what the chosen steps do not need', () => {
    const facts = machine({
      isRoot: false,
      chromium: { ...noChromium, needed: false },
      postgres: { ...stoppedPostgres, needed: false },
    });
    expect(planPrerequisites(facts)).toEqual({ actions: [], missing: [] });
  });

  describe('Chromium', () => {
    it('as root with apt-get: installs the system package, after apt-get update', () => {
      const { actions, missing } = planPrerequisites(machine({ chromium: noChromium }));
      expect(missing).toEqual([]);
      expect(actions.map((action) => action.commands)).toEqual([
        [
          ['apt-get', 'update', '-qq', '-o', 'DPkg::Lock::Timeout=300'],
          ['apt-get', 'install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=300', 'chromium'],
        ],
      ]);
    });

    it('not root, with apt-get and sudo: one line with the sudo command, nothing run', () => {
      const { actions, missing } = planPrerequisites(machine({ isRoot: false, sudo: true, chromium: noChromium }));
      expect(actions).toEqual([]);
      expect(missing).toEqual([
        "Chromium (end-to-end tests): not found at /usr/bin/chromium nor as Playwright's own download; install it: sudo apt-get update && sudo apt-get install -y chromium",
      ]);
    });

    it('not root, no sudo: the command to run as root', () => {
      const { missing } = planPrerequisites(machine({ isRoot: false, chromium: noChromium }));
      expect(missing[0]).toMatch(/install it: as root: apt-get update && apt-get install -y chromium$/);
    });

    it("no apt-get (even as root): Playwright's own download", () => {
      const { actions, missing } = planPrerequisites(machine({ aptGet: false, chromium: noChromium }));
      expect(actions).toEqual([]);
      expect(missing[0]).toMatch(/install it: npx playwright install chromium$/);
    });

    it('INTAKE_CHROMIUM_PATH naming nothing: reported, never "fixed" by installing elsewhere', () => {
      for (const isRoot of [true, false]) {
        const { actions, missing } = planPrerequisites(
          machine({ isRoot, chromium: { found: false, path: '/bogus/chromium', source: 'INTAKE_CHROMIUM_PATH' } }),
        );
        expect(actions).toEqual([]);
        expect(missing).toHaveLength(1);
        expect(missing[0]).toContain('INTAKE_CHROMIUM_PATH=/bogus/chromium is not an executable file');
      }
    });
  });

  describe('PostgreSQL', () => {
    it('as root: starts the stopped local cluster on that port and waits for it', () => {
      const { actions, missing } = planPrerequisites(machine({ postgres: stoppedPostgres }));
      expect(missing).toEqual([]);
      expect(actions).toEqual([
        expect.objectContaining({
          commands: [['pg_ctlcluster', '--skip-systemctl-redirect', '15', 'main', 'start']],
          waitForPostgres: true,
        }),
      ]);
    });

    it('not root: one line with the command that starts it', () => {
      const { actions, missing } = planPrerequisites(machine({ isRoot: false, sudo: true, postgres: stoppedPostgres }));
      expect(actions).toEqual([]);
      expect(missing).toEqual([
        'PostgreSQL (integration and end-to-end tests) at 127.0.0.1:5432: the local cluster 15/main is stopped; start it: sudo pg_ctlcluster --skip-systemctl-redirect 15 main start',
      ]);
    });

    it('a port no local cluster uses: names the clusters instead of starting one', () => {
      const facts = machine({
        postgres: {
          server: 'postgresql://postgres:secret@127.0.0.1:1',
          address: '127.0.0.1:1',
          port: 1,
          state: 'unreachable',
          detail: 'connect ECONNREFUSED 127.0.0.1:1',
        },
      });
      const { actions, missing } = planPrerequisites(facts);
      expect(actions).toEqual([]);
      expect(missing).toHaveLength(1);
      expect(missing[0]).toContain(
        'no local cluster listens on port 1 (they use 5432); use one: TEST_DATABASE_SERVER=postgresql://postgres@127.0.0.1:5432 npm test',
      );
      expect(missing[0]).not.toContain('secret');
    });

    it('no PostgreSQL installed: the package to install', () => {
      const { missing } = planPrerequisites(
        machine({ isRoot: false, sudo: true, postgres: { ...stoppedPostgres, clusters: [] } }),
      );
      expect(missing[0]).toContain('no local PostgreSQL is installed; install one: sudo apt-get install -y postgresql');
    });

    it('a server that answers but refuses the role: reported with its error, nothing started', () => {
      const { actions, missing } = planPrerequisites(
        machine({ postgres: { state: 'refused', detail: '28000: role "x" does not exist' } }),
      );
      expect(actions).toEqual([]);
      expect(missing[0]).toContain('it answered but refused the connection (28000: role "x" does not exist)');
    });

    it('a remote server: never starts a local cluster for it', () => {
      const { actions, missing } = planPrerequisites(
        machine({ postgres: { ...stoppedPostgres, local: false, address: 'db.example.org:5432' } }),
      );
      expect(actions).toEqual([]);
      expect(missing[0]).toMatch(
        /^PostgreSQL \(integration and end-to-end tests\) at db\.example\.org:5432: nothing answers/,
      );
    });
  });

  it('reports every missing piece, one line each', () => {
    const { missing } = planPrerequisites(
      machine({ isRoot: false, sudo: true, chromium: noChromium, postgres: stoppedPostgres }),
    );
    expect(missing).toHaveLength(2);
  });
});

describe('chromiumExecutable (shared with playwright.config.ts)', () => {
  it('INTAKE_CHROMIUM_PATH wins, then the system Chromium, then none (Playwright’s own)', () => {
    expect(chromiumExecutable({ INTAKE_CHROMIUM_PATH: '/opt/chromium' }, () => false)).toEqual({
      path: '/opt/chromium',
      source: 'INTAKE_CHROMIUM_PATH',
    });
    expect(chromiumExecutable({}, (file) => file === '/usr/bin/chromium-browser')).toEqual({
      path: '/usr/bin/chromium-browser',
      source: 'system',
    });
    expect(chromiumExecutable({}, () => false)).toBeUndefined();
  });
});

describe('npm test on a machine that lacks them', () => {
  it('stops within 10 seconds with one line per missing piece, before running any test', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['scripts/test.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        INTAKE_CHROMIUM_PATH: '/nonexistent/chromium',
        TEST_DATABASE_SERVER: 'postgresql://postgres@127.0.0.1:1',
        INTAKE_SKIP_E2E: '',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(result.status).toBe(1);
    expect(seconds).toBeLessThan(10);
    const lines = result.stdout.split('\n');
    expect(
      lines.filter((line) =>
        line.startsWith('[test]   Chromium (end-to-end tests): INTAKE_CHROMIUM_PATH=/nonexistent/chromium'),
      ),
    ).toHaveLength(1);
    expect(
      lines.filter((line) => line.startsWith('[test]   PostgreSQL (integration and end-to-end tests) at 127.0.0.1:1:')),
    ).toHaveLength(1);
    expect(result.stdout).not.toContain('=== type-check ===');
  });
});
