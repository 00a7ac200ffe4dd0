'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineCallAction } from '@/lib/actions/define-action';
import { reassessCase } from '@/lib/cases/reassess-case';
import { accessActorFor } from '@/lib/cases/break-glass-session';

// The re-assessment page's server action (issue 9 item 4). lib/cases validates the answers as
// intake v2, computes the recommendation and appends the assessment at the case's version.

/** Records a new assessment of the case and opens it; answers like submitting an intake when refused. */
export const reassessCaseAction = defineCallAction({
  name: 'case.reassess',
  permission: 'case:create',
  // Only the case, the version the page was loaded with and the answers are read.
  input: z.object({ caseId: z.string(), version: z.number().int(), values: z.unknown() }),
  invalidMessage: 'Nothing was submitted. Nothing was saved.',
  handler: async (payload, { staff }) => {
    const result = await reassessCase(await accessActorFor(staff), {
      caseId: payload.caseId,
      expectedVersion: payload.version,
      values: payload.values,
    });
    if (!result.ok) return result;
    redirect(`/cases/${payload.caseId}`);
  },
});
