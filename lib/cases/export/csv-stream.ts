import 'server-only';

import type { AuditRequestContext } from '@/lib/audit/append';
import { appendAuditEvent } from '@/lib/audit/append';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { can } from '@/lib/auth/permissions';
import { getPgPool, getPrisma } from '@/lib/db/client';
import { calendarYearOf, formatDateTime } from '@/lib/format/date-time';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { describeError, logger } from '@/lib/logger';
import { FLAG_TITLES, FLAG_TITLES_V2 } from '@/lib/placement';

import type { AccessActor } from '../access';
import { caseExportKeyOf, caseExportPageSql, type CaseExportAfter, type CaseExportTextRow } from '../list/query';
import type { CaseListState } from '../list/params';
import { isUrgentFlag } from '../recommendation-view';
import { parseCaseSearch } from '../search-key';
import { CASE_STATUS_LABELS } from '../status';

import type pg from 'pg';

import { csvCaseLine, csvHeader, type CsvCaseRow, type CsvLabels } from './csv-format';

/**
 * The case-list CSV as a pull stream (issue 11 item 5): one keyset page of EXPORT_PAGE_SIZE rows
 * is read only when the consumer has taken everything enqueued (ReadableStream `pull`,
 * high-water mark one chunk), turned into text chunks of ≤ CHUNK_CHARS and enqueued — so a slow
 * client holds the database, not the server's memory, and 100,000 rows are never in memory at once. The case ids sent go to
 * "CsvExportCaseIds" in rows of ≤ 1,000 as they are sent; one `case.export_csv` audit event is
 * written when the stream ends — completed, cancelled by the client (disconnect) or failed —
 * with the rows sent so far.
 *
 * The pages and the id rows go through `pg` (the pool under Prisma's adapter, lib/db/client.ts)
 * with every column as text and no type parsing: Prisma's raw-result layer (driver row, adapter
 * row, result object, Dates) made ~1 GB of short-lived garbage per 100,000 rows, and V8 let the
 * heap grow by ~160 MB before collecting it (docs/performance.md, CSV section). The audit event
 * goes through appendAuditEvent (Prisma), as every audit event does.
 */
export const EXPORT_PAGE_SIZE = 500;
/** Characters of CSV per enqueued chunk (below, why a page is not one chunk). */
const CHUNK_CHARS = 16_384;
const IDS_PER_ROW = 1000;

const URGENT_TITLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ ...FLAG_TITLES, ...FLAG_TITLES_V2 }).filter(([code]) => isUrgentFlag(code)),
);

const LABELS: CsvLabels = {
  status: CASE_STATUS_LABELS,
  urgentFlag: URGENT_TITLES,
  dateTime: (at) => formatDateTime(at),
  year: (at) => calendarYearOf(at),
};

/** Every column as the text PostgreSQL sent: the export SQL selects text-shaped columns. */
const TEXT_COLUMNS: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

export interface CaseCsvOptions {
  readonly deidentified: boolean;
  /** For the audit event; defaults to the app's client. */
  readonly db?: PrismaClient;
  /** The pages and id rows; defaults to the pool under the app's client (give one with `db`). */
  readonly pool?: pg.Pool;
  /** Captured while the request is live: the audit event is written after it may have ended. */
  readonly context: AuditRequestContext;
  readonly pageSize?: number;
  /** Told how the export ended, after its audit event is written (tests, the bench). */
  readonly onFinished?: (result: CaseCsvResult) => void;
}

export interface CaseCsvResult {
  readonly exportId: string;
  readonly rowsSent: number;
  readonly ended: 'complete' | 'cancelled' | 'failed';
}

/**
 * The text row as the CSV formatter reads it: two Dates and the flag codes, nothing else parsed.
 * Written out field by field: a `{ ...row }` of these 19 fields cost ~2 KB per row (measured).
 */
function csvRowOf(row: CaseExportTextRow): CsvCaseRow {
  return {
    id: row.id,
    createdAt: new Date(Number(row.createdAtMs)),
    updatedAt: new Date(Number(row.updatedAtMs)),
    status: row.status,
    finalLevel: row.finalLevel,
    finalWm: row.finalWm,
    computedLevel: row.computedLevel,
    computedWm: row.computedWm,
    flags: row.flags === '' ? [] : row.flags.split(','),
    assignedToName: row.assignedToName,
    patientFirstName: row.patientFirstName,
    patientLastName: row.patientLastName,
    patientDateOfBirth: row.patientDateOfBirth,
    patientMrn: row.patientMrn,
    patientPhone: row.patientPhone,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
  };
}

async function readPage(pool: pg.Pool, sql: Prisma.Sql): Promise<CaseExportTextRow[]> {
  const result = await pool.query<CaseExportTextRow>({ text: sql.text, values: sql.values, types: TEXT_COLUMNS });
  return result.rows;
}

