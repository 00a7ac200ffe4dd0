// `npm run audit:verify`: recomputes the audit log's hash chain (lib/audit/chain.ts) in id order,
// a page at a time, in one read-only snapshot. Prints "Audit chain intact: N events" (exit 0) or
// the first broken link, "Broken at event <id> (<time>): hash mismatch | prev link mismatch"
// (exit 1). Connects to MIGRATION_DATABASE_URL when set, else DATABASE_URL, else the embedded
// database; only reads, so the app role is enough.
//
// Anchors (the chain's newest hash kept outside the database, docs/security.md):
//   --write-anchor <file>  after an intact walk, writes the newest event's id and hash to <file>
//                          (mode 0600) and prints it; copy it somewhere the database's owner
//                          cannot write (another machine, a write-once bucket, a ticket).
//   --anchor <file>        (repeatable) also checks that each anchored event is still there with
//                          the same hash: a chain rewritten from an earlier event onwards, every
//                          later hash recomputed, passes the walk but not this.
// Exit 2 when the command itself fails (bad arguments, unreadable anchor file, no database).
import fs from 'node:fs';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { openDatabase } from '../lib/database.mjs';
import { loadEnvFiles } from '../lib/env.mjs';

import {
  ChainVerifier,
  anchorFileText,
  describeBreak,
  parseAnchorFile,
  type ChainAnchor,
  type ChainRow,
} from '@/lib/audit/chain';

const PAGE = 1000;

/** A row as the query below returns it: exactly what the chain hashes. */
type DbRow = ChainRow;

interface Options {
  anchors: ChainAnchor[];
  writeAnchor: string | undefined;
}

class UsageError extends Error {}

function readOptions(argv: string[]): Options {
  let values: { anchor?: string[]; 'write-anchor'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { anchor: { type: 'string', multiple: true }, 'write-anchor': { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(
      `${err instanceof Error ? err.message : String(err)} (usage: npm run audit:verify -- [--anchor <file>]... [--write-anchor <file>])`,
    );
  }
  const anchors = (values.anchor ?? []).map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(
        `cannot read the anchor file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    try {
      return parseAnchorFile(text);
    } catch (err) {
      throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { anchors, writeAnchor: values['write-anchor'] };
}

async function verify(url: string, options: Options): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verifier = new ChainVerifier(options.anchors);
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
    const missing = verifier.finish();
    if (missing) {
      console.error(describeBreak(missing));
      return 1;
    }
    console.log(`Audit chain intact: ${verifier.count} events`);
    if (options.anchors.length > 0)
      console.log(`Matches ${options.anchors.length === 1 ? 'the anchor' : `all ${options.anchors.length} anchors`}`);
    if (options.writeAnchor !== undefined) {
      if (!verifier.head) throw new UsageError('the audit log is empty: there is nothing to anchor yet');
      const text = anchorFileText(verifier.head, verifier.count, new Date());
      fs.writeFileSync(options.writeAnchor, text, { mode: 0o600 });
      fs.chmodSync(options.writeAnchor, 0o600); // an existing file keeps its mode on write
      console.log(`Anchor written to ${options.writeAnchor}: ${text.trim()}`);
    }
    return 0;
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
  }
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  loadEnvFiles();
  if (process.env.MIGRATION_DATABASE_URL) return verify(process.env.MIGRATION_DATABASE_URL, options);
  const database = await openDatabase({ log: () => {}, announce: false, ifEmbeddedInUse: 'join' });
  try {
    return await verify(database.url, options);
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
