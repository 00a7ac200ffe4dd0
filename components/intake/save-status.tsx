'use client';

import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import { useSyncExternalStore } from 'react';

import type { SaveState } from './draft-saver';

const subscribeNothing = () => () => {};

/** "Saved at 14:02" / "Not saved — retrying": always visible, announced politely when it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  // Times are shown in the browser's zone, so only after hydration (the server's zone may differ).
  const inBrowser = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  let icon = <CircleCheck aria-hidden="true" className="h-4 w-4" />;
  let text: string;
  let tone = 'border-emerald-700 bg-emerald-50 text-emerald-950';
  switch (state.kind) {
    case 'saved':
      text = inBrowser ? `Saved at ${state.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}` : 'Saved';
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
    <p role="status" data-testid="save-status" data-state={state.kind} className={`inline-flex items-center gap-2 rounded-md border px-3 py-1 text-sm font-medium ${tone}`}>
      {icon}
      <span>{text}</span>
    </p>
  );
}
