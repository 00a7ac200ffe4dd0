import type { Metadata } from 'next';

import { IntakeForm } from '@/components/intake/intake-form';
import { requireStaff } from '@/lib/auth/guards';
import { PROGRAM_TIME_ZONE } from '@/lib/format/date-time';
import { emptyIntakeFormValues } from '@/lib/intake/form/values';

export const metadata: Metadata = { title: 'New intake' };

/** An empty intake. Nothing is stored until the first answer: then the draft is created and the address becomes /intake/<draft id>. */
export default async function NewIntakePage() {
  await requireStaff('case:create');
  return (
    <IntakeForm
      draftId={null}
      version={null}
      savedAt={null}
      initialValues={emptyIntakeFormValues()}
      initialSection="patient"
      timeZone={PROGRAM_TIME_ZONE}
    />
  );
}
