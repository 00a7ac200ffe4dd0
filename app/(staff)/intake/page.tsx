import type { Metadata } from 'next';
import Link from 'next/link';
import { FilePlus2 } from 'lucide-react';

import { DraftList } from '@/components/intake/draft-list';
import { buttonClass } from '@/components/forms/styles';
import { requireStaff } from '@/lib/auth/guards';
import { listDrafts } from '@/lib/cases/drafts';
import { formatDateTime } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'Intake' };

/** Start an intake, or carry on with one of your drafts (drafts are private to their author). */
export default async function IntakeHomePage() {
  const staff = await requireStaff('case:create');
  const drafts = await listDrafts(staff);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Intake</h1>
        <Link href="/intake/new" className={buttonClass.primary}>
          <FilePlus2 aria-hidden="true" className="h-4 w-4" />
          Start a new intake
        </Link>
      </div>
      <section aria-labelledby="drafts-heading" className="space-y-2">
        <h2 id="drafts-heading" className="text-lg font-semibold text-slate-900">
          Your drafts
        </h2>
        {drafts.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-slate-700">
            No drafts. Intakes you start are saved here as you type until you submit them.
          </p>
        ) : (
          <DraftList
            drafts={drafts.map((draft) => ({
              id: draft.id,
              patientLabel: draft.patientLabel,
              dateOfBirth: draft.dateOfBirth,
              mrn: draft.mrn,
              sectionTitle: draft.sectionTitle,
              savedAtIso: draft.updatedAt.toISOString(),
              savedAtText: formatDateTime(draft.updatedAt, { withZone: true }),
            }))}
          />
        )}
      </section>
    </div>
  );
}
