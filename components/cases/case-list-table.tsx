import Link from 'next/link';

import type { CaseListRow } from '@/lib/cases/list-cases';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatCalendarDate, formatDateTime } from '@/lib/format/date-time';

import { UrgentFlagBadges } from './flag-badges';

/** The case list: a server component fed only the cells it shows. */
export function CaseListTable({ rows }: { rows: readonly CaseListRow[] }) {
  // Cell styles sit on the table, not on each of the 25 × 7 cells: the page is sent twice (HTML
  // and the React payload), so every byte per cell counts 350 times.
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:text-slate-800 [&_th]:px-3 [&_th]:py-2 [&_tbody_a]:text-sky-900 [&_tbody_a]:underline [&_tbody_a]:underline-offset-2 [&_tbody_a:focus-visible]:outline-2 [&_tbody_a:focus-visible]:outline-sky-700 [&_tbody_a:focus-visible]:outline [&_tbody_th]:min-w-40 [&_tbody_th]:wrap-anywhere">
        <caption className="sr-only">Cases, newest first</caption>
        <thead className="bg-slate-100 font-semibold text-slate-900">
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Date of birth</th>
            <th scope="col">MRN</th>
            <th scope="col">Urgent flags</th>
            <th scope="col">Level · WM</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="font-medium">
                <Link href={`/cases/${row.id}`} prefetch={false}>
                  {row.patientName}
                </Link>
              </th>
              <td className="whitespace-nowrap" data-testid="case-dob">
                {formatCalendarDate(row.dateOfBirth)}
              </td>
              <td>{row.mrn ?? '—'}</td>
              <td>
                <UrgentFlagBadges codes={row.urgentFlags} />
              </td>
              <td>
                {row.finalLevel} · {row.finalWm}
                {row.overridden ? (
                  <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">
                    overridden
                  </span>
                ) : null}
              </td>
              <td>{CASE_STATUS_LABELS[row.status]}</td>
              <td className="whitespace-nowrap">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
