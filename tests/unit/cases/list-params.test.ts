// The case list's URL state and cursors: round trips, defaults for anything unreadable, and a
// cursor that only opens a page of the sort it was made for.
import { describe, expect, it } from 'vitest';

import { decodeCursor, encodeCursor } from '@/lib/cases/list/cursor';
import { caseListHref, caseListQueryString, parseCaseListParams, DEFAULT_LIST_STATE } from '@/lib/cases/list/params';

describe('case list params', () => {
  it('reads filters and sort from the URL and writes them back the same way', () => {
    const query =
      'status=NEW,REFERRED&level=3.7&wm=none&urgent=1&assigned=me&from=2026-01-01&to=2026-02-01&sort=name&dir=desc';
    const state = parseCaseListParams(new URLSearchParams(query));
    expect(state).toMatchObject({
      sort: 'name',
      dir: 'desc',
      filters: {
        statuses: ['NEW', 'REFERRED'],
        level: '3.7',
        wm: 'none',
        urgent: true,
        assigned: 'me',
        from: '2026-01-01',
        to: '2026-02-01',
      },
    });
    expect(caseListQueryString(state)).toBe(query);
  });

  it('accepts repeated status parameters (a GET form) and orders them like the workflow', () => {
    const state = parseCaseListParams({ status: ['REFERRED', 'NEW', 'NEW', 'BOGUS'] });
    expect(state.filters.statuses).toEqual(['NEW', 'REFERRED']);
  });

  it('falls back to defaults for values it cannot read, and swaps a reversed date range', () => {
    const state = parseCaseListParams({
      sort: 'drop table',
      dir: 'up',
      level: '9',
      assigned: 'x',
      from: '2026-02-30',
      urgent: 'yes',
      cursor: '../etc',
    });
    expect(state).toEqual(DEFAULT_LIST_STATE);
    expect(parseCaseListParams({ from: '2026-03-01', to: '2026-01-01' }).filters).toMatchObject({
      from: '2026-01-01',
      to: '2026-03-01',
    });
    expect(caseListHref(DEFAULT_LIST_STATE)).toBe('/cases');
  });

  it('keeps a staff member id for "assigned to" and never search words', () => {
    const id = '0b7e5d52-8f3c-4c6e-9a59-0f2f4c3e9d11';
    expect(parseCaseListParams({ assigned: id, q: 'Nguyen' }).filters.assigned).toEqual({ staffId: id });
    expect(caseListQueryString(parseCaseListParams({ assigned: id, q: 'Nguyen' }))).toBe(`assigned=${id}`);
  });
});

describe('case list cursors', () => {
  const cursor = {
    sort: 'name' as const,
    dir: 'asc' as const,
    toward: 'next' as const,
    key: ['nguyen', 'thimai'],
    id: '0b7e5d52-8f3c-4c6e-9a59-0f2f4c3e9d11',
    page: 7,
  };

  it('round-trips as URL-safe text that does not show the name keys plainly', () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded).not.toContain('nguyen');
    expect(decodeCursor(encoded, 'name', 'asc')).toEqual(cursor);
  });

  it('is ignored for another sort or direction, or when tampered with', () => {
    const encoded = encodeCursor(cursor);
    expect(decodeCursor(encoded, 'intake', 'asc')).toBeNull();
    expect(decodeCursor(encoded, 'name', 'desc')).toBeNull();
    expect(decodeCursor(`${encoded}x`, 'name', 'asc')).toBeNull();
    expect(decodeCursor(encodeCursor({ ...cursor, sort: 'intake', key: ['not a date'] }), 'intake', 'asc')).toBeNull();
  });
});
