import type { Metadata } from 'next';
import Link from 'next/link';

import { requireStaff } from '@/lib/auth/guards';
import { navFor } from '@/lib/auth/navigation';
import { ROLE_LABELS } from '@/lib/auth/permissions';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const staff = await requireStaff();
  const links = navFor(staff.role).filter((item) => item.href !== '/dashboard');
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Welcome, {staff.displayName}</h1>
        <p className="mt-1 text-sm text-slate-600">Signed in as {ROLE_LABELS[staff.role].toLowerCase()}.</p>
      </div>
      {links.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="What you can do">
          {links.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-sky-300 hover:shadow focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-700"
              >
                <span className="font-semibold text-slate-900">{item.label}</span>
                <span className="mt-1 block text-sm text-slate-600">{item.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Nothing here yet for your role. Case lists and intake forms will appear on this page.
        </p>
      )}
    </div>
  );
}
