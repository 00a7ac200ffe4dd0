'use client';

import { OctagonAlert } from 'lucide-react';

import type { FlagView } from '@/lib/cases/recommendation-view';

/**
 * Emergency and safety flags: first on the page, announced (role="alert"), white on dark red
 * with an icon and the word URGENT — never colour alone.
 */
export function UrgentFlags({ flags, note }: { flags: readonly FlagView[]; note?: string }) {
  if (flags.length === 0) return null;
  return (
    <div className="space-y-3" data-testid="urgent-flags">
      {note ? <p className="font-semibold text-red-900">{note}</p> : null}
      {flags.map((flag) => (
        <div
          key={flag.code}
          role="alert"
          className="rounded-lg border-4 border-red-950 bg-red-800 p-4 text-white shadow-md"
        >
          <p className="flex items-center gap-2 text-xl font-bold">
            <OctagonAlert aria-hidden="true" className="h-7 w-7 shrink-0" />
            <span>URGENT — {flag.title}</span>
          </p>
          <p className="mt-1 text-lg">{flag.guidance}</p>
          <p className="mt-1 text-sm text-red-100">Flag code {flag.code}</p>
        </div>
      ))}
    </div>
  );
}
