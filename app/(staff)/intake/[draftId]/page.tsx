import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { IntakeForm } from '@/components/intake/intake-form';
import { requireStaff } from '@/lib/auth/guards';
import { loadDraft } from '@/lib/cases/drafts';
import { PROGRAM_TIME_ZONE } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'Intake draft' };

/** Reopens one of the signed-in person's drafts where they left it; anyone else's is "not found". */
export default async function IntakeDraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const staff = await requireStaff('case:create');
  const { draftId } = await params;
  const result = await loadDraft(staff, draftId);
  if (!result.ok) notFound();
  const { draft } = result;
  return (
    <IntakeForm
      key={draft.id}
      draftId={draft.id}
      version={draft.version}
      savedAt={draft.updatedAt.toISOString()}
      initialValues={draft.values}
      initialSection={draft.section}
      timeZone={PROGRAM_TIME_ZONE}
    />
  );
}
