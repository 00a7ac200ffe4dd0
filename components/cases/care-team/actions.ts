'use server';

import { revalidatePath } from 'next/cache';

import { defineFormAction } from '@/lib/actions/define-action';
import { stringFields } from '@/lib/actions/string-fields';
import { addCareTeamMember, assignCase, removeCareTeamMember } from '@/lib/cases/care-team';

// The assignment and care-team panel's actions (SUPERVISOR, case:reassign). lib/cases/care-team.ts
// validates, claims the case version and audits in one transaction.

const ASSIGN_FIELDS = ['caseId', 'version', 'assigneeId'] as const;

/** Assigns, reassigns or unassigns the case. */
export const assignCaseAction = defineFormAction({
  name: 'case.assign',
  permission: 'case:reassign',
  fields: ASSIGN_FIELDS,
  input: stringFields(ASSIGN_FIELDS),
  invalidMessage: 'Nothing was changed.',
  handler: async (input, { staff }) => {
    const result = await assignCase(staff, {
      caseId: input.caseId,
      assigneeId: input.assigneeId,
      expectedVersion: input.version,
    });
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: input.assigneeId ? 'Assignment saved.' : 'The case is now unassigned.' };
  },
});

const MEMBER_FIELDS = ['caseId', 'version', 'staffId', 'intent'] as const;

/** Adds someone to the care team, or (intent=remove) takes them off it. */
export const changeCareTeamAction = defineFormAction({
  name: 'case.care_team',
  permission: 'case:reassign',
  fields: MEMBER_FIELDS,
  input: stringFields(MEMBER_FIELDS),
  invalidMessage: 'Nothing was changed.',
  handler: async (input, { staff }) => {
    const change = { caseId: input.caseId, staffId: input.staffId, expectedVersion: input.version };
    const result =
      input.intent === 'remove' ? await removeCareTeamMember(staff, change) : await addCareTeamMember(staff, change);
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: input.intent === 'remove' ? 'Removed from the care team.' : 'Added to the care team.' };
  },
});
