'use client';

import { Trash2 } from 'lucide-react';
import { useActionState, useState } from 'react';

import { discardIntakeDraftAction, type DiscardDraftState } from '@/app/(staff)/intake/actions';

import { button } from './ui';

/** Discarding deletes the draft's answers for good, so it asks once more, in words. */
export function DiscardDraftButton({ draftId, label }: { draftId: string; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<DiscardDraftState, FormData>(discardIntakeDraftAction, { status: 'idle' });
  if (!confirming) {
    return (
      <button type="button" className={button.danger} onClick={() => setConfirming(true)}>
        <Trash2 aria-hidden="true" className="h-4 w-4" />
        Discard<span className="sr-only"> the draft for {label}</span>
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="draftId" value={draftId} />
      <span className="text-sm font-medium text-red-900">Delete this draft and its answers?</span>
      <button type="submit" className={button.danger} disabled={pending} autoFocus>
        {pending ? 'Discarding…' : 'Discard draft'}
      </button>
      <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
        Keep it
      </button>
      {state.status === 'error' ? (
        <p role="alert" className="w-full text-sm font-medium text-red-900">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
