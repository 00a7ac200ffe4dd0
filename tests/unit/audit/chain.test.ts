// The TypeScript half of the audit hash chain (lib/audit/chain.ts). The database half is checked
// against it in tests/integration/db/audit-roles-and-chain.test.ts (audit:verify on real rows).
import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  ChainVerifier,
  GENESIS_HASH,
  anchorFileText,
  canonicalForm,
  chainHash,
  describeBreak,
  parseAnchorFile,
  type ChainRow,
} from '@/lib/audit/chain';

function row(overrides: Partial<Omit<ChainRow, 'hash'>> = {}): Omit<ChainRow, 'hash'> {
  return {
    id: '7',
    at: new Date('2026-12-03T09:05:29.464Z'),
    actorId: null,
    action: 'case.view',
    entityType: 'Case',
    entityId: 'c-1',
    outcome: 'SUCCESS',
    requestId: 'r',
    ip: '127.0.0.1',
    userAgent: null,
    detailText: '{"a": "é"}',
    prevHash: GENESIS_HASH,
    ...overrides,
  };
}

function chain(rows: Array<Omit<ChainRow, 'hash'>>): ChainRow[] {
  let previous = GENESIS_HASH;
  return rows.map((r) => {
    const linked = { ...r, prevHash: previous };
    const full = { ...linked, hash: chainHash(linked) };
    previous = full.hash;
    return full;
  });
}

describe('canonicalForm', () => {
  it('length-prefixes every field in UTF-8 bytes and marks nulls, so fields cannot run into each other', () => {
    expect(canonicalForm(row())).toBe(
      `intake-audit-v1;1:7;24:2026-12-03T09:05:29.464Z;-;9:case.view;4:Case;3:c-1;7:SUCCESS;1:r;9:127.0.0.1;-;11:{"a": "é"};64:${GENESIS_HASH}`,
    );
  });

  it('tells a null apart from an empty string and from a literal dash', () => {
    const forms = [null, '', '-'].map((userAgent) => canonicalForm(row({ userAgent })));
    expect(new Set(forms).size).toBe(3);
  });

  it('tells a value moved between adjacent fields apart', () => {
    expect(chainHash(row({ entityType: 'Case;3:c', entityId: '1' }))).not.toBe(chainHash(row()));
  });

  it('hashes with sha256 to lower-case hex', () => {
    expect(chainHash(row())).toBe(createHash('sha256').update(canonicalForm(row())).digest('hex'));
    expect(chainHash(row())).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ChainVerifier', () => {
  const rows = chain([
    row({ id: '1' }),
    row({ id: '2', action: 'auth.signin.success' }),
    row({ id: '5', detailText: null }),
  ]);
  const [first, second, third] = rows as [ChainRow, ChainRow, ChainRow];

  it('accepts an intact chain and counts it', () => {
    const verifier = new ChainVerifier();
    expect(rows.map((r) => verifier.check(r))).toEqual([null, null, null]);
    expect(verifier.count).toBe(3);
  });

  it('reports a changed field as a hash mismatch at that event', () => {
    const verifier = new ChainVerifier();
    const tampered = rows.map((r) => (r.id === '2' ? { ...r, outcome: 'DENIED' } : r));
    const results = tampered.map((r) => verifier.check(r)).filter(Boolean);
    expect(results[0]).toEqual({ kind: 'hash mismatch', id: '2', at: second.at });
  });

  it('reports a removed event as a prev link mismatch at the event after it', () => {
    const verifier = new ChainVerifier();
    const broken = [first, third].map((r) => verifier.check(r)).find(Boolean);
    expect(broken).toEqual({ kind: 'prev link mismatch', id: '5', at: third.at });
  });

  it('reports a first event that does not start from the genesis hash', () => {
    expect(new ChainVerifier().check(second)?.kind).toBe('prev link mismatch');
  });

  it('describes a break with the id and time', () => {
    expect(describeBreak({ kind: 'hash mismatch', id: '2', at: second.at })).toBe(
      'Broken at event 2 (2026-12-03T09:05:29.464Z): hash mismatch',
    );
  });
});

describe('anchors', () => {
  const rows = chain([row({ id: '1' }), row({ id: '2' }), row({ id: '3' })]);
  const [first, second, third] = rows as [ChainRow, ChainRow, ChainRow];
  const walk = (verifier: ChainVerifier, list: ChainRow[]) =>
    list.map((r) => verifier.check(r)).find(Boolean) ?? verifier.finish();

  it('accepts a chain whose anchored event still has the anchored hash, and reports the head', () => {
    const verifier = new ChainVerifier([{ eventId: '2', hash: second.hash }]);
    expect(walk(verifier, rows)).toBeNull();
    expect(verifier.head).toEqual({ eventId: '3', hash: third.hash });
  });

  it('reports a chain rewritten consistently from an earlier event as an anchor mismatch', () => {
    // The owner changed event 1 and recomputed every later hash: the walk alone sees nothing.
    const rewritten = chain([row({ id: '1', outcome: 'DENIED' }), row({ id: '2' }), row({ id: '3' })]);
    expect(walk(new ChainVerifier(), rewritten)).toBeNull();
    const anchored = new ChainVerifier([{ eventId: '2', hash: second.hash }]);
    expect(walk(anchored, rewritten)).toEqual({ kind: 'anchor mismatch', id: '2', at: second.at });
  });

  it('reports an anchored event that is gone (events removed from the end) as missing', () => {
    const verifier = new ChainVerifier([{ eventId: '3', hash: third.hash }]);
    expect(walk(verifier, [first, second])).toEqual({ kind: 'anchor missing', id: '3' });
    expect(describeBreak({ kind: 'anchor missing', id: '3' })).toBe(
      'Broken: anchored event 3 is missing (events up to it were removed)',
    );
  });

  it('round-trips an anchor file and refuses a file that is not one', () => {
    const text = anchorFileText({ eventId: '3', hash: third.hash }, 3, new Date('2026-12-03T10:00:00Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'intake-audit-anchor-v1',
      eventId: '3',
      hash: third.hash,
      events: 3,
      verifiedAt: '2026-12-03T10:00:00.000Z',
    });
    expect(parseAnchorFile(text)).toEqual({ eventId: '3', hash: third.hash });
    expect(() => parseAnchorFile('not json')).toThrow('the anchor file is not JSON');
    expect(() => parseAnchorFile('{"format":"other"}')).toThrow('is not an intake-audit-anchor-v1 file');
    expect(() => parseAnchorFile(text.replace(third.hash, 'xyz'))).toThrow('no valid hash');
  });
});
