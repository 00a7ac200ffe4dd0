// `npm run db:migrate`: applies pending migrations (`prisma migrate deploy`) to DATABASE_URL, or,
// when it is unset, to the embedded database in DATA_DIR (started just for this, then stopped).

import { startEmbeddedDatabase } from './embedded-db.mjs';
import {
  PRISMA_CLI,
  PROJECT_ROOT,
  createRunner,
  describeDatabaseUrl,
  displayPath,
  exitCodeOf,
  loadEnvFiles,
  readSettings,
  seconds,
} from './lib/env.mjs';

const log = (message) => console.log(`[intake] ${message}`);
const runner = createRunner();

async function main() {
  process.chdir(PROJECT_ROOT);
  loadEnvFiles();
  const settings = readSettings();

  let embedded;
  if (process.env.DATABASE_URL) {
    log(`database: PostgreSQL at ${describeDatabaseUrl(process.env.DATABASE_URL)} (from DATABASE_URL)`);
  } else {
    const started = performance.now();
    try {
      embedded = await startEmbeddedDatabase({ dataDir: settings.dataDir, port: settings.embeddedDbPort, log });
    } catch (err) {
      if (err?.code === 'EMBEDDED_DB_LOCKED') {
        console.error(
          `[intake] ${err.message}\n` +
            '[intake] That server applied the pending migrations when it started (`npm start` always does); ' +
            'to apply newer ones, restart it, or stop it and run `npm run db:migrate` again.',
        );
        return 1;
      }
      throw err;
    }
    process.env.DATABASE_URL = embedded.url;
    log(`embedded database in ${displayPath(embedded.dataDir)} ready in ${seconds(performance.now() - started)}`);
  }

  try {
    if (runner.stopSignal) return exitCodeOf({ signal: runner.stopSignal });
    const started = performance.now();
    const result = await runner.run([PRISMA_CLI, 'migrate', 'deploy']);
    if (result.code !== 0) {
      console.error(`[intake] applying the migrations failed (${result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`}); see the output above.`);
      return exitCodeOf(result);
    }
    log(`migrations applied in ${seconds(performance.now() - started)}`);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    const readable = err?.name === 'EmbeddedDatabaseError' || err?.name === 'UserError';
    console.error(`[intake] db:migrate failed: ${readable ? err.message : (err?.stack ?? err)}`);
    process.exit(1);
  },
);
