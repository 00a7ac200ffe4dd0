import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { requireStaff } from '@/lib/auth/guards';
import { ROLE_LABELS, isStaffRole } from '@/lib/auth/permissions';
import { listBreakGlassGrants } from '@/lib/cases/break-glass';
import { formatDateTime } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'Break-the-glass access' };

/** SUPERVISOR: every break-the-glass access, newest first, with who, when, which case and why. */
export default async function BreakGlassReviewPage() {
  const staff = await requireStaff('case:access_review');
  const result = await listBreakGlassGrants(staff);
  if (!result.ok) redirect('/dashboard');
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold text-slate-900">Break-the-glass access</h1>
      {result.entries.length === 0 ? (
        <p className="text-slate-700">No one has broken the glass yet.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="break-glass-table">
          <caption className="sr-only">Break-the-glass access, newest first</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">
                When
              </th>
              <th scope="col" className="py-2 pr-4">
                Staff member
              </th>
              <th scope="col" className="py-2 pr-4">
                Case
              </th>
              <th scope="col" className="py-2">
                Reason
              </th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((entry) => (
              <tr key={entry.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(entry.at)}</td>
                <td className="py-2 pr-4">
                  {entry.staffName} ({isStaffRole(entry.staffRole) ? ROLE_LABELS[entry.staffRole] : entry.staffRole})
                </td>
                <td className="py-2 pr-4">
                  <Link href={`/cases/${entry.caseId}`} className="font-mono text-sky-900 underline">
                    {entry.caseId.slice(0, 8)}
                  </Link>
                </td>
                <td className="py-2 wrap-anywhere">{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
