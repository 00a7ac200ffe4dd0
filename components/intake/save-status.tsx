'use client';

import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';

import { formatTime } from '@/lib/format/date-time';

import type { SaveState } from './draft-saver';

/**
 * "Saved at 14:02" / "Not saved — retrying": always visible, announced politely when it changes.
 * The time is in the program's zone, which the page passes in (the browser does not know the
 * setting), so the server and the browser write the same time.
 */
export function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  let icon = <CircleCheck aria-hidden="true" className="h-4 w-4" />;
  let text: string;
  let tone = 'border-emerald-700 bg-emerald-50 text-emerald-950';
  switch (state.kind) {
    case 'saved':
      text = `Saved at ${formatTime(state.at, { timeZone })}`;
      if (state.tooLong?.length) {
        // The rest is saved; the long answer is kept cut to its limit until it is shortened.
        icon = <CircleAlert aria-hidden="true" className="h-4 w-4" />;
        text = `${text}, except ${state.tooLong.length === 1 ? 'one answer' : `${state.tooLong.length} answers`} over the length limit — shorten the field marked in red to save it whole.`;
        tone = 'border-amber-700 bg-amber-50 text-amber-950';
      }
      break;
    case 'saving':
      icon = <LoaderCircle aria-hidden="true" className="h-4 w-4 animate-spin" />;
      text = 'Saving…';
      tone = 'border-slate-400 bg-white text-slate-900';
      break;
    case 'unsaved':
      icon = <LoaderCircle aria-hidden="true" className="h-4 w-4" />;
      text = 'Not saved yet';
      tone = 'border-slate-400 bg-white text-slate-900';
      break;
    case 'retrying':
    case 'stopped':
      icon = <CircleAlert aria-hidden="true" className="h-4 w-4" />;
      text = state.message;
      tone = 'border-red-700 bg-red-50 text-red-900';
      break;
  }
  return (
    <p
      role="status"
      data-testid="save-status"
      data-state={state.kind}
      className={`inline-flex items-center gap-2 rounded-md border px-3 py-1 text-sm font-medium ${tone}`}
    >
      {icon}
      <span>{text}</span>
    </p>
  );
}
