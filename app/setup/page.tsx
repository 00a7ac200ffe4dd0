import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { SetupForm } from '@/components/auth/setup-form';
import { countStaff } from '@/lib/staff/service';

import { currentSetupCode } from './setup-code';

export const metadata: Metadata = { title: 'First-run setup' };

/** Only while no account exists: afterwards this page does not exist (404). */
export default async function SetupPage() {
  if ((await countStaff()) > 0) notFound();
  currentSetupCode(); // makes sure a code exists (and is printed on the console) before anyone can type it
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <h1 className="text-2xl font-semibold text-slate-900">Set up Intake</h1>
        <p className="mt-2 text-sm text-slate-600">
          No accounts exist yet. Create the first administrator; they can then add the other staff accounts. You need
          the setup code printed on the server console when Intake started (also in the file <code>setup-code</code> in
          the data folder). This page disappears once the account exists.
        </p>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SetupForm />
        </div>
      </div>
    </main>
  );
}
