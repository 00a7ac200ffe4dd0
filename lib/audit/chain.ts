// The audit log's hash chain, in TypeScript: the same canonical form as the database trigger
// (prisma/migrations/20261203120000_audit_hash_chain). Pure: no database, no framework. Used by
// `npm run audit:verify` and the tests.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
const VERSION = 'intake-audit-v1';

/** One audit row as the chain sees it: every field as PostgreSQL renders it as text. */
export interface ChainRow {
  id: string;
  /** The event time (millisecond precision). */
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** `detail::text` — the jsonb text PostgreSQL stores (its own key order and spacing). */
  detailText: string | null;
  prevHash: string;
  hash: string;
}

function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** The exact text that is hashed: version tag, then each field length-prefixed. */
export function canonicalForm(row: Omit<ChainRow, 'hash'>): string {
  const fields = [
    row.id,
    row.at.toISOString(),
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.outcome,
    row.requestId,
    row.ip,
    row.userAgent,
    row.detailText,
    row.prevHash,
  ];
  return [VERSION, ...fields.map(field)].join(';');
}

export function chainHash(row: Omit<ChainRow, 'hash'>): string {
  return createHash('sha256').update(canonicalForm(row), 'utf8').digest('hex');
}

export type ChainBreak =
  { kind: 'hash mismatch'; id: string; at: Date } | { kind: 'prev link mismatch'; id: string; at: Date };

/**
 * Walks the chain page by page: feed rows in id order; `check` returns the first break or null.
 * Keeps only the previous hash, so any number of rows fits in memory.
 */
export class ChainVerifier {
  private previous = GENESIS_HASH;
  count = 0;

  check(row: ChainRow): ChainBreak | null {
    if (row.prevHash !== this.previous) return { kind: 'prev link mismatch', id: row.id, at: row.at };
    if (chainHash(row) !== row.hash) return { kind: 'hash mismatch', id: row.id, at: row.at };
    this.previous = row.hash;
    this.count += 1;
    return null;
  }
}

export function describeBreak(broken: ChainBreak): string {
  return `Broken at event ${broken.id} (${broken.at.toISOString()}): ${broken.kind}`;
}
