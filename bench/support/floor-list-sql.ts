// The floor's case-list statement (bench/support/floor-server.ts): the statement the app sends for
// a first page (lib/cases/list/query.ts `caseListSql`, as the supervisor the http bench signs in
// as, whose access condition is TRUE), written out by hand for `pg` so the `http` ratio compares
// like with like — the name search included: the matched-keys CTE, the per-key LATERAL branches
// over the search indexes and the capped count (migration 20261204210000). Same text, same
// parameters, in the same order: tests/unit/bench/floor-list-sql.test.ts holds the two equal.
// Its own few-line template tag, not Prisma's: the floor runs no Prisma (and no react-server
// condition, under which lib/cases/list/query.ts alone would load).
import type { CaseListState, SortDirection } from '@/lib/cases/list/params';
import { prefixUpperBound } from '@/lib/cases/search-key';
import { PROGRAM_TIME_ZONE } from '@/lib/format/date-time';

export const PAGE_SIZE = 50;
export const COUNT_CAP = 1000;

/** A piece of SQL: text with values in between, nested pieces flattened when rendered. */
class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** `$1, $2, …` in order of appearance, as Prisma numbers them. */
  render(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const walk = (piece: Sql): string =>
      piece.strings.reduce((text, part, i) => {
        if (i === 0) return part;
        const value = piece.values[i - 1];
        if (value instanceof Sql) return `${text}${walk(value)}${part}`;
        values.push(value);
        return `${text}$${values.length}${part}`;
      });
    return { text: walk(this), values };
  }
}

const sql = (strings: TemplateStringsArray, ...values: unknown[]) => new Sql([...strings], values);
const raw = (text: string) => new Sql([text], []);
const empty = raw('');
const join = (pieces: readonly Sql[], separator = ',') =>
  pieces.length === 0 ? empty : new Sql(['', ...pieces.slice(1).map(() => separator), ''], pieces);

const SORT_COLUMNS: Readonly<Record<CaseListState['sort'], readonly string[]>> = {
  intake: ['"createdAt"'],
  updated: ['"updatedAt"'],
  name: ['"patientLastNameKey"', '"patientFirstNameKey"'],
  level: ['"finalLevel"'],
  status: ['status'],
};

function termCondition(term: string): Sql {
  const upper = prefixUpperBound(term);
  const below = (column: Sql) => (upper === null ? empty : sql`AND ${column} < ${upper}`);
  const mrn = sql`(c."patientMrnKey" >= ${term} ${below(sql`c."patientMrnKey"`)})`;
  if (/^[0-9]+$/.test(term)) return mrn;
  if (term.length < 3) {
    const prefix = (column: string) => {
      const col = raw(`c.${column}`);
      return sql`(${col} >= ${term} ${below(col)})`;
    };
    return sql`(${prefix('"patientLastNameKey"')} OR ${prefix('"patientFirstNameKey"')} OR ${mrn})`;
  }
  const anywhere = `%${term}%`;
  const keyMatches = sql`(k.key LIKE ${anywhere} OR k.key % ${term} OR ${term} <% k.key)`;
  return sql`c.id IN (
    SELECT n.id FROM "CaseNameKey" k JOIN "Case" n ON n."patientLastNameKey" = k.key WHERE ${keyMatches}
    UNION ALL
    SELECT n.id FROM "CaseNameKey" k JOIN "Case" n ON n."patientFirstNameKey" = k.key WHERE ${keyMatches}
    UNION ALL
    SELECT n.id FROM "Case" n WHERE n."patientMrnKey" >= ${term} ${below(sql`n."patientMrnKey"`)})`;
}

/** The app's filterConditions for a supervisor: access TRUE, then the URL's filters. */
function filterConditions(state: CaseListState, staffId: string): Sql[] {
  const f = state.filters;
  const conditions: Sql[] = [sql`TRUE`];
  if (f.statuses.length > 0) conditions.push(sql`c.status = ANY(${[...f.statuses]}::"CaseStatus"[])`);
  if (f.level) conditions.push(sql`c."finalLevel" = ${f.level}`);
  if (f.wm) conditions.push(sql`c."finalWm" = ${f.wm}`);
  if (f.urgent) conditions.push(sql`c.urgent`);
  if (f.assigned === 'me') conditions.push(sql`c."assignedToId" = ${staffId}::uuid`);
  else if (f.assigned === 'any') conditions.push(sql`c."assignedToId" IS NOT NULL`);
  else if (f.assigned === 'none') conditions.push(sql`c."assignedToId" IS NULL`);
  else if (f.assigned) conditions.push(sql`c."assignedToId" = ${f.assigned.staffId}::uuid`);
  if (f.from) conditions.push(sql`c."createdAt" >= (${f.from}::date::timestamp AT TIME ZONE ${PROGRAM_TIME_ZONE})`);
  if (f.to) conditions.push(sql`c."createdAt" < ((${f.to}::date + 1)::timestamp AT TIME ZONE ${PROGRAM_TIME_ZONE})`);
  return conditions;
}

const isTrigramTerm = (term: string) => term.length >= 3 && !/^[0-9]+$/.test(term);

const keyMatches = (key: Sql, term: string) =>
  sql`(${key} LIKE ${`%${term}%`} OR ${key} % ${term} OR ${term} <% ${key})`;

function mrnPrefix(term: string): Sql {
  const upper = prefixUpperBound(term);
  return upper === null
    ? sql`c."patientMrnKey" >= ${term}`
    : sql`c."patientMrnKey" >= ${term} AND c."patientMrnKey" < ${upper}`;
}

