'use server';

import { revalidatePath } from 'next/cache';

import { defineFormAction } from '@/lib/actions/define-action';
import { stringFields } from '@/lib/actions/string-fields';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { changeCaseStatus } from '@/lib/cases/workflow/change-status';
import { accessActorFor } from '@/lib/cases/break-glass-session';

// The case workflow's server actions (issue 9). The wrapper checks 'case:status'; lib/cases/workflow
// checks the move against the transition table for the role, and writes it with its audit event in
// one transaction, at the version the form was loaded with.

const STATUS_FIELDS = ['caseId', 'version', 'toStatus', 'reason', 'reasonCode'] as const;

/** Moves a case to another status (which moves a role may make: lib/cases/workflow/transitions.ts). */
export const changeCaseStatusAction = defineFormAction({
  name: 'case.status_change',
  permission: 'case:status',
  fields: STATUS_FIELDS,
  echo: ['toStatus', 'reason', 'reasonCode'],
  input: stringFields(STATUS_FIELDS),
  invalidMessage: 'The status was not changed. Check the fields marked below.',
  handler: async (input, { staff }) => {
    const result = await changeCaseStatus(await accessActorFor(staff), {
      caseId: input.caseId,
      expectedVersion: input.version === '' ? undefined : input.version,
      toStatus: input.toStatus,
      reason: input.reason,
      reasonCode: input.reasonCode,
    });
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: `Status changed to ${CASE_STATUS_LABELS[result.to]}.` };
  },
});
