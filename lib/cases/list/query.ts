import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { PROGRAM_TIME_ZONE } from '@/lib/format/date-time';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { type Outcome } from '@/lib/outcome';

import { caseAccessSql } from '../access';
import { type CaseActor } from '../actor';
import { deny } from '../audit-denial';
import { isUrgentFlag } from '../recommendation-view';
import { parseCaseSearch, prefixUpperBound } from '../search-key';
import type { CaseStatusValue } from '../status';

import { decodeCursor, encodeCursor, type CaseListCursor } from './cursor';
import type { CaseListFilters, CaseListSort, CaseListState, SortDirection } from './params';

/**
 * The case list (issue 9 item 7), one SQL statement per page through Prisma's $queryRaw:
 * - keyset pagination of 50 on (sort columns…, id), so page 2,000 costs what page 1 costs;
 * - the access condition from lib/cases/access.ts (caseAccessSql), on every query, count included;
 * - filters on status (several), level, WM, urgent flags, assignment and intake dates;
 * - a count that stops at COUNT_CAP + 1 rows ("1,000+"), so it never walks 100,000 rows;
 * - the name search: each word must match a first or last name (any part, accents and case folded
 *   by the search keys, one wrong, missing or extra letter tolerated through pg_trgm) or start an MRN.
 * Recorded as case.list (filters and counts only — never the search words).
 */
export const CASE_LIST_PAGE_SIZE = 50;
export const COUNT_CAP = 1000;

/** Exactly the cells the list shows, and nothing else (no intake, no recommendation). */
export interface CaseListItem {
  readonly id: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly status: CaseStatusValue;
  readonly patientName: string;
  /** YYYY-MM-DD */
  readonly dateOfBirth: string;
  readonly mrn: string | null;
  readonly finalLevel: string;
  readonly finalWm: string;
  readonly overridden: boolean;
  readonly urgentFlags: readonly string[];
  readonly assignedToName: string | null;
}

export interface CaseListResult {
  readonly rows: readonly CaseListItem[];
  /** Exact when `totalIsAtLeast` is false; otherwise "more than COUNT_CAP". */
  readonly total: number;
  readonly totalIsAtLeast: boolean;
  readonly page: number;
  readonly pageSize: number;
  /** Opaque cursors for the next and previous pages (null at either end). */
  readonly nextCursor: string | null;
  readonly prevCursor: string | null;
  /** True when the search had words to look for (a search of only punctuation lists everything). */
  readonly searched: boolean;
}

export interface CaseListOptions {
  readonly db?: PrismaClient;
  readonly pageSize?: number;
}

interface SortSpec {
  /** Columns of "Case" (quoted), in order, before the id tie-break. */
  readonly columns: readonly string[];
  /** How a cursor's string value is cast back to each column's type. */
  readonly casts: readonly string[];
}

const SORTS: Readonly<Record<CaseListSort, SortSpec>> = {
  intake: { columns: ['"createdAt"'], casts: ['timestamptz'] },
  updated: { columns: ['"updatedAt"'], casts: ['timestamptz'] },
  name: { columns: ['"patientLastNameKey"', '"patientFirstNameKey"'], casts: ['text', 'text'] },
  level: { columns: ['"finalLevel"'], casts: ['text'] },
  status: { columns: ['status'], casts: ['"CaseStatus"'] },
};

interface Row {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  status: CaseStatusValue;
  patientFirstName: string;
  patientLastName: string;
  patientFirstNameKey: string;
  patientLastNameKey: string;
  patientDateOfBirth: Date;
  patientMrn: string | null;
  computedLevel: string;
  computedWm: string;
  finalLevel: string;
  finalWm: string;
  flags: string[];
  assignedToName: string | null;
}

function keyOf(row: Row, sort: CaseListSort): string[] {
  switch (sort) {
    case 'intake':
      return [row.createdAt.toISOString()];
    case 'updated':
      return [row.updatedAt.toISOString()];
    case 'name':
      return [row.patientLastNameKey, row.patientFirstNameKey];
    case 'level':
      return [row.finalLevel];
    case 'status':
      return [row.status];
  }
}

/**
 * One search word as SQL: a name (any part, or within one edit by trigram similarity) or an MRN
 * prefix. Names are matched against the small dictionary of name keys ("CaseNameKey", kept by a
 * trigger) with pg_trgm, then the cases holding a matched key are found through the B-tree
 * indexes on the keys — never a trigram test per case row, which cost 20–30 ms per search at
 * 100,000 cases (docs/performance.md).
 */
