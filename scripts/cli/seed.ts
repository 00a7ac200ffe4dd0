// `npm run db:seed -- --cases 100000 [--force] [--password …] [--seed N]`: fills the database in
// DATABASE_URL (or the embedded one, as `npm start` resolves it) with synthetic cases over the
// last two years and six staff accounts (…@seed.test). Refuses a database holding cases that are
// not synthetic unless --force. The staff password is SEED_PASSWORD or --password; without
// either the accounts get a random one nobody knows. See scripts/lib/seed/seed-database.ts.
import { openDatabase } from '../lib/database.mjs';
import { loadEnvFiles } from '../lib/env.mjs';
import { SeedRefused, seedDatabase } from '../lib/seed/seed-database';

const USAGE = `Usage: npm run db:seed -- --cases <count> [--force] [--password <staff password>] [--seed <number>]`;

interface SeedArgs {
  cases: number;
  force: boolean;
  password: string | undefined;
  seed: number | undefined;
  help: boolean;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = {
    cases: 1000,
    force: false,
    password: process.env.SEED_PASSWORD || undefined,
    seed: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--cases') args.cases = Number(value().replace(/[_,]/g, ''));
    else if (arg === '--force') args.force = true;
    else if (arg === '--password') args.password = value();
    else if (arg === '--seed') args.seed = Number(value());
    else if (arg === '--help' || arg === '-h') args.help = true;
    else throw new Error(`Unknown argument: ${arg}`);
  }
  if (!Number.isInteger(args.cases) || args.cases < 1 || args.cases > 2_000_000)
    throw new Error('--cases must be a whole number from 1 to 2,000,000');
  if (args.seed !== undefined && !Number.isInteger(args.seed)) throw new Error('--seed must be a whole number');
  return args;
}

async function main(): Promise<number> {
  loadEnvFiles();
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const database = await openDatabase({
    log: (message) => console.error(`[db:seed] ${message}`),
    ifEmbeddedInUse: 'join',
  });
  try {
    const result = await seedDatabase(database.url, {
      cases: args.cases,
      force: args.force,
      staffPassword: args.password,
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      log: (message) => console.error(`[db:seed] ${message}`),
    });
    console.log(`Seeded ${result.cases.toLocaleString('en-US')} synthetic cases in ${result.seconds} s.`);
    return 0;
  } catch (error) {
    if (error instanceof SeedRefused) {
      console.error(`[db:seed] ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
