'use client';

import { Check, CircleAlert } from 'lucide-react';

import { focusRing } from '@/components/forms/styles';
import { INTAKE_SECTIONS, type IntakeSectionId } from '@/lib/intake/form/sections';

export interface SectionProgress {
  /** Problems shown for the section (counted once it was visited and left, or after submit). */
  readonly problems: number;
  readonly visited: boolean;
  readonly complete: boolean;
}

/**
 * The progress indicator and section navigation in one: an ordered list of buttons, the current
 * one marked aria-current="step", each saying in words whether it is done or has problems.
 * Beside the form on wide screens; above it, in rows of four (two on a phone), on narrower ones,
 * so the first question is still in view on a laptop-sized window (issue 12 item 8).
 */
export function ProgressNav({
  current,
  progress,
  onGoTo,
}: {
  current: IntakeSectionId;
  progress: Readonly<Record<IntakeSectionId, SectionProgress>>;
  onGoTo: (section: IntakeSectionId) => void;
}) {
  const index = INTAKE_SECTIONS.findIndex((section) => section.id === current);
  return (
    <nav aria-label="Intake sections" className="rounded-lg border border-slate-300 bg-white p-3">
      <p className="text-sm font-medium text-slate-800" id="intake-progress-label">
        Step {index + 1} of {INTAKE_SECTIONS.length}
      </p>
      <progress
        aria-labelledby="intake-progress-label"
        value={index + 1}
        max={INTAKE_SECTIONS.length}
        className="mt-1 h-2 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-800"
      />
      <ol className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4 lg:grid-cols-1">
        {INTAKE_SECTIONS.map((section, position) => {
          const state = progress[section.id];
          const isCurrent = section.id === current;
          const status = state.problems > 0 ? `${state.problems} to fix` : state.complete ? 'done' : '';
          return (
            <li key={section.id}>
              <button
                type="button"
                aria-current={isCurrent ? 'step' : undefined}
                onClick={() => onGoTo(section.id)}
                className={`flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left text-sm ${focusRing} ${
                  isCurrent ? 'bg-sky-800 font-semibold text-white' : 'text-slate-900 hover:bg-slate-100'
                }`}
              >
                <span>
                  {position + 1}. {section.title}
                </span>
                {status ? (
                  <span
                    className={`inline-flex items-center gap-1 text-xs font-medium ${isCurrent ? 'text-white' : state.problems > 0 ? 'text-red-800' : 'text-emerald-800'}`}
                  >
                    {state.problems > 0 ? (
                      <CircleAlert aria-hidden="true" className="h-3.5 w-3.5" />
                    ) : (
                      <Check aria-hidden="true" className="h-3.5 w-3.5" />
                    )}
                    {status}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
