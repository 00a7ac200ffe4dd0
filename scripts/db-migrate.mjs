// `npm run db:migrate`: applies pending migrations (`prisma migrate deploy`) as the owner role
// (MIGRATION_DATABASE_URL, else DATABASE_URL), then grants the app role (DATABASE_URL's user) its
// limited rights (scripts/lib/app-role.mjs); when DATABASE_URL is unset, to the embedded database
// in DATA_DIR (started just for this, then stopped).

import { grantAppRole, migrationDatabaseUrl, singleRoleWarning } from './lib/app-role.mjs';
import { openDatabase } from './lib/database.mjs';
import {
  PRISMA_CLI,
  PROJECT_ROOT,
  createRunner,
  describeExit,
  errorText,
  exitCodeOf,
  loadEnvFiles,
  seconds,
} from './lib/env.mjs';

const log = (message) => console.log(`[intake] ${message}`);
const runner = createRunner();

async function main() {
  process.chdir(PROJECT_ROOT);
  loadEnvFiles();

  let database;
  try {
    database = await openDatabase({ log });
  } catch (err) {
    if (err?.code !== 'EMBEDDED_DB_LOCKED') throw err;
    console.error(
      `[intake] ${err.message}\n` +
        '[intake] That server applied the pending migrations when it started (`npm start` always does); ' +
        'to apply newer ones, restart it, or stop it and run `npm run db:migrate` again.',
    );
    return 1;
  }

  try {
    if (runner.stopSignal) return exitCodeOf({ signal: runner.stopSignal });
    const started = performance.now();
    const warning = database.embedded ? null : singleRoleWarning();
    if (warning) console.warn(`[intake] warning: ${warning}`);
    const ownerUrl = database.embedded ? process.env.DATABASE_URL : migrationDatabaseUrl();
    const result = await runner.run([PRISMA_CLI, 'migrate', 'deploy'], {
      env: { ...process.env, DATABASE_URL: ownerUrl },
    });
    if (result.code !== 0) {
      console.error(`[intake] applying the migrations failed (${describeExit(result)}); see the output above.`);
      return exitCodeOf(result);
    }
    log(`migrations applied in ${seconds(performance.now() - started)}`);
    await grantAppRole({ ownerUrl, appUrl: process.env.DATABASE_URL, log });
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[intake] db:migrate failed: ${errorText(err)}`);
    process.exit(1);
  },
);
