'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineFormAction } from '@/lib/actions/define-action';
import { breakTheGlass } from '@/lib/cases/break-glass';
import { accessActorFor } from '@/lib/cases/break-glass-session';

const FIELDS = ['caseId', 'reason'] as const;

/** Opens a case outside the person's need-to-know for the rest of this session, with a reason. */
export const breakTheGlassAction = defineFormAction({
  name: 'case.break_glass',
  permission: 'case:read',
  fields: FIELDS,
  echo: ['reason'],
  input: z.object({ caseId: z.string(), reason: z.string() }),
  invalidMessage: 'Access was not granted: a reason is required.',
  handler: async (input, { staff }) => {
    const result = await breakTheGlass(await accessActorFor(staff), { caseId: input.caseId, reason: input.reason });
    if (!result.ok) return result;
    redirect(`/cases/${input.caseId}`);
  },
});
