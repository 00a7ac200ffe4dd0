/**
 * The case list's state in the URL (issue 9 item 7): sort, direction, filters and the page cursor,
 * so a list is bookmarkable. The search words are NOT here: they are patient data and travel in a
 * cookie (lib/cases/search-cookie.ts). Anything unreadable in a URL falls back to its default
 * rather than failing the page. Pure and client-safe.
 */
import { isCalendarDate } from '@/lib/intake/calendar-date';
import { TREATMENT_LEVELS, WITHDRAWAL_MANAGEMENT_LEVELS } from '@/lib/placement/shared/vocabulary';

import { CASE_STATUSES, type CaseStatusValue } from '../status';

export const CASE_LIST_SORTS = ['intake', 'updated', 'name', 'level', 'status'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export const CASE_LIST_SORT_LABELS: Readonly<Record<CaseListSort, string>> = {
  intake: 'Intake date',
  updated: 'Last update',
  name: 'Name',
  level: 'Level of care',
  status: 'Status',
};

/** The direction each sort starts in: newest first for dates, A→Z / least intensive / workflow order otherwise. */
export const DEFAULT_DIRECTION: Readonly<Record<CaseListSort, SortDirection>> = {
  intake: 'desc',
  updated: 'desc',
  name: 'asc',
  level: 'asc',
  status: 'asc',
};

/** 'me', 'any' (someone), 'none' (unassigned) or one staff member's id. */
export type AssignedFilter = 'me' | 'any' | 'none' | { readonly staffId: string };

export interface CaseListFilters {
  readonly statuses: readonly CaseStatusValue[];
  readonly level: string | null;
  readonly wm: string | null;
  readonly urgent: boolean;
  readonly assigned: AssignedFilter | null;
  /** Intake dates, YYYY-MM-DD in the program's time zone, both inclusive. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface CaseListState {
  readonly sort: CaseListSort;
  readonly dir: SortDirection;
  readonly filters: CaseListFilters;
  /** Opaque (lib/cases/list/cursor.ts); null for the first page. */
  readonly cursor: string | null;
}

export const EMPTY_FILTERS: CaseListFilters = {
  statuses: [],
  level: null,
  wm: null,
  urgent: false,
  assigned: null,
  from: null,
  to: null,
};

export const DEFAULT_LIST_STATE: CaseListState = { sort: 'intake', dir: 'desc', filters: EMPTY_FILTERS, cursor: null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

type RawParams = Readonly<Record<string, string | readonly string[] | undefined>> | URLSearchParams;

function all(params: RawParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

function one(params: RawParams, key: string): string | null {
  return all(params, key)[0] ?? null;
}

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : null;
}

function parseAssigned(value: string | null): AssignedFilter | null {
  if (value === 'me' || value === 'any' || value === 'none') return value;
  return value !== null && UUID.test(value) ? { staffId: value.toLowerCase() } : null;
}

/** Reads the list state from a page's searchParams (or a URLSearchParams). */
export function parseCaseListParams(params: RawParams): CaseListState {
  const sort = oneOf(one(params, 'sort'), CASE_LIST_SORTS) ?? 'intake';
  const dir = oneOf(one(params, 'dir'), ['asc', 'desc'] as const) ?? DEFAULT_DIRECTION[sort];
  const statuses = [
    ...new Set(
      all(params, 'status')
        .flatMap((value) => value.split(','))
        .filter((value): value is CaseStatusValue => (CASE_STATUSES as readonly string[]).includes(value)),
    ),
  ].sort((a, b) => CASE_STATUSES.indexOf(a) - CASE_STATUSES.indexOf(b));
  let from = one(params, 'from');
  let to = one(params, 'to');
  if (from !== null && !isCalendarDate(from)) from = null;
  if (to !== null && !isCalendarDate(to)) to = null;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const cursor = one(params, 'cursor');
  return {
    sort,
    dir,
    filters: {
      statuses,
      level: oneOf(one(params, 'level'), TREATMENT_LEVELS),
      wm: oneOf(one(params, 'wm'), WITHDRAWAL_MANAGEMENT_LEVELS),
      urgent: one(params, 'urgent') === '1',
      assigned: parseAssigned(one(params, 'assigned')),
      from,
      to,
    },
    cursor: cursor !== null && CURSOR.test(cursor) ? cursor : null,
  };
}

/** The URL query for a state (defaults left out), e.g. "status=NEW,IN_REVIEW&sort=name". */
export function caseListQueryString(state: CaseListState): string {
  const params = new URLSearchParams();
  const { filters } = state;
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.level) params.set('level', filters.level);
  if (filters.wm) params.set('wm', filters.wm);
  if (filters.urgent) params.set('urgent', '1');
  if (filters.assigned)
    params.set('assigned', typeof filters.assigned === 'string' ? filters.assigned : filters.assigned.staffId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (state.sort !== 'intake') params.set('sort', state.sort);
  if (state.dir !== DEFAULT_DIRECTION[state.sort]) params.set('dir', state.dir);
  if (state.cursor) params.set('cursor', state.cursor);
  return params.toString().replace(/%2C/g, ',');
}

export function caseListHref(state: CaseListState): string {
  const query = caseListQueryString(state);
  return query ? `/cases?${query}` : '/cases';
}

export function hasFilters(filters: CaseListFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.level !== null ||
    filters.wm !== null ||
    filters.urgent ||
    filters.assigned !== null ||
    filters.from !== null ||
    filters.to !== null
  );
}
