import Link from 'next/link';

import type { CaseListRow } from '@/lib/cases/list-cases';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';

import { UrgentFlagBadges } from './flag-badges';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The case list: a server component fed only the cells it shows. */
export function CaseListTable({ rows }: { rows: readonly CaseListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">Cases, newest first</caption>
        <thead className="bg-slate-100 text-slate-900">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Patient
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Date of birth
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              MRN
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Urgent flags
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Level · WM
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Created
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.id} data-case-id={row.id}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/cases/${row.id}`} className="text-sky-900 underline underline-offset-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-700">
                  {row.patientName}
                </Link>
              </th>
              <td className="px-3 py-2 text-slate-800">{row.dateOfBirth}</td>
              <td className="px-3 py-2 text-slate-800">{row.mrn ?? '—'}</td>
              <td className="px-3 py-2">
                <UrgentFlagBadges codes={row.urgentFlags} />
              </td>
              <td className="px-3 py-2 text-slate-900">
                {row.finalLevel} · {row.finalWm}
                {row.overridden ? <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">overridden</span> : null}
              </td>
              <td className="px-3 py-2 text-slate-800">{CASE_STATUS_LABELS[row.status]}</td>
              <td className="px-3 py-2 text-slate-800">
                <time dateTime={row.createdAt.toISOString()}>{timeFormat.format(row.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
