'use client';

import { useActionState, type ReactNode } from 'react';

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

/**
 * SUPERVISOR: takes people off the care team — one form around the whole list, each row's button
 * naming its member (`staffId` is the pressed button's value, sent by the browser and by React's
 * form action alike). One form instead of one per member: each form carried React's four action
 * inputs, the case id and version and its own message region (~560 bytes a member, issue 10). A
 * removal changes the case version, so while one runs the others are disabled with it. Taking
 * the last member off ends the list and the form with it; the panel then says the team is empty.
 */
export function RemoveMembersForm({
  caseId,
  version,
  children,
}: {
  caseId: string;
  version: number;
  /** The list, with a RemoveMemberButton in each member's row. */
  children: ReactNode;
}) {
  const [state, action] = useActionState<FormState, FormData>(changeCareTeamAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="intent" value="remove" />
      {children}
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}

/** One member's button inside RemoveMembersForm. */
export function RemoveMemberButton({ staffId, name }: { staffId: string; name: string }) {
  return (
    <SubmitButton
      variant="secondary"
      name="staffId"
      value={staffId}
      pendingLabel="Removing…"
      aria-label={`Remove ${name} from the care team`}
    >
      Remove
    </SubmitButton>
  );
}
