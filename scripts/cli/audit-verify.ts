// `npm run audit:verify`: recomputes the audit log's hash chain (lib/audit/chain.ts) in id order,
// a page at a time, in one read-only snapshot. Prints "Audit chain intact: N events" (exit 0) or
// the first broken link, "Broken at event <id> (<time>): hash mismatch | prev link mismatch"
// (exit 1). Connects to MIGRATION_DATABASE_URL when set, else DATABASE_URL, else the embedded
// database; only reads, so the app role is enough.
import pg from 'pg';

import { openDatabase } from '../lib/database.mjs';
import { loadEnvFiles } from '../lib/env.mjs';

import { ChainVerifier, describeBreak, type ChainRow } from '@/lib/audit/chain';

const PAGE = 1000;

/** A row as the query below returns it: exactly what the chain hashes. */
type DbRow = ChainRow;

async function verify(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verifier = new ChainVerifier();
    let after = '0';
    for (;;) {
      const { rows } = await client.query<DbRow>(
        `SELECT id::text AS id, at, "actorId"::text AS "actorId", action, "entityType", "entityId",
                outcome::text AS outcome, "requestId", ip, "userAgent", detail::text AS "detailText",
                "prevHash", hash
           FROM "AuditEvent" WHERE "AuditEvent".id > $1::bigint ORDER BY "AuditEvent".id LIMIT ${PAGE}`,
        [after],
      );
      for (const row of rows satisfies ChainRow[]) {
        const broken = verifier.check(row);
        if (broken) {
          console.error(describeBreak(broken));
          return 1;
        }
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE) break;
      after = last.id;
    }
    console.log(`Audit chain intact: ${verifier.count} events`);
    return 0;
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
  }
}

async function main(): Promise<number> {
  loadEnvFiles();
  if (process.env.MIGRATION_DATABASE_URL) return verify(process.env.MIGRATION_DATABASE_URL);
  const database = await openDatabase({ log: () => {}, announce: false, ifEmbeddedInUse: 'join' });
  try {
    return await verify(database.url);
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
