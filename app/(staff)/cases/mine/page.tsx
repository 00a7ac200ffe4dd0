import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { requireStaff } from '@/lib/auth/guards';
import { listMyCases } from '@/lib/cases/care-team';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatDateTime } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'My cases' };

/** Cases assigned to me or where I am on the care team, newest first. */
export default async function MyCasesPage() {
  const staff = await requireStaff('case:read');
  const result = await listMyCases(staff);
  if (!result.ok) redirect('/dashboard');
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold text-slate-900">My cases</h1>
      {result.rows.length === 0 ? (
        <p className="text-slate-700">No case is assigned to you and you are on no care team.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="my-cases-table">
          <caption className="sr-only">Cases assigned to me or where I am on the care team</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                Patient
              </th>
              <th scope="col" className="py-2 pr-4">
                Intake
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2 pr-4">
                Level
              </th>
              <th scope="col" className="py-2">
                Why mine
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200">
                <td className="py-2 pr-4">
                  <Link href={`/cases/${row.id}`} className="font-medium text-sky-900 underline">
                    {row.patientName}
                  </Link>
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                <td className="py-2 pr-4">{CASE_STATUS_LABELS[row.status]}</td>
                <td className="py-2 pr-4">{row.finalLevel}</td>
                <td className="py-2">
                  {[row.assigned ? 'Assigned' : null, row.careTeam ? 'Care team' : null].filter(Boolean).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.limited ? <p className="text-slate-700">Showing the newest 200.</p> : null}
    </div>
  );
}