const termKeyCondition = (term: string, keys: Sql) =>
  sql`(c."patientLastNameKey" IN (SELECT key FROM ${keys}) OR c."patientFirstNameKey" IN (SELECT key FROM ${keys}) OR (${mrnPrefix(term)}))`;

const matchedKeys = (name: string, term: string) =>
  sql`${raw(name)} AS MATERIALIZED (SELECT k.key FROM "CaseNameKey" k WHERE ${keyMatches(sql`k.key`, term)})`;

function orderBy(columns: readonly string[], dir: SortDirection, alias = 'c'): Sql {
  const word = dir === 'asc' ? 'ASC' : 'DESC';
  return raw([...columns, 'id'].map((column) => `${alias}.${column} ${word}`).join(', '));
}

/** The app's searchSql: a search driven by its first name word (see lib/cases/list/query.ts). */
function searchSql(columns: readonly string[], dir: SortDirection, conditions: readonly Sql[], term: string) {
  const rest = conditions.length > 0 ? sql` AND ${join(conditions, ' AND ')}` : empty;
  const notMatched = (column: string) => raw(`c."${column}" NOT IN (SELECT key FROM matched)`);
  const mrnOnly = sql`${mrnPrefix(term)} AND ${notMatched('patientLastNameKey')} AND ${notMatched('patientFirstNameKey')}`;
  const countPerKey = (keyCondition: Sql) =>
    sql`SELECT 1 FROM matched m CROSS JOIN LATERAL (
        SELECT 1 FROM "Case" c WHERE ${keyCondition}${rest} LIMIT ${COUNT_CAP + 1}) AS x`;
  const count = sql`SELECT count(*)::int AS n FROM (
      ${countPerKey(sql`c."patientLastNameKey" = m.key`)}
      UNION ALL ${countPerKey(sql`c."patientFirstNameKey" = m.key AND ${notMatched('patientLastNameKey')}`)}
      UNION ALL SELECT 1 FROM "Case" c WHERE ${mrnOnly}${rest}
      LIMIT ${COUNT_CAP + 1}) AS capped`;
  const keyColumns = raw(['id', ...columns].map((column) => `c.${column}`).join(', '));
  const order = orderBy(columns, dir);
  const perKey = (keyCondition: Sql) =>
    sql`SELECT x.* FROM matched m CROSS JOIN LATERAL (
        SELECT ${keyColumns} FROM "Case" c WHERE ${keyCondition}${rest} ORDER BY ${order} LIMIT ${PAGE_SIZE + 1}) AS x`;
  const page = sql`SELECT c.id, c."createdAt", c."updatedAt", c.status, c."patientFirstName", c."patientLastName",
      c."patientFirstNameKey", c."patientLastNameKey", c."patientDateOfBirth", c."patientMrn",
      c."computedLevel", c."computedWm", c."finalLevel", c."finalWm", c.flags, s."displayName" AS "assignedToName"
    FROM (SELECT u.id FROM (
        ${perKey(sql`c."patientLastNameKey" = m.key`)}
        UNION ALL
        ${perKey(sql`c."patientFirstNameKey" = m.key AND ${notMatched('patientLastNameKey')}`)}
        UNION ALL
        (SELECT ${keyColumns} FROM "Case" c WHERE ${mrnOnly}${rest} ORDER BY ${order} LIMIT ${PAGE_SIZE + 1})
      ) AS u ORDER BY ${orderBy(columns, dir, 'u')} LIMIT ${PAGE_SIZE + 1}) AS top
    JOIN "Case" c ON c.id = top.id LEFT JOIN "StaffUser" s ON s.id = c."assignedToId"`;
  return { count, page };
}

/**
 * The first page (+1 row, to know there is a next) and the capped count in one statement, for the
 * URL's sort and filters and the parsed search words; `staffId` is "me" for the assigned filter.
 */
export function listStatement(state: CaseListState, terms: readonly string[], staffId: string) {
  const columns = SORT_COLUMNS[state.sort];
  const combine = (count: Sql, page: Sql, cte: Sql) =>
    sql`${cte}SELECT p.*, t.n AS "totalCapped" FROM (${count}) AS t
    LEFT JOIN LATERAL (${page}) AS p ON true
    ORDER BY ${orderBy(columns, state.dir, 'p')}`;

  const driving = terms.findIndex(isTrigramTerm);
  if (driving >= 0) {
    const ctes = [matchedKeys('matched', terms[driving]!)];
    const others = terms.flatMap((term, i) => {
      if (i === driving) return [];
      if (!isTrigramTerm(term)) return [termCondition(term)];
      ctes.push(matchedKeys(`matched${i}`, term));
      return [termKeyCondition(term, raw(`matched${i}`))];
    });
    const search = searchSql(columns, state.dir, [...filterConditions(state, staffId), ...others], terms[driving]!);
    return combine(search.count, search.page, sql`WITH ${join(ctes, ', ')} `).render();
  }

  const where = join([...filterConditions(state, staffId), ...terms.map(termCondition)], ' AND ');
  const page = sql`SELECT c.id, c."createdAt", c."updatedAt", c.status, c."patientFirstName", c."patientLastName",
      c."patientFirstNameKey", c."patientLastNameKey", c."patientDateOfBirth", c."patientMrn",
      c."computedLevel", c."computedWm", c."finalLevel", c."finalWm", c.flags, s."displayName" AS "assignedToName"
    FROM "Case" c LEFT JOIN "StaffUser" s ON s.id = c."assignedToId"
    WHERE ${where}
    ORDER BY ${orderBy(columns, state.dir)}
    LIMIT ${PAGE_SIZE + 1}`;
  const count = sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Case" c WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`;
  return combine(count, page, empty).render();
}
