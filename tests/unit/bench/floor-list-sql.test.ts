// The http bench's floor (bench/support/floor-server.ts) must send the statement the app sends for
// the same page, or the `http` ratio compares different queries: its hand-written list statement
// (bench/support/floor-list-sql.ts) against lib/cases/list/query.ts's caseListSql for the
// supervisor the bench signs in as — same text (up to spacing), same parameters in the same order.
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { caseListSql } = await import('@/lib/cases/list/query');
const { DEFAULT_LIST_STATE, EMPTY_FILTERS } = await import('@/lib/cases/list/params');
const { parseCaseSearch } = await import('@/lib/cases/search-key');
const { listStatement } = await import('../../../bench/support/floor-list-sql');

import type { CaseListFilters, CaseListState } from '@/lib/cases/list/params';

const STAFF = '376c4c5a-3b3e-41ec-a6ba-cb82bb2f8b40';
const supervisor = { id: STAFF, role: 'SUPERVISOR' };

const state = (patch: Partial<Omit<CaseListState, 'filters'>> & { filters?: Partial<CaseListFilters> } = {}) => ({
  ...DEFAULT_LIST_STATE,
  ...patch,
  filters: { ...EMPTY_FILTERS, ...patch.filters },
});

const spaced = (text: string) => text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();

const cases: Array<[string, CaseListState, string]> = [
  ['page 1, newest first', state(), ''],
  [
    'name sort, status and urgent filters',
    state({ sort: 'name', dir: 'asc', filters: { statuses: ['NEW', 'IN_REVIEW'], urgent: true } }),
    '',
  ],
  [
    'level, WM, assigned to me, a date range',
    state({
      sort: 'level',
      filters: { level: '3.7', wm: '3.7-WM', assigned: 'me', from: '2026-01-01', to: '2026-02-01' },
    }),
    '',
  ],
  ['assigned to a given person', state({ sort: 'status', filters: { assigned: { staffId: STAFF } } }), ''],
  ['part of a last name', state(), 'mith'],
  ['a typo and a first name, sorted by last update', state({ sort: 'updated', dir: 'asc' }), 'smtih john'],
  ['a name word, two letters and an MRN prefix', state({ filters: { assigned: 'none' } }), 'garcia ab 1234'],
  ['two letters only (prefix, no trigram)', state(), 'ab'],
  ['an MRN only', state(), '100234'],
  ['only "z"s (no upper bound)', state(), 'zzz'],
];

describe('the floor’s case-list statement', () => {
  it.each(cases)('is the app’s statement: %s', (_label, listState, search) => {
    const app = caseListSql(supervisor, listState, search).combined;
    const floor = listStatement(listState, parseCaseSearch(search), STAFF);
    expect(spaced(floor.text)).toBe(spaced(app.text));
    expect(floor.values).toEqual(app.values);
  });
});
