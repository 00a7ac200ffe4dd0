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
  | { kind: 'hash mismatch'; id: string; at: Date }
  | { kind: 'prev link mismatch'; id: string; at: Date }
  /** The anchored event is still there but its hash is not the one written down: the chain was rewritten. */
  | { kind: 'anchor mismatch'; id: string; at: Date }
  /** The anchored event is gone: events up to it were removed. */
  | { kind: 'anchor missing'; id: string };

/**
 * An anchor: the newest event's id and hash as `npm run audit:verify -- --write-anchor` wrote them
 * down, kept outside the database (another machine, a write-once bucket, a ticket, paper). An owner
 * who rewrites an event can recompute every later hash so the chain itself looks intact, but not
 * the anchored hash: since each hash covers the previous one, a matching anchor vouches for every
 * event up to it. It says nothing about events written after it (write anchors regularly).
 */
export interface ChainAnchor {
  eventId: string;
  hash: string;
}

export const ANCHOR_FORMAT = 'intake-audit-anchor-v1';

/** What an anchor file holds (one JSON object). */
export interface AnchorFile extends ChainAnchor {
  format: typeof ANCHOR_FORMAT;
  /** How many events the verified chain held, up to and including eventId. */
  events: number;
  verifiedAt: string;
}

export function anchorFileText(head: ChainAnchor, events: number, verifiedAt: Date): string {
  const file: AnchorFile = { format: ANCHOR_FORMAT, ...head, events, verifiedAt: verifiedAt.toISOString() };
  return `${JSON.stringify(file)}\n`;
}

/** Reads an anchor file's text; throws with a message saying what is wrong. */
export function parseAnchorFile(text: string): ChainAnchor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('the anchor file is not JSON');
  }
  const file = value as Partial<AnchorFile> | null;
  if (file?.format !== ANCHOR_FORMAT) throw new Error(`the anchor file is not an ${ANCHOR_FORMAT} file`);
  if (typeof file.eventId !== 'string' || !/^[0-9]+$/.test(file.eventId))
    throw new Error('the anchor file has no valid eventId');
  if (typeof file.hash !== 'string' || !/^[0-9a-f]{64}$/.test(file.hash))
    throw new Error('the anchor file has no valid hash');
  return { eventId: file.eventId, hash: file.hash };
}

/**
 * Walks the chain page by page: feed rows in id order; `check` returns the first break or null,
 * then `finish` reports an anchor that was never reached. Keeps only the previous hash, so any
 * number of rows fits in memory.
 */
export class ChainVerifier {
  private previous = GENESIS_HASH;
  private readonly anchors: Map<string, string>;
  count = 0;
  /** The newest event checked so far (null before the first). */
  head: ChainAnchor | null = null;

  constructor(anchors: readonly ChainAnchor[] = []) {
    this.anchors = new Map(anchors.map((anchor) => [anchor.eventId, anchor.hash]));
  }

  check(row: ChainRow): ChainBreak | null {
    if (row.prevHash !== this.previous) return { kind: 'prev link mismatch', id: row.id, at: row.at };
    if (chainHash(row) !== row.hash) return { kind: 'hash mismatch', id: row.id, at: row.at };
    const anchored = this.anchors.get(row.id);
    if (anchored !== undefined) {
      if (anchored !== row.hash) return { kind: 'anchor mismatch', id: row.id, at: row.at };
      this.anchors.delete(row.id);
    }
    this.previous = row.hash;
    this.head = { eventId: row.id, hash: row.hash };
    this.count += 1;
    return null;
  }

  /** After the last row: an anchor whose event never came is a break (smallest id first). */
  finish(): ChainBreak | null {
    const missing = [...this.anchors.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0];
    return missing === undefined ? null : { kind: 'anchor missing', id: missing };
  }
}

export function describeBreak(broken: ChainBreak): string {
  if (broken.kind === 'anchor missing')
    return `Broken: anchored event ${broken.id} is missing (events up to it were removed)`;
  if (broken.kind === 'anchor mismatch')
    return `Broken at event ${broken.id} (${broken.at.toISOString()}): anchor mismatch (the chain up to it was rewritten)`;
  return `Broken at event ${broken.id} (${broken.at.toISOString()}): ${broken.kind}`;
}
