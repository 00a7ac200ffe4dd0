// The production servers the end-to-end tests run against (see playwright.config.ts), all on the
// one e2e database: the main one with the real session limits, one with a 20-second idle limit for
// the logoff test, and a second app server ("B", two worker processes) for two-servers.spec.ts.
export const MAIN_PORT = Number(process.env.E2E_PORT || 3100);
export const IDLE_PORT = Number(process.env.E2E_IDLE_PORT || MAIN_PORT + 1);
export const SECOND_PORT = Number(process.env.E2E_SECOND_PORT || IDLE_PORT + 1);
export const MAIN_BASE_URL = `http://127.0.0.1:${MAIN_PORT}`;
export const IDLE_BASE_URL = `http://127.0.0.1:${IDLE_PORT}`;
export const SECOND_BASE_URL = `http://127.0.0.1:${SECOND_PORT}`;

/** The short limits of the idle server, in seconds. */
export const SHORT_IDLE_TIMEOUT = 20;
export const SHORT_IDLE_WARNING = 10;

/** The main server's one-time setup code (INTAKE_SETUP_CODE), typed by auth-first-run.spec.ts. */
export const E2E_SETUP_CODE = 'E2E0-SETU-PC0D';
