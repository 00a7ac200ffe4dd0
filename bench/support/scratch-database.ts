// A throwaway, migrated database for one bench, on the integration tests' server
// (TEST_DATABASE_SERVER): created with the tests' helpers, dropped afterwards — also when the
// bench fails or is interrupted. BENCH_KEEP_DB=1 keeps it (and prints its URL) for EXPLAIN in psql.
import { createScratchDatabase, dropDatabase, runPrisma } from '@/tests/integration/support/test-database';

export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
}

export async function withScratchDatabase<T>(
  label: string,
  work: (database: ScratchDatabase) => Promise<T>,
): Promise<T> {
  const database = await createScratchDatabase(label);
  const keep = process.env.BENCH_KEEP_DB === '1';
  // Ctrl-C or a kill during a bench must not leave a 100,000-row database behind.
  const onSignal = (signal: NodeJS.Signals) => {
    const exit = () => process.exit(signal === 'SIGINT' ? 130 : 143);
    if (keep) exit();
    else dropDatabase(database.name).then(exit, exit);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
    if (migrated.status !== 0) throw new Error(`migrate deploy failed on ${database.name}:\n${migrated.output}`);
    return await work(database);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (keep) console.log(`      kept database ${database.name}: ${database.url}`);
    else await dropDatabase(database.name);
  }
}
