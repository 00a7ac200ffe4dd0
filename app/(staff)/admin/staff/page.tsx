import type { Metadata } from 'next';

import { CreateStaffForm } from '@/components/admin/create-staff-form';
import { StaffRowActions } from '@/components/admin/staff-row-actions';
import { ResetTwoFactorButton, TwoFactorRequiredForm } from '@/components/admin/two-factor-admin';
import { requireStaff } from '@/lib/auth/guards';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/format/date-time';
import { listStaff } from '@/lib/staff/service';
import { isTwoFactorRequired } from '@/lib/staff/two-factor-store';

export const metadata: Metadata = { title: 'Staff accounts' };

export default async function StaffAccountsPage() {
  const me = await requireStaff('staff:manage');
  const staff = await listStaff();
  const twoFactorRequired = await isTwoFactorRequired();
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Staff accounts</h1>
        <p className="mt-1 text-sm text-slate-600">
          Deactivating an account or resetting its password signs the person out everywhere on their next request. Every
          change is recorded in the audit log.
        </p>
      </div>

      <section
        aria-labelledby="two-factor-heading"
        className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      >
        <h2 id="two-factor-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Two-factor sign-in
        </h2>
        <TwoFactorRequiredForm required={twoFactorRequired} />
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <CreateStaffForm />
      </section>

      <section aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading" className="text-lg font-semibold text-slate-900">
          Accounts ({staff.length})
        </h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Name and email
                </th>
                <th scope="col" className="px-4 py-3">
                  Role
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Last sign-in
                </th>
                <th scope="col" className="px-4 py-3">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {staff.map((person) => (
                <tr key={person.id} className={person.active ? '' : 'bg-slate-50 text-slate-500'}>
                  <td className="px-4 py-3 align-top">
                    <div className="font-medium text-slate-900">
                      {person.displayName}
                      {person.id === me.id ? (
                        <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900">you</span>
                      ) : null}
                    </div>
                    <div className="text-slate-600">{person.email}</div>
                  </td>
                  <td className="px-4 py-3 align-top">{ROLE_LABELS[person.role]}</td>
                  <td className="px-4 py-3 align-top">
                    {person.active ? 'Active' : 'Deactivated'}
                    <div className="text-xs text-slate-600">
                      {person.totpEnrolledAt ? 'Two-factor on' : 'No two-factor'}
                    </div>
                  </td>
                  <td className="px-4 py-3 align-top">
                    {person.lastSignInAt ? (
                      <time dateTime={person.lastSignInAt.toISOString()}>
                        {formatDateTime(person.lastSignInAt, { withZone: true })}
                      </time>
                    ) : (
                      'Never'
                    )}
                  </td>
                  <td className="px-4 py-3 align-top">
                    <StaffRowActions
                      staff={{ id: person.id, email: person.email, role: person.role, active: person.active }}
                      self={person.id === me.id}
                    />
                    {person.totpEnrolledAt && person.id !== me.id ? (
                      <ResetTwoFactorButton staffId={person.id} email={person.email} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
