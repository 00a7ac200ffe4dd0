'use client';

import { useActionState } from 'react';

import { addCaseNoteAction } from '@/app/(staff)/cases/actions';
import { button, textInputClass } from '@/components/intake/ui';
import type { FormState } from '@/lib/outcome';

export function NoteForm({ caseId }: { caseId: string }) {
  const [state, action, pending] = useActionState<FormState<'body'>, FormData>(addCaseNoteAction, { status: 'idle' });
  const errors = state.status === 'error' ? (state.fieldErrors?.body ?? []) : [];
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="caseId" value={caseId} />
      <label htmlFor="note-body" className="block font-medium text-slate-900">
        Add a note
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={3}
        defaultValue={state.status === 'error' ? (state.values?.body ?? '') : ''}
        aria-describedby={errors.length > 0 ? 'note-body-error' : undefined}
        aria-invalid={errors.length > 0 || undefined}
        className={`${textInputClass} max-w-2xl`}
      />
      <p id="note-body-error" aria-live="polite" className="text-sm font-medium text-red-800">
        {errors.join(' ')}
      </p>
      <button type="submit" className={button.secondary} disabled={pending}>
        {pending ? 'Adding…' : 'Add note'}
      </button>
      {state.status !== 'idle' && state.message ? (
        <p role={state.status === 'success' ? 'status' : 'alert'} className={state.status === 'success' ? 'text-emerald-900' : 'font-medium text-red-900'}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
