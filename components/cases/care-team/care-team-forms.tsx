'use client';

import { useActionState } from 'react';

import { SelectField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/outcome';

import { assignCaseAction, changeCareTeamAction } from './actions';

interface Option {
  readonly id: string;
  readonly label: string;
}

/** SUPERVISOR: assign, reassign or unassign; sends the case version the page was read at. */
export function AssignForm({
  caseId,
  version,
  assigneeId,
  options,
}: {
  caseId: string;
  version: number;
  assigneeId: string | null;
  options: readonly Option[];
}) {
  const [state, action] = useActionState<FormState, FormData>(assignCaseAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <SelectField id="assignee" name="assigneeId" label="Assigned to" defaultValue={assigneeId ?? ''}>
        <option value="">Unassigned</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save assignment
      </SubmitButton>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}

/** SUPERVISOR: add someone to the care team. */
export function AddMemberForm({
  caseId,
  version,
  options,
}: {
  caseId: string;
  version: number;
  options: readonly Option[];
}) {
  const [state, action] = useActionState<FormState, FormData>(changeCareTeamAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="intent" value="add" />
      <SelectField id="care-team-add" name="staffId" label="Add to the care team" defaultValue="">
        <option value="" disabled>
          Choose a staff member
        </option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add
      </SubmitButton>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}

/** SUPERVISOR: take one person off the care team. */
export function RemoveMemberForm({
  caseId,
  version,
  staffId,
  name,
}: {
  caseId: string;
  version: number;
  staffId: string;
  name: string;
}) {
  const [state, action] = useActionState<FormState, FormData>(changeCareTeamAction, { status: 'idle' });
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="staffId" value={staffId} />
      <input type="hidden" name="intent" value="remove" />
      <SubmitButton variant="secondary" pendingLabel="Removing…" aria-label={`Remove ${name} from the care team`}>
        Remove
      </SubmitButton>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}
