import type { Metadata } from 'next';
import Link from 'next/link';

import { focusRing } from '@/components/forms/styles';
import { requireStaff } from '@/lib/auth/guards';
import { listOwnExportJobs } from '@/lib/exports/bulk/jobs';
import { EXPORT_FORMAT_LABELS, EXPORT_JOB_STATUS_LABELS } from '@/lib/exports/bulk/status';
import { formatCount, formatDateTime } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'Your exports' };

/** The signed-in staff member's recent bulk exports (no case names: format, recipient, counts). */
export default async function ExportsPage() {
  const staff = await requireStaff('case:export');
  const jobs = await listOwnExportJobs(staff);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold text-slate-900">Your exports</h1>
      <p className="text-slate-700">
        Bulk exports you started, newest first. Start one from the{' '}
        <Link href="/cases" className={`font-medium text-sky-900 underline ${focusRing}`}>
          case list
        </Link>
        .
      </p>
      {jobs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-slate-900">No exports yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
            <thead className="bg-slate-100 font-semibold text-slate-900">
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Format</th>
                <th scope="col">Recipient</th>
                <th scope="col">Status</th>
                <th scope="col">Cases done</th>
                <th scope="col">Skipped</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 text-slate-800">
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/exports/${job.id}`} className={`text-sky-900 underline ${focusRing}`}>
                      {formatDateTime(job.createdAt)}
                    </Link>
                  </th>
                  <td>{EXPORT_FORMAT_LABELS[job.format]}</td>
                  <td>{job.recipientName}</td>
                  <td>{EXPORT_JOB_STATUS_LABELS[job.status]}</td>
                  <td>
                    {formatCount(job.done)} of {formatCount(job.total)}
                  </td>
                  <td>{formatCount(job.skipped.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
