import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { FormAlert } from '@/components/forms/form-alert';
import { IntakeForm } from '@/components/intake/intake-form';
import { requireStaff } from '@/lib/auth/guards';
import { getCase } from '@/lib/cases/get-case';
import { PROGRAM_TIME_ZONE } from '@/lib/format/date-time';
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import { accessActorFor } from '@/lib/cases/break-glass-session';

// The title never names the patient.
export const metadata: Metadata = { title: 'Re-assessment' };

/**
 * A new assessment of an existing case (issue 9 item 4): the v2 intake form, pre-filled from the
 * case's current intake (a v1 intake comes up as the v2 form with the questions v2 added
 * unanswered), submitted as the case's next assessment. Opening it is a case view (audited).
 */
export default async function ReassessCasePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff('case:create');
  const { id } = await params;
  const result = await getCase(await accessActorFor(staff), id);
  if (!result.ok && result.reason === 'invalid') return <FormAlert status="error" message={result.message} />;
  if (!result.ok) notFound();
  const record = result.case;
  return (
    <IntakeForm
      key={`${record.id}-${record.version}`}
      draftId={null}
      version={null}
      savedAt={null}
      initialValues={intakeToFormValues(record.intake, record.instrumentItems ?? {})}
      initialSection="patient"
      timeZone={PROGRAM_TIME_ZONE}
      reassess={{ caseId: record.id, caseVersion: record.version }}
    />
  );
}
