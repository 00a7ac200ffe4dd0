// Staff accounts for end-to-end tests, written straight into the e2e database (pg + argon2),
// the way an administrator's tools would. Never used against a real database.
import { randomBytes } from 'node:crypto';

import { hash } from '@node-rs/argon2';
import pg from 'pg';

import type { StaffRole } from '@/lib/auth/permissions';

export const E2E_PASSWORD = 'e2e passphrase that is long';

function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run through `npm run test:e2e`.');
  return url;
}

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface SeededStaff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  password: string;
}

export function uniqueEmail(label: string): string {
  return `${label.toLowerCase()}-${randomBytes(4).toString('hex')}@e2e.test`;
}

export async function seedStaff(
  role: StaffRole,
  options: { displayName?: string; password?: string; email?: string } = {},
): Promise<SeededStaff> {
  const password = options.password ?? E2E_PASSWORD;
  const email = options.email ?? uniqueEmail(role);
  const displayName = options.displayName ?? `E2E ${role.toLowerCase()} ${randomBytes(2).toString('hex')}`;
  const passwordHash = await hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const { rows } = await withDb((client) =>
    client.query<{ id: string }>(
      `INSERT INTO "StaffUser" (id, email, "displayName", role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
      [email, displayName, role, passwordHash],
    ),
  );
  return { id: rows[0]!.id, email, displayName, role, password };
}

/** What an admin's "Deactivate" does: inactive, and every session signed out. */
export async function deactivateInDb(id: string): Promise<void> {
  await withDb((client) =>
    client.query(`UPDATE "StaffUser" SET active = false, "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [id]),
  );
}

export async function staffCount(): Promise<number> {
  const { rows } = await withDb((client) => client.query<{ count: string }>(`SELECT count(*) FROM "StaffUser"`));
  return Number(rows[0]!.count);
}

/** The administrator setting "two-factor sign-in required" (SystemSetting two_factor_required). */
export async function setTwoFactorRequired(required: boolean): Promise<void> {
  await withDb((client) =>
    client.query(
      `INSERT INTO "SystemSetting" (key, value, "updatedAt") VALUES ('two_factor_required', $1, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [required],
    ),
  );
}
