// A scratch database seeded by `npm run db:seed`'s seeder, shared by the benches of one run that
// only read cases (case-list, http: their writes are audit events, sessions and sign-in times).
// Seeding 100,000 cases takes 35–190 s depending on the machine's load, so seeding once keeps a
// full `npm run bench` within its 10 minutes. BENCH_SHARE_DB=0 gives each bench its own database.
// Shared databases are dropped by dropSharedDatabases() (bench/run.ts, when the run ends) and on
// Ctrl-C or a kill; BENCH_KEEP_DB=1 keeps them (their URLs are printed).
import { seedDatabase, type SeededStaff, type SeedResult } from '../../scripts/lib/seed/seed-database';
import { createScratchDatabase, dropDatabase, runPrisma } from '@/tests/integration/support/test-database';

import { withScratchDatabase, type ScratchDatabase } from './scratch-database';

/** The seeded staff's password in the benches' scratch databases only. */
export const BENCH_PASSWORD = 'bench password, not a secret';

/** The seed's first staff member with that role (a supervisor sees every case). */
export function seededStaff(seed: SeedResult, role: SeededStaff['role']): SeededStaff {
  const member = seed.staff.find((candidate) => candidate.role === role);
  if (!member) throw new Error(`the seed made no ${role}`);
  return member;
}

interface Shared {
  readonly database: ScratchDatabase;
  readonly seed: SeedResult;
  /** The bench that seeded it (reported by the others). */
  readonly seededBy: string;
}

const shared = new Map<number, Promise<Shared>>();
const created: ScratchDatabase[] = [];
const keep = () => process.env.BENCH_KEEP_DB === '1';

function onSignal(signal: NodeJS.Signals): void {
  const exit = () => process.exit(signal === 'SIGINT' ? 130 : 143);
  dropSharedDatabases().then(exit, exit);
}

async function createShared(label: string, cases: number, log?: (message: string) => void): Promise<Shared> {
  const database = await createScratchDatabase('shared');
  created.push(database);
  if (created.length === 1) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(`migrate deploy failed on ${database.name}:\n${migrated.output}`);
  const seed = await seedDatabase(database.url, { cases, staffPassword: BENCH_PASSWORD, log });
  return { database, seed, seededBy: label };
}

/**
 * Runs `work` on a database seeded with `cases` cases (staff password BENCH_PASSWORD): the run's
 * shared one for that size (seeded by the first bench that asks), or its own with BENCH_SHARE_DB=0.
 * `seededBy` is null when this bench seeded the database itself.
 */
export async function withSeededDatabase<T>(
  label: string,
  options: { readonly cases: number; readonly log?: (message: string) => void },
  work: (database: ScratchDatabase, seed: SeedResult, seededBy: string | null) => Promise<T>,
): Promise<T> {
  if (process.env.BENCH_SHARE_DB === '0')
    return withScratchDatabase(label, async (database) =>
      work(
        database,
        await seedDatabase(database.url, { cases: options.cases, staffPassword: BENCH_PASSWORD, log: options.log }),
        null,
      ),
    );
  let entry = shared.get(options.cases);
  if (!entry) {
    entry = createShared(label, options.cases, options.log);
    shared.set(options.cases, entry);
  }
  const { database, seed, seededBy } = await entry;
  return work(database, seed, seededBy === label ? null : seededBy);
}

/** Drops every shared database of this run (or prints their URLs with BENCH_KEEP_DB=1). */
export async function dropSharedDatabases(): Promise<void> {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  shared.clear();
  for (const database of created.splice(0)) {
    if (keep()) console.log(`      kept database ${database.name}: ${database.url}`);
    else await dropDatabase(database.name);
  }
}
