// Argument handling for `npm run user:create` (scripts/cli/user-create.ts), kept pure for testing.
import { parseArgs } from 'node:util';

import { ROLE_LABELS, STAFF_ROLES } from '@/lib/auth/permissions';

export const USER_CREATE_USAGE = `Usage: npm run user:create -- --email <email> --name "<display name>" --role <${STAFF_ROLES.join('|')}>

Creates a staff account. The password comes from the INTAKE_PASSWORD environment variable or, when
that is unset, from a hidden prompt. It needs at least 12 characters and must not contain the part
of the email before the @.

Roles: ${STAFF_ROLES.map((role) => `${role} (${ROLE_LABELS[role]})`).join(', ')}
Database: DATABASE_URL, or the embedded database in DATA_DIR when the app is not running.
Exit codes: 0 created · 1 could not reach or use the database · 2 invalid arguments, password or duplicate email.`;

export type UserCreateArgs = { help: true } | { help: false; email: string; displayName: string; role: string };

/** Parses argv (without node and the script); throws an Error with a readable message. */
export function parseUserCreateArgs(argv: string[]): UserCreateArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return { help: true };
  if (positionals.length > 0)
    throw new Error(`Unexpected argument "${positionals[0]}". Put values after their option, e.g. --name "Jane Doe".`);
  const missing = (['email', 'name', 'role'] as const).filter((key) => !values[key]);
  if (missing.length > 0) throw new Error(`Missing ${missing.map((key) => `--${key}`).join(', ')}.`);
  return { help: false, email: values.email!, displayName: values.name!, role: values.role!.toUpperCase() };
}
