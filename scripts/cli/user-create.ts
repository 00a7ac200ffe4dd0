// `npm run user:create -- --email … --name … --role …`: creates a staff account from the command
// line (e.g. the first administrator on a server without a browser). Same validation and password
// policy as the admin page; audited as staff.create with no actor and { via: 'cli' }.
// Run with the react-server condition (see package.json) so the app's server-only modules load.
import { openDatabase } from '../lib/database.mjs';
import { loadEnvFiles } from '../lib/env.mjs';

import { getPrisma } from '@/lib/db/client';
import { parseUserCreateArgs, USER_CREATE_USAGE } from '@/lib/staff/cli-args';
import { NewStaffSchema } from '@/lib/staff/schemas';
import { createStaff } from '@/lib/staff/service';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_INVALID = 2;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = process;
    if (!stdin.isTTY) {
      reject(
        new CliError('No password: set INTAKE_PASSWORD or run this in a terminal to be asked for one.', EXIT_INVALID),
      );
      return;
    }
    stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new CliError('Cancelled.', EXIT_INVALID));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.INTAKE_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await promptHidden('Password for the new account: ');
  const second = await promptHidden('Type it again: ');
  if (first !== second) throw new CliError('The two passwords are different. Nothing was created.', EXIT_INVALID);
  return first;
}

/**
 * DATABASE_URL, or the embedded database: started for this command, or, while the app runs on it,
 * reached through the app's own embedded server (PGlite allows one process per data folder).
 */
async function openAccountsDatabase() {
  try {
    return await openDatabase({
      log: (message) => console.error(`[user:create] ${message}`),
      announce: false,
      ifEmbeddedInUse: 'join',
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'EMBEDDED_DB_LOCKED') {
      throw new CliError(
        'The app is running on the embedded database, which allows one process at a time. Stop it and run this again, or add the account on the Staff accounts page (or /setup for the first one).',
        EXIT_FAILED,
      );
    }
    throw error;
  }
}

async function main(): Promise<number> {
  loadEnvFiles();
  let args;
  try {
    args = parseUserCreateArgs(process.argv.slice(2));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USER_CREATE_USAGE}`, EXIT_INVALID);
  }
  if (args.help) {
    console.log(USER_CREATE_USAGE);
    return EXIT_OK;
  }

  const password = await readPassword();
  const parsed = NewStaffSchema.safeParse({
    email: args.email,
    displayName: args.displayName,
    role: args.role,
    password,
  });
  if (!parsed.success) {
    const flag: Record<string, string> = {
      email: '--email',
      displayName: '--name',
      role: '--role',
      password: 'password',
    };
    const lines = parsed.error.issues.map(
      (issue) => `  ${flag[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`,
    );
    throw new CliError(`Nothing was created:\n${lines.join('\n')}`, EXIT_INVALID);
  }

  const database = await openAccountsDatabase();
  try {
    const result = await createStaff(parsed.data, { id: null, via: 'cli' });
    if (!result.ok) {
      const problems = Object.values(result.fieldErrors ?? {}).flat();
      throw new CliError(`Nothing was created: ${problems.join(' ') || result.message}`, EXIT_INVALID);
    }
    console.log(
      `Created ${parsed.data.role} account for ${parsed.data.displayName} <${parsed.data.email}> (id ${result.id}).`,
    );
    return EXIT_OK;
  } finally {
    await getPrisma().$disconnect();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CliError) {
      console.error(`[user:create] ${error.message}`);
      process.exit(error.exitCode);
    }
    // Unexpected (database unreachable…): the message only, never the arguments or password.
    console.error(`[user:create] Could not create the account: ${(error as Error)?.message ?? String(error)}`);
    process.exit(EXIT_FAILED);
  },
);