function termCondition(term: string): Prisma.Sql {
  const upper = prefixUpperBound(term);
  const below = (column: Prisma.Sql) => (upper === null ? Prisma.empty : Prisma.sql`AND ${column} < ${upper}`);
  const mrn = Prisma.sql`(c."patientMrnKey" >= ${term} ${below(Prisma.sql`c."patientMrnKey"`)})`;
  // Names hold no digits: a number is an MRN. Under 3 letters trigrams cannot help: a prefix then.
  if (/^[0-9]+$/.test(term)) return mrn;
  if (term.length < 3) {
    const prefix = (column: string) => {
      const col = Prisma.raw(`c.${column}`);
      return Prisma.sql`(${col} >= ${term} ${below(col)})`;
    };
    return Prisma.sql`(${prefix('"patientLastNameKey"')} OR ${prefix('"patientFirstNameKey"')} OR ${mrn})`;
  }
  // Search keys are [0-9a-z] only, so the LIKE pattern needs no escaping.
  const anywhere = `%${term}%`;
  const keyMatches = Prisma.sql`(k.key LIKE ${anywhere} OR k.key % ${term} OR ${term} <% k.key)`;
  return Prisma.sql`c.id IN (
    SELECT n.id FROM "CaseNameKey" k JOIN "Case" n ON n."patientLastNameKey" = k.key WHERE ${keyMatches}
    UNION ALL
    SELECT n.id FROM "CaseNameKey" k JOIN "Case" n ON n."patientFirstNameKey" = k.key WHERE ${keyMatches}
    UNION ALL
    SELECT n.id FROM "Case" n WHERE n."patientMrnKey" >= ${term} ${below(Prisma.sql`n."patientMrnKey"`)})`;
}

/** The WHERE conditions of a list (no cursor): access and filters, without the search. */
function filterConditions(actor: CaseActor, filters: CaseListFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [caseAccessSql(actor, 'c')];
  if (filters.statuses.length > 0)
    conditions.push(Prisma.sql`c.status = ANY(${[...filters.statuses]}::"CaseStatus"[])`);
  if (filters.level) conditions.push(Prisma.sql`c."finalLevel" = ${filters.level}`);
  if (filters.wm) conditions.push(Prisma.sql`c."finalWm" = ${filters.wm}`);
  // Case.urgent: a flag urgent by its rules version's table, stored with the flags (indexed).
  if (filters.urgent) conditions.push(Prisma.sql`c.urgent`);
  const assigned = filters.assigned;
  if (assigned === 'me') conditions.push(Prisma.sql`c."assignedToId" = ${actor.id}::uuid`);
  else if (assigned === 'any') conditions.push(Prisma.sql`c."assignedToId" IS NOT NULL`);
  else if (assigned === 'none') conditions.push(Prisma.sql`c."assignedToId" IS NULL`);
  else if (assigned) conditions.push(Prisma.sql`c."assignedToId" = ${assigned.staffId}::uuid`);
  // Calendar days in the program's time zone: [from 00:00, the day after `to` 00:00).
  if (filters.from)
    conditions.push(Prisma.sql`c."createdAt" >= (${filters.from}::date::timestamp AT TIME ZONE ${PROGRAM_TIME_ZONE})`);
  if (filters.to)
    conditions.push(
      Prisma.sql`c."createdAt" < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${PROGRAM_TIME_ZONE})`,
    );
  return conditions;
}

/** The WHERE conditions of a list (no cursor): access, filters, search. */
export function caseListConditions(actor: CaseActor, filters: CaseListFilters, terms: readonly string[]): Prisma.Sql[] {
  return [...filterConditions(actor, filters), ...terms.map(termCondition)];
}

/** A word the name dictionary is searched for with pg_trgm (3 letters or more, not a number). */
function isTrigramTerm(term: string): boolean {
  return term.length >= 3 && !/^[0-9]+$/.test(term);
}

/** Whether a name key matches a trigram term: any part of it, or within one edit. */
function keyMatches(key: Prisma.Sql, term: string): Prisma.Sql {
  // Search keys are [0-9a-z] only, so the LIKE pattern needs no escaping.
  return Prisma.sql`(${key} LIKE ${`%${term}%`} OR ${key} % ${term} OR ${term} <% ${key})`;
}

