'use client';

import { Trash2 } from 'lucide-react';
import { useActionState, useState } from 'react';

import { discardIntakeDraftAction, type DiscardDraftState } from '@/app/(staff)/intake/actions';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass } from '@/components/forms/styles';
import { SubmitButton } from '@/components/forms/submit-button';

/** Discarding deletes the draft's answers for good, so it asks once more, in words. */
export function DiscardDraftButton({ draftId, label }: { draftId: string; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action] = useActionState<DiscardDraftState, FormData>(discardIntakeDraftAction, { status: 'idle' });
  if (!confirming) {
    return (
      <button type="button" className={buttonClass.danger} onClick={() => setConfirming(true)}>
        <Trash2 aria-hidden="true" className="h-4 w-4" />
        Discard<span className="sr-only"> the draft for {label}</span>
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="draftId" value={draftId} />
      <span className="text-sm font-medium text-red-900">Delete this draft and its answers?</span>
      <SubmitButton variant="danger" pendingLabel="Discarding…" autoFocus>
        Discard draft
      </SubmitButton>
      <button type="button" className={buttonClass.secondary} onClick={() => setConfirming(false)}>
        Keep it
      </button>
      <div className="w-full">
        <FormAlert status={state.status} message={state.status === 'error' ? state.message : null} look="text" />
      </div>
    </form>
  );
}
