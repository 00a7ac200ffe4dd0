// The PostgreSQL server the integration and end-to-end tests create their throwaway databases on,
// named once for scripts/e2e.mjs, scripts/test-prerequisites.mjs and tests/integration/support.

export const DEFAULT_TEST_DATABASE_SERVER = 'postgresql://postgres@127.0.0.1:5432';

/** TEST_DATABASE_SERVER, or postgresql://postgres@127.0.0.1:5432. */
export function testDatabaseServer(env = process.env) {
  return env.TEST_DATABASE_SERVER || DEFAULT_TEST_DATABASE_SERVER;
}

/** The URL of database `name` on that server. */
export function databaseUrlOn(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