function mrnPrefix(term: string): Prisma.Sql {
  const upper = prefixUpperBound(term);
  return upper === null
    ? Prisma.sql`c."patientMrnKey" >= ${term}`
    : Prisma.sql`c."patientMrnKey" >= ${term} AND c."patientMrnKey" < ${upper}`;
}

/**
 * termCondition for a trigram term as a test of the row's own keys (the same cases: a case holds a
 * matched key exactly when its id is among the cases of that key), so it can be checked on the
 * columns of the search indexes without reading the case.
 */
function termKeyCondition(term: string, keys: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(c."patientLastNameKey" IN (SELECT key FROM ${keys}) OR c."patientFirstNameKey" IN (SELECT key FROM ${keys}) OR (${mrnPrefix(term)}))`;
}

/** The CTE of the dictionary keys a trigram term matches. `name` is a plain identifier. */
function matchedKeys(name: string, term: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(name)} AS MATERIALIZED (SELECT k.key FROM "CaseNameKey" k WHERE ${keyMatches(Prisma.sql`k.key`, term)})`;
}

/**
 * A search with a name word (3 letters or more) starts from that word's matched keys (the CTE
 * `matched`, from the name dictionary) and never reads a case that is not on the page:
 * - the cases of a matched key come from the key's search index (Case_lastNameKey_search_idx,
 *   Case_firstNameKey_search_idx), which carries every column the conditions and sorts read, so
 *   they are tested, counted and ordered by index-only scans;
 * - three disjoint branches make the word's "last name, first name or MRN" without a
 *   de-duplication: first names only where the last name did not match, MRNs only where neither did;
 * - the page takes at most pageSize + 1 cases per matched key, in list order (in index order for
 *   the intake date), then the best of those, and only then reads those cases' rows.
 * The other words, access and filters are conditions on each branch. Same cases, same order as the
 * `c.id IN (…)` form of termCondition (kept for lists without a name word and for the export).
 */
