// `npm start`'s side of the one-time setup code (the app's side, which checks it, is
// app/setup/setup-code.ts — same file name, same format). While no account exists, the code is
// created in <DATA_DIR>/setup-code (0600) and printed, so only someone who can see the server's
// console or data folder can create the first administrator.

import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const SETUP_CODE_FILE_NAME = 'setup-code';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Whether the database has no staff account yet (the migrations have run). */
export async function noAccountsYet(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM "StaffUser") AS "any"');
    return !rows[0].any;
  } finally {
    await client.end();
  }
}

/** The code to print: INTAKE_SETUP_CODE, else the file's, created (0600) the first time. */
export function ensureSetupCode(dataDir, env = process.env) {
  if (env.INTAKE_SETUP_CODE?.trim()) return { code: env.INTAKE_SETUP_CODE.trim(), source: 'env' };
  const file = path.join(dataDir, SETUP_CODE_FILE_NAME);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  try {
    fs.writeFileSync(file, `${code.replace(/(.{4})(?=.)/g, '$1-')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err; // kept from an earlier start: the same code
  }
  return { code: fs.readFileSync(file, 'utf8').trim(), source: 'file', file };
}
