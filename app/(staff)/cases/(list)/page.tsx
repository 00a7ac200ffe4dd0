import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { CaseSearchForm } from '@/components/cases/case-search-form';
import { CaseExportLinks } from '@/components/cases/list/case-export-links';
import { CaseFilters } from '@/components/cases/list/case-filters';
import { CaseListLink, CaseListNavigation } from '@/components/cases/list/list-navigation';
import { CaseTable, type CaseTableRowData, type FlagTitles } from '@/components/cases/list/case-table';
import { BulkExportPanel } from '@/components/exports/bulk-export-panel';
import { focusRing } from '@/components/forms/styles';
import { requireStaff } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';
import { listAssigneeOptions } from '@/lib/cases/list/assignees';
import { caseListHref, caseListQueryString, hasFilters, parseCaseListParams } from '@/lib/cases/list/params';
import { COUNT_CAP, listCasePage, type CaseListItem } from '@/lib/cases/list/query';
import { readCaseSearch } from '@/lib/cases/search-cookie';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatCalendarDate, formatCount, formatDateTime } from '@/lib/format/date-time';
import { FLAG_TITLES, FLAG_TITLES_V2 } from '@/lib/placement';
import { accessActorFor } from '@/lib/cases/break-glass-session';

export const metadata: Metadata = { title: 'Cases' };

const FLAG_TITLE: Readonly<Record<string, string>> = { ...FLAG_TITLES, ...FLAG_TITLES_V2 };

function toTableRow(row: CaseListItem): CaseTableRowData {
  return [
    row.id,
    row.patientName,
    formatCalendarDate(row.dateOfBirth),
    row.mrn,
    row.urgentFlags,
    `${row.finalLevel} · ${row.finalWm}`,
    row.overridden,
    CASE_STATUS_LABELS[row.status],
    row.assignedToName,
    row.createdAt.getTime(),
    formatDateTime(row.createdAt),
    row.updatedAt.getTime(),
    formatDateTime(row.updatedAt),
  ];
}

/** The titles of the urgent flags on this page's rows, once each (the rows carry the codes). */
function flagTitlesOf(rows: readonly CaseListItem[]): FlagTitles {
  const titles: Record<string, string> = {};
  for (const row of rows) for (const code of row.urgentFlags) titles[code] = FLAG_TITLE[code] ?? code;
  return titles;
}

/**
 * The case list: sort, filters and page cursor in the URL (bookmarkable); the search words in a
 * cookie, never the URL (see CaseSearchForm). Keyset pages of 50 from lib/cases/list.
 */
export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff('case:read');
  const params = await searchParams;
  const state = parseCaseListParams(params);
  // A submitted filter form sends its empty fields too: show the tidy URL instead.
  if (Object.values(params).some((value) => value === '' || (Array.isArray(value) && value.includes(''))))
    redirect(caseListHref(state));
  const search = await readCaseSearch(staff.id);
  const [result, assignees] = await Promise.all([
    listCasePage(await accessActorFor(staff), state, search),
    listAssigneeOptions(),
  ]);
  if (!result.ok) redirect('/dashboard');
  const { list } = result;
  const filtered = hasFilters(state.filters) || list.searched;
  const listQuery = caseListQueryString({ ...state, cursor: null });

  return (
    <CaseListNavigation>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Cases</h1>
        <p className="text-slate-700" role="status">
          {list.total === 0
            ? 'No cases'
            : list.totalIsAtLeast
              ? `More than ${formatCount(COUNT_CAP)} cases`
              : `${formatCount(list.total)} ${list.total === 1 ? 'case' : 'cases'}`}
          {list.searched ? ' matching the search' : ''}
          {hasFilters(state.filters) ? ' with these filters' : ''}
        </p>
      </div>

      <CaseSearchForm query={search} list={listQuery} />
      <CaseFilters state={state} assignees={assignees} />
      {can(staff.role, 'case:export_csv') ? <CaseExportLinks listQuery={listQuery} /> : null}

      {list.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
          <p className="font-medium text-slate-900">{filtered ? 'No cases match.' : 'No cases yet.'}</p>
          <p className="mt-1 text-slate-700">
            {filtered
              ? 'Try another spelling or fewer filters, or clear the search.'
              : 'Cases appear here when an intake is submitted.'}{' '}
            <Link href="/intake/new" className="font-medium text-sky-900 underline">
              Start a new intake
            </Link>
          </p>
        </div>
      ) : can(staff.role, 'case:export') ? (
        <BulkExportPanel rows={list.rows.map(toTableRow)} flagTitles={flagTitlesOf(list.rows)} state={state} />
      ) : (
        <CaseTable rows={list.rows.map(toTableRow)} flagTitles={flagTitlesOf(list.rows)} state={state} />
      )}

      {list.prevCursor || list.nextCursor ? (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
          {list.prevCursor ? (
            <span className="flex gap-4">
              <CaseListLink
                href={caseListHref({ ...state, cursor: null })}
                className={`font-medium text-sky-900 underline ${focusRing}`}
              >
                First page
              </CaseListLink>
              <CaseListLink
                href={caseListHref({ ...state, cursor: list.prevCursor })}
                className={`font-medium text-sky-900 underline ${focusRing}`}
                rel="prev"
              >
                ← Previous page
              </CaseListLink>
            </span>
          ) : (
            <span />
          )}
          <p className="text-slate-700">Page {formatCount(list.page)}</p>
          {list.nextCursor ? (
            <CaseListLink
              href={caseListHref({ ...state, cursor: list.nextCursor })}
              className={`font-medium text-sky-900 underline ${focusRing}`}
              rel="next"
            >
              Next page →
            </CaseListLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </CaseListNavigation>
  );
}