function searchSql(
  spec: SortSpec,
  scanDir: SortDirection,
  conditions: readonly Prisma.Sql[],
  term: string,
  keyset: Prisma.Sql | null,
  pageSize: number,
) {
  const rest = conditions.length > 0 ? Prisma.sql` AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const restPage = keyset ? Prisma.sql`${rest} AND ${keyset}` : rest;
  const notMatched = (column: string) => Prisma.raw(`c."${column}" NOT IN (SELECT key FROM matched)`);
  const mrnOnly = Prisma.sql`${mrnPrefix(term)} AND ${notMatched('patientLastNameKey')} AND ${notMatched('patientFirstNameKey')}`;

  // Per matched key (a LATERAL on the key), so each key is one index range: joined as a set, the
  // planner (which guesses the CTE's size) hashed the whole first-name branch (63,672 index rows).
  const countPerKey = (keyCondition: Prisma.Sql) =>
    Prisma.sql`SELECT 1 FROM matched m CROSS JOIN LATERAL (
        SELECT 1 FROM "Case" c WHERE ${keyCondition}${rest} LIMIT ${COUNT_CAP + 1}) AS x`;
  const count = Prisma.sql`SELECT count(*)::int AS n FROM (
      ${countPerKey(Prisma.sql`c."patientLastNameKey" = m.key`)}
      UNION ALL ${countPerKey(Prisma.sql`c."patientFirstNameKey" = m.key AND ${notMatched('patientLastNameKey')}`)}
      UNION ALL SELECT 1 FROM "Case" c WHERE ${mrnOnly}${rest}
      LIMIT ${COUNT_CAP + 1}) AS capped`;

  const keyColumns = Prisma.raw(['id', ...spec.columns].map((column) => `c.${column}`).join(', '));
  const order = orderBy(spec, scanDir);
  const perKey = (keyCondition: Prisma.Sql) =>
    Prisma.sql`SELECT x.* FROM matched m CROSS JOIN LATERAL (
        SELECT ${keyColumns} FROM "Case" c WHERE ${keyCondition}${restPage} ORDER BY ${order} LIMIT ${pageSize + 1}) AS x`;
  const topOrder = Prisma.raw(
    [...spec.columns, 'id'].map((column) => `u.${column} ${scanDir === 'asc' ? 'ASC' : 'DESC'}`).join(', '),
  );
  const page = Prisma.sql`SELECT c.id, c."createdAt", c."updatedAt", c.status, c."patientFirstName", c."patientLastName",
      c."patientFirstNameKey", c."patientLastNameKey", c."patientDateOfBirth", c."patientMrn",
      c."computedLevel", c."computedWm", c."finalLevel", c."finalWm", c.flags, s."displayName" AS "assignedToName"
    FROM (SELECT u.id FROM (
        ${perKey(Prisma.sql`c."patientLastNameKey" = m.key`)}
        UNION ALL
        ${perKey(Prisma.sql`c."patientFirstNameKey" = m.key AND ${notMatched('patientLastNameKey')}`)}
        UNION ALL
        (SELECT ${keyColumns} FROM "Case" c WHERE ${mrnOnly}${restPage} ORDER BY ${order} LIMIT ${pageSize + 1})
      ) AS u ORDER BY ${topOrder} LIMIT ${pageSize + 1}) AS top
    JOIN "Case" c ON c.id = top.id LEFT JOIN "StaffUser" s ON s.id = c."assignedToId"`;
  return { count, page };
}

function orderBy(spec: SortSpec, dir: SortDirection): Prisma.Sql {
  const word = dir === 'asc' ? 'ASC' : 'DESC';
  return Prisma.raw([...spec.columns, 'id'].map((column) => `c.${column} ${word}`).join(', '));
}

/** Rows strictly after the cursor in the scan direction: one row comparison the index serves. */
function keysetCondition(spec: SortSpec, cursor: CaseListCursor, scanDir: SortDirection): Prisma.Sql {
  const columns = Prisma.raw([...spec.columns, 'id'].map((column) => `c.${column}`).join(', '));
  const values = Prisma.join([
    ...cursor.key.map((value, i) => Prisma.sql`${value}::${Prisma.raw(spec.casts[i] ?? 'text')}`),
    Prisma.sql`${cursor.id}::uuid`,
  ]);
  return scanDir === 'desc' ? Prisma.sql`(${columns}) < (${values})` : Prisma.sql`(${columns}) > (${values})`;
}

/** The list's one statement (page and capped count) for a state: exported so the bench can EXPLAIN and compare it. */
export function caseListSql(actor: CaseActor, state: CaseListState, search: string, pageSize = CASE_LIST_PAGE_SIZE) {
  const spec = SORTS[state.sort];
  const terms = parseCaseSearch(search);
  const cursor = decodeCursor(state.cursor, state.sort, state.dir);
  const toward = cursor?.toward ?? 'next';
  const flip = (dir: SortDirection): SortDirection => (dir === 'asc' ? 'desc' : 'asc');
  // Going back scans the other way from the cursor, then the page is put back in list order.
  const scanDir = toward === 'next' ? state.dir : flip(state.dir);
  const keyset = cursor ? keysetCondition(spec, cursor, scanDir) : null;
  // Page and count in one statement: one round trip (and one Prisma call) per list view. The
  // count comes on every row, or on a single row of NULLs when the page is empty.
  const outerOrder = Prisma.raw(
    [...spec.columns, 'id'].map((column) => `p.${column} ${scanDir === 'asc' ? 'ASC' : 'DESC'}`).join(', '),
  );
  const combine = (count: Prisma.Sql, page: Prisma.Sql, cte: Prisma.Sql) =>
    Prisma.sql`${cte}SELECT p.*, t.n AS "totalCapped" FROM (${count}) AS t
    LEFT JOIN LATERAL (${page}) AS p ON true
    ORDER BY ${outerOrder}`;

  const driving = terms.findIndex(isTrigramTerm);
  if (driving >= 0) {
    // The first name word drives; each other name word's keys are a CTE of their own (matched once).
    const ctes = [matchedKeys('matched', terms[driving]!)];
    const others = terms.flatMap((term, i) => {
      if (i === driving) return [];
      if (!isTrigramTerm(term)) return [termCondition(term)];
      ctes.push(matchedKeys(`matched${i}`, term));
      return [termKeyCondition(term, Prisma.raw(`matched${i}`))];
    });
    const conditions = [...filterConditions(actor, state.filters), ...others];
    const search = searchSql(spec, scanDir, conditions, terms[driving]!, keyset, pageSize);
    const combined = combine(search.count, search.page, Prisma.sql`WITH ${Prisma.join(ctes, ', ')} `);
    return { combined, cursor, toward, terms };
  }

  const conditions = caseListConditions(actor, state.filters, terms);
  const where = Prisma.join(conditions, ' AND ');
  const pageWhere = keyset ? Prisma.sql`${where} AND ${keyset}` : where;
  const page = Prisma.sql`SELECT c.id, c."createdAt", c."updatedAt", c.status, c."patientFirstName", c."patientLastName",
      c."patientFirstNameKey", c."patientLastNameKey", c."patientDateOfBirth", c."patientMrn",
      c."computedLevel", c."computedWm", c."finalLevel", c."finalWm", c.flags, s."displayName" AS "assignedToName"
    FROM "Case" c LEFT JOIN "StaffUser" s ON s.id = c."assignedToId"
    WHERE ${pageWhere}
    ORDER BY ${orderBy(spec, scanDir)}
    LIMIT ${pageSize + 1}`;
  const count = Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`;
  return { combined: combine(count, page, Prisma.empty), cursor, toward, terms };
}

