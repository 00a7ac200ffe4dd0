import { describe, expect, it } from 'vitest';

import { parseCaseSearch, prefixUpperBound, searchKey } from '@/lib/cases/search-key';

describe('searchKey', () => {
  it('keeps lower-case letters and digits only, folding accents', () => {
    expect(searchKey("José O'Brien-Núñez")).toBe('joseobriennunez');
    expect(searchKey('MRN-00042')).toBe('mrn00042');
    expect(searchKey('Strauß Øre Łukasz')).toBe('straussorelukasz');
  });

  it('is empty for text with no letters or digits', () => {
    expect(searchKey(" -'. ")).toBe('');
  });
});

describe('prefixUpperBound', () => {
  it('increments the last character', () => {
    expect(prefixUpperBound('lee')).toBe('lef');
    expect(prefixUpperBound('a9')).toBe('aa');
  });

  it('carries past z', () => {
    expect(prefixUpperBound('baz')).toBe('bb');
    expect(prefixUpperBound('azz')).toBe('b');
  });

  it('has no bound for a prefix of only z', () => {
    expect(prefixUpperBound('zz')).toBeNull();
  });

  it('bounds exactly the keys that start with the prefix (in byte order)', () => {
    const keys = ['le', 'lee', 'leeds', 'lef', 'lez', 'lf', 'l9', 'leea'];
    const upper = prefixUpperBound('lee');
    const inRange = keys.filter((key) => key >= 'lee' && (upper === null || key < upper)).sort();
    expect(inRange).toEqual(keys.filter((key) => key.startsWith('lee')).sort());
  });

  it('refuses a value that is not a search key', () => {
    expect(() => prefixUpperBound('Lee')).toThrow(RangeError);
  });
});

describe('parseCaseSearch', () => {
  it('splits on spaces and commas into keys', () => {
    expect(parseCaseSearch('  Lee, Jordan ')).toEqual(['lee', 'jordan']);
  });

  it('drops empty terms and keeps at most four', () => {
    expect(parseCaseSearch('a - b c d e f')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseCaseSearch(' ,; ')).toEqual([]);
  });
});
