'use client';

import { useActionState } from 'react';

import { addCaseNoteAction } from '@/app/(staff)/cases/actions';
import { TextAreaField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { NOTE_MAX } from '@/lib/cases/schemas';
import { formatCount } from '@/lib/format/date-time';
import type { FormState } from '@/lib/outcome';

export function NoteForm({ caseId }: { caseId: string }) {
  const [state, action] = useActionState<FormState<'body'>, FormData>(addCaseNoteAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="caseId" value={caseId} />
      <TextAreaField
        id="note-body"
        name="body"
        label="Add a note"
        hint={`At most ${formatCount(NOTE_MAX)} characters.`}
        rows={3}
        maxLength={NOTE_MAX}
        defaultValue={state.status === 'error' ? (state.values?.body ?? '') : ''}
        errors={state.status === 'error' ? (state.fieldErrors?.body ?? []) : []}
        controlClassName="max-w-2xl"
      />
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add note
      </SubmitButton>
      <FormAlert status={state.status} message={state.message} look="text" />
    </form>
  );
}