function toItem(row: Row): CaseListItem {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    status: row.status,
    patientName: `${row.patientLastName}, ${row.patientFirstName}`,
    dateOfBirth: row.patientDateOfBirth.toISOString().slice(0, 10),
    mrn: row.patientMrn,
    finalLevel: row.finalLevel,
    finalWm: row.finalWm,
    overridden: row.finalLevel !== row.computedLevel || row.finalWm !== row.computedWm,
    urgentFlags: row.flags.filter(isUrgentFlag),
    assignedToName: row.assignedToName,
  };
}

function assignedKind(filters: CaseListFilters): string | null {
  const assigned = filters.assigned;
  return assigned === null ? null : typeof assigned === 'string' ? assigned : 'staff';
}

/** One page of the case list for `actor`. `search` is what they typed (from the cookie, never the URL). */
export async function listCasePage(
  actor: CaseActor,
  state: CaseListState,
  search: string,
  options: CaseListOptions = {},
): Promise<Outcome<{ list: CaseListResult }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:read')) return deny(db, actor, AUDIT_ACTIONS.CASE_LIST);
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? CASE_LIST_PAGE_SIZE), 1), 100);
  const { combined, cursor, toward, terms } = caseListSql(actor, state, search, pageSize);

  const result = await db.$queryRaw<Array<Row & { totalCapped: number }>>(combined);
  const fetched = result.filter((row) => row.id !== null);
  const more = fetched.length > pageSize;
  const inScanOrder = fetched.slice(0, pageSize);
  const rows = toward === 'next' ? inScanOrder : [...inScanOrder].reverse();
  const page = cursor?.page ?? 1;
  const first = rows[0];
  const last = rows[rows.length - 1];
  // Forward: a next page when one more row came back. Backward: there is always the page we came from.
  const hasNext = toward === 'next' ? more : true;
  const hasPrev = toward === 'next' ? cursor !== null : more;
  const make = (row: Row, towardPage: 'next' | 'prev', number: number) =>
    encodeCursor({
      sort: state.sort,
      dir: state.dir,
      toward: towardPage,
      key: keyOf(row, state.sort),
      id: row.id,
      page: number,
    });
  const total = Number(result[0]?.totalCapped ?? 0);
  const totalIsAtLeast = total > COUNT_CAP;

  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.CASE_LIST,
      entityType: 'Case',
      outcome: 'SUCCESS',
      detail: {
        statuses: state.filters.statuses.join(','),
        level: state.filters.level,
        wm: state.filters.wm,
        urgent: state.filters.urgent,
        assigned: assignedKind(state.filters),
        dateRange: state.filters.from !== null || state.filters.to !== null,
        sort: state.sort,
        dir: state.dir,
        page,
        searched: terms.length > 0,
        resultCount: rows.length,
        // Which cases were shown, by id only (issue 13 item 6): who saw whose name is answerable.
        caseIds: rows.map((row) => row.id).join(','),
        total: totalIsAtLeast ? COUNT_CAP : total,
        totalIsAtLeast,
      },
    },
    { db },
  );

  return {
    ok: true,
    list: {
      rows: rows.map(toItem),
      total: totalIsAtLeast ? COUNT_CAP : total,
      totalIsAtLeast,
      page,
      pageSize,
      nextCursor: hasNext && last ? make(last, 'next', page + 1) : null,
      prevCursor: hasPrev && first && page > 1 ? make(first, 'prev', page - 1) : null,
      searched: terms.length > 0,
    },
  };
}

