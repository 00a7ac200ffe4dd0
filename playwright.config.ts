import { defineConfig, devices } from '@playwright/test';

import { chromiumExecutable } from './scripts/lib/chromium.mjs';

import {
  E2E_SETUP_CODE,
  IDLE_PORT,
  MAIN_PORT,
  SECOND_PORT,
  SHORT_IDLE_TIMEOUT,
  SHORT_IDLE_WARNING,
} from './tests/e2e/support/servers';

// Run through `npm run test:e2e` (scripts/e2e.mjs): it creates and migrates a throwaway database,
// builds the app, and sets E2E_DATABASE_URL before Playwright starts the production servers — the
// app server `npm start` runs (scripts/app-server.mjs), each a separate process on that database.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`.');
}
const port = MAIN_PORT;
const baseURL = `http://127.0.0.1:${port}`;

// INTAKE_CHROMIUM_PATH, else Debian's Chromium where it is installed, else Playwright's own download
// (which cannot be fetched offline); `npm test` checks the same choice before it starts.
const chromium = chromiumExecutable();

// The suite signs in far more often from one address than a person would: the sign-in throttles
// (lib/auth/sign-in-limits.ts; docs/security.md) are raised so it is never throttled.
const E2E_SIGN_IN_LIMITS = {
  SIGNIN_IP_LIMIT: '100000',
  SIGNIN_GLOBAL_LIMIT: '100000',
  SIGNIN_MAX_CONCURRENT_VERIFICATIONS: '4',
  SIGNIN_MAX_QUEUED: '200',
};

/** The app server as `npm start` runs it, on one port, with `workers` processes. */
function appServer(serverPort: number, workers: number, env: Record<string, string>) {
  const url = `http://127.0.0.1:${serverPort}`;
  return {
    command: 'node scripts/app-server.mjs',
    url: `${url}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    env: {
      ...(process.env as Record<string, string>),
      PORT: String(serverPort),
      HOSTNAME: '127.0.0.1',
      INTAKE_WORKERS: String(workers),
      DATABASE_URL: databaseUrl!,
      NEXTAUTH_URL: url,
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ...E2E_SIGN_IN_LIMITS,
      ...env,
    },
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(chromium ? { executablePath: chromium.path } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    // Server A: one process, to keep the suite's load down on two cores (B below is the cluster).
    appServer(port, 1, { INTAKE_SETUP_CODE: E2E_SETUP_CODE }),
    // The same build and database with a 20-second idle limit, for tests/e2e/auth-idle.spec.ts only.
    // It also trusts loopback as a proxy, so two-servers.spec.ts sees X-Forwarded-For believed.
    appServer(IDLE_PORT, 1, {
      SESSION_IDLE_TIMEOUT_SECONDS: String(SHORT_IDLE_TIMEOUT),
      SESSION_IDLE_WARNING_SECONDS: String(SHORT_IDLE_WARNING),
      INTAKE_TRUSTED_PROXIES: 'loopback',
    }),
    // Server B of tests/e2e/two-servers.spec.ts: a second app server, as a cluster of two workers.
    appServer(SECOND_PORT, 2, {}),
  ],
});