function filterSummary(state: CaseListState, searched: boolean) {
  const { filters } = state;
  const assigned = filters.assigned;
  return {
    statuses: filters.statuses.join(','),
    level: filters.level,
    wm: filters.wm,
    urgent: filters.urgent,
    assigned: assigned === null ? null : typeof assigned === 'string' ? assigned : 'staff',
    dateFrom: filters.from,
    dateTo: filters.to,
    sort: state.sort,
    dir: state.dir,
    searched,
  };
}

/** A stream of the CSV bytes, or null when the role may not export (the caller answers 403). */
export function streamCaseCsv(
  actor: AccessActor,
  state: CaseListState,
  search: string,
  options: CaseCsvOptions,
): ReadableStream<Uint8Array> | null {
  if (!can(actor.role, 'case:export_csv')) return null;
  // Both handles on one database: a `db` without its `pool` would read pages from the app's.
  if (options.db && !options.pool) throw new Error('streamCaseCsv: give the pool of `db` too');
  const db = options.db ?? getPrisma();
  const pool = options.pool ?? getPgPool();
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const { deidentified } = options;
  const terms = parseCaseSearch(search);
  const exportId = crypto.randomUUID();
  const encoder = new TextEncoder();

  let after: CaseExportAfter | null = null;
  let headerSent = false;
  let done = false;
  let rowsSent = 0;
  let chunk = 0;
  let pendingIds: string[] = [];
  let finished: Promise<void> | null = null;

  async function flushIds(): Promise<void> {
    while (pendingIds.length > 0) {
      const ids = pendingIds.slice(0, IDS_PER_ROW);
      pendingIds = pendingIds.slice(IDS_PER_ROW);
      // The ids as ONE array literal (uuids need no quoting): Prisma's create() compiled (and
      // cached) a query plan per distinct 1,000-id list, which cost time and heap on every export.
      await pool.query(
        'INSERT INTO "CsvExportCaseIds" ("exportId", chunk, "caseIds") VALUES ($1::uuid, $2, $3::uuid[])',
        [exportId, chunk, `{${ids.join(',')}}`],
      );
      chunk += 1;
    }
  }

  function finish(ended: CaseCsvResult['ended']): Promise<void> {
    // Exactly one audit event per export, however it ends.
    finished ??= (async () => {
      try {
        await flushIds();
      } catch (error) {
        logger.error('export', 'CSV export case ids not recorded', { exportId, ...describeError(error) });
      }
      try {
        await appendAuditEvent(
          {
            actorId: actor.id,
            action: AUDIT_ACTIONS.CASE_EXPORT_CSV,
            entityType: 'Case',
            outcome: ended === 'failed' ? 'FAILURE' : 'SUCCESS',
            detail: {
              exportId,
              deidentified,
              ...filterSummary(state, terms.length > 0),
              rowsSent,
              ended,
              caseIdRows: chunk,
            },
          },
          { db, context: options.context },
        );
      } catch (error) {
        logger.error('audit', 'case.export_csv not recorded', { exportId, ...describeError(error) });
      }
      options.onFinished?.({ exportId, rowsSent, ended });
    })();
    return finished;
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!headerSent) {
            headerSent = true;
            controller.enqueue(encoder.encode(`\uFEFF${csvHeader(deidentified)}`));
            return;
          }
          if (done) return;
          const rows = await readPage(pool, caseExportPageSql(actor, state, terms, after, pageSize, deidentified));
          if (finished) return; // cancelled while the page was read
          // A page goes out as chunks of ≤ CHUNK_CHARS: a whole page's text (~90,000 characters,
          // two bytes each once a name has an "ễ") is above V8's 128 KB limit for a young object,
          // so it was made straight in old space and lived until the next full collection.
          let text = '';
          for (const row of rows) {
            text += csvCaseLine(csvRowOf(row), deidentified, LABELS);
            if (text.length >= CHUNK_CHARS) {
              controller.enqueue(encoder.encode(text));
              text = '';
            }
          }
          if (text !== '') controller.enqueue(encoder.encode(text));
          if (rows.length > 0) {
            rowsSent += rows.length;
            for (const row of rows) pendingIds.push(row.id);
            if (pendingIds.length >= IDS_PER_ROW) await flushIds();
            const last = rows[rows.length - 1]!;
            after = { key: caseExportKeyOf(last, state.sort), id: last.id };
          }
          if (rows.length < pageSize) {
            done = true;
            await finish('complete');
            controller.close();
          }
        } catch (error) {
          logger.error('export', 'CSV export failed', { exportId, ...describeError(error) });
          await finish('failed');
          controller.error(new Error('The CSV export failed.'));
        }
      },
      async cancel() {
        await finish(done ? 'complete' : 'cancelled');
      },
    },
    { highWaterMark: 1 },
  );
}
