// The one place that decides which database a script uses: DATABASE_URL when it is set, else the
// embedded database in DATA_DIR. Used by `npm start`, `npm run db:migrate` and `npm run user:create`.

import { startEmbeddedDatabase } from '../embedded-db.mjs';
import { defaultEmbeddedDbPort, embeddedDatabaseUrl } from './embedded-db-address.mjs';
import { dataDirOf, describeDatabaseUrl, displayPath, seconds } from './env.mjs';

/**
 * Gives this process its database and sets env.DATABASE_URL to it, so the Prisma client and child
 * processes (the Prisma CLI, `next start`) connect there.
 *
 * - DATABASE_URL set: that server; nothing is started.
 * - Otherwise the embedded database in DATA_DIR on EMBEDDED_DB_PORT, started by this process;
 *   `close()` stops it.
 * - When another Intake process already holds that folder, `ifEmbeddedInUse: 'join'` connects to
 *   the embedded server that process runs (it recorded its port in the lock file); 'fail' (the
 *   default), or a lock without a port, rethrows the EMBEDDED_DB_LOCKED error.
 *
 * `log` gets which database is used (unless `announce` is false) and the embedded database's
 * notices, such as a stale lock being cleared.
 */
export async function openDatabase({ env = process.env, log, announce = true, ifEmbeddedInUse = 'fail' }) {
  const say = announce ? log : () => {};
  if (env.DATABASE_URL) {
    say(`database: PostgreSQL at ${describeDatabaseUrl(env.DATABASE_URL)} (from DATABASE_URL)`);
    return { url: env.DATABASE_URL, source: 'DATABASE_URL', embedded: undefined, close: async () => {} };
  }

  const dataDir = dataDirOf(env);
  const started = performance.now();
  let embedded;
  try {
    embedded = await startEmbeddedDatabase({ dataDir, port: defaultEmbeddedDbPort(env), log });
  } catch (err) {
    if (err?.code !== 'EMBEDDED_DB_LOCKED' || ifEmbeddedInUse !== 'join' || !err.port) throw err;
    env.DATABASE_URL = embeddedDatabaseUrl(err.port, dataDir);
    say(
      `database: the embedded database in ${displayPath(dataDir)}, through the Intake server (pid ${err.pid}) that runs it`,
    );
    return { url: env.DATABASE_URL, source: 'running-embedded', embedded: undefined, close: async () => {} };
  }
  env.DATABASE_URL = embedded.url;
  say(
    `embedded database in ${displayPath(embedded.dataDir)} ready in ${seconds(performance.now() - started)} (Unix socket ${displayPath(embedded.socketPath)}, no TCP port)`,
  );
  return { url: embedded.url, source: 'embedded', embedded, close: () => embedded.stop() };
}
