import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { CaseListTable } from '@/components/cases/case-list-table';
import { CaseSearchForm } from '@/components/cases/case-search-form';
import { focusRing } from '@/components/forms/styles';
import { requireStaff } from '@/lib/auth/guards';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { listCases } from '@/lib/cases/list-cases';
import { readCaseSearch } from '@/lib/cases/search-cookie';
import { CASE_STATUSES, CASE_STATUS_LABELS, isCaseStatus, type CaseStatusValue } from '@/lib/cases/status';
import { formatCount } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'Cases' };

function listHref(status: CaseStatusValue | null, page: number): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}

/** Newest cases first. Status and page are in the URL; the search words are not (see CaseSearchForm). */
export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff('case:read');
  const params = await searchParams;
  const status = isCaseStatus(params.status) ? params.status : null;
  const requestedPage = typeof params.page === 'string' ? Number.parseInt(params.page, 10) : 1;
  const search = await readCaseSearch(staff.id);
  const result = await listCases(await accessActorFor(staff), {
    status,
    search,
    page: Number.isFinite(requestedPage) ? requestedPage : 1,
  });
  if (!result.ok) redirect('/dashboard');
  const { list } = result;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Cases</h1>
        <p className="text-slate-700" role="status">
          {list.total === 0
            ? 'No cases'
            : list.totalIsAtLeast
              ? `More than ${formatCount(list.total - 1)} cases`
              : `${formatCount(list.total)} ${list.total === 1 ? 'case' : 'cases'}`}
          {list.searched ? ' matching the search' : ''}
          {status ? ` with status “${CASE_STATUS_LABELS[status]}”` : ''}
        </p>
      </div>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <CaseSearchForm query={search} status={status} />
        <nav aria-label="Filter by status">
          <ul className="flex flex-wrap gap-1">
            {[null, ...CASE_STATUSES].map((value) => (
              <li key={value ?? 'all'}>
                <Link
                  href={listHref(value, 1)}
                  aria-current={value === status ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm ${focusRing} ${
                    value === status
                      ? 'border-sky-900 bg-sky-800 font-semibold text-white'
                      : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-50'
                  }`}
                >
                  {value ? CASE_STATUS_LABELS[value] : 'All'}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {list.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center">
          <p className="font-medium text-slate-900">{list.searched || status ? 'No cases match.' : 'No cases yet.'}</p>
          <p className="mt-1 text-slate-700">
            {list.searched || status
              ? 'Try another spelling or status, or clear the search.'
              : 'Cases appear here when an intake is submitted.'}{' '}
            <Link href="/intake/new" className="font-medium text-sky-900 underline">
              Start a new intake
            </Link>
          </p>
        </div>
      ) : (
        <CaseListTable rows={list.rows} />
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
          {list.page > 1 ? (
            <Link
              href={listHref(status, list.page - 1)}
              className={`font-medium text-sky-900 underline ${focusRing}`}
              rel="prev"
            >
              ← Newer cases
            </Link>
          ) : (
            <span />
          )}
          <p className="text-slate-700">
            Page {list.page} of {list.pageCount}
            {list.totalIsAtLeast ? ' (older cases: filter by status or search)' : ''}
          </p>
          {list.page < list.pageCount ? (
            <Link
              href={listHref(status, list.page + 1)}
              className={`font-medium text-sky-900 underline ${focusRing}`}
              rel="next"
            >
              Older cases →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
