'use client';

import { ClipboardX, Siren } from 'lucide-react';

import type { RecommendationView } from '@/lib/cases/recommendation-view';

/**
 * What comes before the level (placement rules v2): an emergency disposition ("send for emergency
 * evaluation now; the level applies after stabilisation") and "Assessment incomplete" with the
 * items not assessed. A v1 recommendation has neither, so nothing is shown for it.
 */
export function RecommendationAlerts({ view }: { view: RecommendationView }) {
  if (view.emergency === null && view.incomplete.length === 0) return null;
  return (
    <div className="space-y-3">
      {view.emergency ? (
        <div
          role="alert"
          data-testid="disposition"
          data-disposition={view.emergency.code}
          className="rounded-lg border-4 border-red-950 bg-red-800 p-4 text-white shadow-md"
        >
          <p className="flex items-center gap-2 text-xl font-bold">
            <Siren aria-hidden="true" className="h-7 w-7 shrink-0" />
            <span>{view.emergency.name}</span>
          </p>
          <p className="mt-1 text-lg">Disposition: {view.emergency.guidance}.</p>
        </div>
      ) : null}
      {view.incomplete.length > 0 ? (
        <div
          data-testid="assessment-incomplete"
          className="rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-amber-950"
        >
          <p className="flex items-center gap-2 text-lg font-bold">
            <ClipboardX aria-hidden="true" className="h-6 w-6 shrink-0" />
            <span>Assessment incomplete</span>
          </p>
          <p className="mt-1">The recommendation below counts these as not found; assess them before relying on it:</p>
          <ul className="mt-1 list-disc pl-5">
            {view.incomplete.map((entry) => (
              <li key={entry.item} data-incomplete={entry.item}>
                {entry.label} <span className="text-amber-900">({entry.item})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
