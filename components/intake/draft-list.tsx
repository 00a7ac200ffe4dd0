'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Trash2 } from 'lucide-react';
import { useState, useTransition } from 'react';

import { discardIntakeDraftsAction } from '@/app/(staff)/intake/actions';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass } from '@/components/forms/styles';
import { DiscardDraftButton } from '@/components/intake/discard-draft-button';

/** One row of "Your drafts", formatted on the server (the time in the program's zone). */
export interface DraftRow {
  readonly id: string;
  readonly patientLabel: string;
  readonly dateOfBirth: string | null;
  readonly mrn: string | null;
  readonly sectionTitle: string;
  readonly savedAtIso: string;
  readonly savedAtText: string;
}

/**
 * The author's drafts as a table that tells look-alike drafts apart (date of birth, MRN, the
 * section reached, last saved), with a checkbox per row to discard several at once. Discarding
 * several asks once more, in words, and is all-or-nothing on the server.
 */
export function DraftList({ drafts }: { drafts: readonly DraftRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ status: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // Rows discarded elsewhere drop out of the selection when the list refreshes.
  const chosen = drafts.filter((draft) => selected.has(draft.id));
  const allChosen = chosen.length === drafts.length && drafts.length > 0;

  function toggle(id: string, on: boolean) {
    setMessage(null);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function discardChosen() {
    const draftIds = chosen.map((draft) => draft.id);
    startTransition(async () => {
      const result = await discardIntakeDraftsAction({ draftIds });
      if (result.status === 'success') {
        setMessage({
          status: 'success',
          text: result.deleted === 1 ? '1 draft discarded.' : `${result.deleted} drafts discarded.`,
        });
        setSelected(new Set());
        setConfirming(false);
        router.refresh();
      } else {
        setMessage({ status: 'error', text: result.message });
        setConfirming(false);
      }
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex min-h-10 flex-wrap items-center gap-3">
        {confirming ? (
          <>
            <span className="font-medium text-red-900">
              Delete {chosen.length === 1 ? 'this draft' : `these ${chosen.length} drafts`} and their answers?
            </span>
            <button type="button" className={buttonClass.danger} onClick={discardChosen} disabled={pending} autoFocus>
              {pending ? 'Discarding…' : `Discard ${chosen.length === 1 ? 'draft' : `${chosen.length} drafts`}`}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => setConfirming(false)}
              disabled={pending}
            >
              Keep them
            </button>
          </>
        ) : (
          <button
            type="button"
            className={buttonClass.danger}
            disabled={chosen.length === 0}
            onClick={() => {
              setMessage(null);
              setConfirming(true);
            }}
          >
            <Trash2 aria-hidden="true" className="h-4 w-4" />
            Discard selected ({chosen.length})
          </button>
        )}
        <FormAlert status={message?.status ?? 'idle'} message={message?.text ?? null} look="text" />
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your drafts, newest first</caption>
          <thead className="border-b border-slate-300 bg-slate-50 text-slate-800">
            <tr>
              <th scope="col" className="w-10 p-3">
                <input
                  type="checkbox"
                  aria-label="Select every draft"
                  className="h-4 w-4"
                  checked={allChosen}
                  onChange={(event) => {
                    setMessage(null);
                    setSelected(event.target.checked ? new Set(drafts.map((draft) => draft.id)) : new Set());
                  }}
                />
              </th>
              <th scope="col" className="p-3 font-semibold">
                Patient
              </th>
              <th scope="col" className="p-3 font-semibold whitespace-nowrap">
                Date of birth
              </th>
              <th scope="col" className="p-3 font-semibold">
                MRN
              </th>
              <th scope="col" className="p-3 font-semibold">
                Section reached
              </th>
              <th scope="col" className="p-3 font-semibold whitespace-nowrap">
                Last saved
              </th>
              <th scope="col" className="p-3">
                <span className="sr-only">Discard</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {drafts.map((draft) => (
              <tr key={draft.id} className={selected.has(draft.id) ? 'bg-sky-50' : undefined}>
                <td className="p-3">
                  <input
                    type="checkbox"
                    aria-label={`Select the draft for ${draft.patientLabel}`}
                    className="h-4 w-4"
                    checked={selected.has(draft.id)}
                    onChange={(event) => toggle(draft.id, event.target.checked)}
                  />
                </td>
                <td className="max-w-64 p-3">
                  <Link
                    href={`/intake/${draft.id}`}
                    prefetch={false}
                    className="font-medium wrap-anywhere text-sky-900 underline underline-offset-2"
                  >
                    {draft.patientLabel}
                  </Link>
                </td>
                <td className="p-3 whitespace-nowrap text-slate-800">{draft.dateOfBirth ?? <NotYet />}</td>
                <td className="max-w-40 p-3 wrap-anywhere text-slate-800">{draft.mrn ?? <NotYet />}</td>
                <td className="p-3 text-slate-800">{draft.sectionTitle}</td>
                <td className="p-3 whitespace-nowrap text-slate-800">
                  <time dateTime={draft.savedAtIso}>{draft.savedAtText}</time>
                </td>
                <td className="p-3 text-right">
                  <DiscardDraftButton draftId={draft.id} label={draft.patientLabel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function NotYet() {
  return <span className="text-slate-600">not yet</span>;
}
