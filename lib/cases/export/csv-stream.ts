import 'server-only';

import type { AuditRequestContext } from '@/lib/audit/append';
import { appendAuditEvent } from '@/lib/audit/append';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { calendarDateOf, formatDateTime } from '@/lib/format/date-time';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { describeError, logger } from '@/lib/logger';
import { FLAG_TITLES, FLAG_TITLES_V2 } from '@/lib/placement';

import type { AccessActor } from '../access';
import { caseExportKeyOf, caseExportPageSql, type CaseExportAfter } from '../list/query';
import type { CaseListState } from '../list/params';
import { isUrgentFlag } from '../recommendation-view';
import { parseCaseSearch } from '../search-key';
import { CASE_STATUS_LABELS } from '../status';

import { csvCaseLine, csvHeader, type CsvCaseRow, type CsvLabels } from './csv-format';

/**
 * The case-list CSV as a pull stream (issue 11 item 5): one keyset page of EXPORT_PAGE_SIZE rows
 * is read only when the consumer asks for more (ReadableStream `pull`, high-water mark one
 * chunk), turned into one text chunk and enqueued — so a slow client holds the database, not the
 * server's memory, and 100,000 rows are never in memory at once. The case ids sent go to
 * "CsvExportCaseIds" in rows of ≤ 1,000 as they are sent; one `case.export_csv` audit event is
 * written when the stream ends — completed, cancelled by the client (disconnect) or failed —
 * with the rows sent so far.
 */
export const EXPORT_PAGE_SIZE = 500;
const IDS_PER_ROW = 1000;

const URGENT_TITLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({ ...FLAG_TITLES, ...FLAG_TITLES_V2 }).filter(([code]) => isUrgentFlag(code)),
);

const LABELS: CsvLabels = {
  status: CASE_STATUS_LABELS,
  urgentFlag: URGENT_TITLES,
  dateTime: (at) => formatDateTime(at),
  year: (at) => calendarDateOf(at).slice(0, 4),
};

export interface CaseCsvOptions {
  readonly deidentified: boolean;
  readonly db?: PrismaClient;
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

type ExportRow = CsvCaseRow & { patientFirstNameKey: string; patientLastNameKey: string };

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
  const db = options.db ?? getPrisma();
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
      // Raw, with the ids as ONE array parameter: Prisma's create() would compile (and cache) a
      // query plan per distinct 1,000-id list, which cost time and heap on every export.
      await db.$executeRaw`INSERT INTO "CsvExportCaseIds" ("exportId", chunk, "caseIds") VALUES (${exportId}::uuid, ${chunk}, ${ids}::uuid[])`;
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
          const rows = await db.$queryRaw<ExportRow[]>(
            caseExportPageSql(actor, state, terms, after, pageSize, deidentified),
          );
          if (finished) return; // cancelled while the page was read
          let text = '';
          for (const row of rows) text += csvCaseLine(row, deidentified, LABELS);
          if (rows.length > 0) {
            controller.enqueue(encoder.encode(text));
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