/** Where an export page starts: after this row's sort key and id (null: from the start). */
export interface CaseExportAfter {
  readonly key: readonly string[];
  readonly id: string;
}

/**
 * One export page row as PostgreSQL writes it (every column text, so the reader parses nothing):
 * instants as epoch milliseconds, the date of birth as YYYY-MM-DD, the flags joined by commas.
 * The identifying columns are null when de-identified (not even read).
 */
export interface CaseExportTextRow {
  readonly id: string;
  readonly createdAtMs: string;
  readonly updatedAtMs: string;
  readonly status: string;
  readonly patientFirstNameKey: string;
  readonly patientLastNameKey: string;
  readonly computedLevel: string;
  readonly computedWm: string;
  readonly finalLevel: string;
  readonly finalWm: string;
  /** The flag codes joined by ',' (codes are identifiers: no commas), '' for none. */
  readonly flags: string;
  readonly assignedToName: string | null;
  readonly patientFirstName?: string;
  readonly patientLastName?: string;
  readonly patientDateOfBirth?: string;
  readonly patientMrn?: string | null;
  readonly patientPhone?: string | null;
  readonly contactName?: string | null;
  readonly contactPhone?: string | null;
}

/**
 * One keyset page of the CSV export (lib/cases/export/csv-stream.ts): the same access condition,
 * filters, search and order as the list, from the start (the list's page cursor is ignored: an
 * export is the whole filtered list). De-identified pages do not even read the identifying
 * columns. Phone and emergency contact come out of the intake JSON only when identified. Every
 * column is selected as text in the shape of CaseExportTextRow, for a reader that parses nothing.
 */
export function caseExportPageSql(
  actor: CaseActor,
  state: CaseListState,
  terms: readonly string[],
  after: CaseExportAfter | null,
  pageSize: number,
  deidentified: boolean,
): Prisma.Sql {
  const spec = SORTS[state.sort];
  const conditions = caseListConditions(actor, state.filters, terms);
  if (after)
    conditions.push(
      keysetCondition(spec, { sort: state.sort, dir: state.dir, toward: 'next', page: 1, ...after }, state.dir),
    );
  const identifying = deidentified
    ? Prisma.empty
    : Prisma.sql`, c."patientFirstName", c."patientLastName",
        to_char(c."patientDateOfBirth", 'YYYY-MM-DD') AS "patientDateOfBirth", c."patientMrn",
        ip.p->>'phone' AS "patientPhone",
        ip.p->'emergencyContact'->>'name' AS "contactName",
        ip.p->'emergencyContact'->>'phone' AS "contactPhone"`;
  // The intake is a large TOASTed jsonb: detoast it once per row (OFFSET 0 keeps the planner from
  // inlining the lateral back into three separate detoasts).
  const intakeJoin = deidentified
    ? Prisma.empty
    : Prisma.sql`LEFT JOIN LATERAL (SELECT c.intake->'patient' AS p OFFSET 0) AS ip ON true`;
  return Prisma.sql`SELECT c.id, (extract(epoch FROM c."createdAt") * 1000)::int8 AS "createdAtMs",
      (extract(epoch FROM c."updatedAt") * 1000)::int8 AS "updatedAtMs", c.status,
      c."patientFirstNameKey", c."patientLastNameKey", c."computedLevel", c."computedWm", c."finalLevel", c."finalWm",
      array_to_string(c.flags, ',') AS flags, s."displayName" AS "assignedToName"
      ${identifying}
    FROM "Case" c LEFT JOIN "StaffUser" s ON s.id = c."assignedToId" ${intakeJoin}
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${orderBy(spec, state.dir)}
    LIMIT ${pageSize}`;
}

/** The keyset of an export row (the sort columns the page query reads), as the cursor casts read it. */
export function caseExportKeyOf(row: CaseExportTextRow, sort: CaseListSort): string[] {
  switch (sort) {
    case 'intake':
      return [new Date(Number(row.createdAtMs)).toISOString()];
    case 'updated':
      return [new Date(Number(row.updatedAtMs)).toISOString()];
    case 'name':
      return [row.patientLastNameKey, row.patientFirstNameKey];
    case 'level':
      return [row.finalLevel];
    case 'status':
      return [row.status];
  }
}
