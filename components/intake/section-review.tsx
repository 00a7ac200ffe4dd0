'use client';

import { CircleAlert, LoaderCircle, Send } from 'lucide-react';
import type { ReactNode } from 'react';

import { RecommendationPanel } from '@/components/cases/recommendation-panel';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass, focusRing } from '@/components/forms/styles';
import type { FormIssue } from '@/lib/intake/form/to-intake';
import { INTAKE_SECTIONS, type IntakeSectionId } from '@/lib/intake/form/sections';

import { TextAreaField } from './fields';
import type { IntakeCheck } from './use-intake-check';

interface ReviewSectionProps {
  readonly check: IntakeCheck;
  /** Problems to list (all of them: the review is where everything left to do is shown). */
  readonly issues: readonly FormIssue[];
  readonly onGoTo: (section: IntakeSectionId, path: string) => void;
  readonly onSubmit: () => void;
  readonly submitting: boolean;
  readonly submitMessage: string | null;
  /** What submitting does, for a re-assessment (default: a new intake). */
  readonly submitText?: { readonly explanation: string; readonly button: string };
  /** Shown first: the duplicate check for a new intake (components/intake/duplicate-notice.tsx). */
  readonly notice?: ReactNode;
}

/** The live, server-computed recommendation (or what is still missing), and submission. */
export function ReviewSection({
  check,
  issues,
  onGoTo,
  onSubmit,
  submitting,
  submitMessage,
  submitText,
  notice,
}: ReviewSectionProps) {
  const { result, pending, failed } = check;
  const ready = result?.status === 'success' && result.outcome === 'ready';
  const bySection = INTAKE_SECTIONS.map((section) => ({
    section,
    issues: issues.filter((issue) => issue.section === section.id),
  })).filter((group) => group.issues.length > 0);

  let checkLine: string;
  if (result === null) checkLine = 'Checking the answers on the server…';
  else if (result.status === 'error') checkLine = result.message;
  else if (failed) checkLine = 'Could not reach the server to check the newest answers. Retrying.';
  else if (pending) checkLine = 'Answers changed — checking again on the server…';
  else if (ready)
    checkLine = 'All answers are complete. The recommendation below was computed on the server from them.';
  else
    checkLine = `${issues.length} ${issues.length === 1 ? 'answer needs' : 'answers need'} attention before the recommendation can be computed.`;

  return (
    <div
      className="space-y-6"
      data-testid="review"
      data-roundtrip-ms={check.roundTripMs ?? undefined}
      data-check-state={pending ? 'pending' : ready ? 'ready' : 'incomplete'}
    >
      {notice}
      <p role="status" className="flex items-center gap-2 font-medium text-slate-900">
        {pending || result === null ? <LoaderCircle aria-hidden="true" className="h-4 w-4 animate-spin" /> : null}
        {checkLine}
      </p>

      {result?.status === 'success' && result.outcome === 'ready' ? (
        <div className={pending ? 'opacity-60' : undefined} aria-busy={pending || undefined}>
          <RecommendationPanel
            view={result.recommendation}
            headingLevel={3}
            title="Recommendation (computed on the server)"
          />
        </div>
      ) : null}

      {bySection.length > 0 ? (
        <section aria-labelledby="review-missing-heading" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
          <h3 id="review-missing-heading" className="flex items-center gap-2 text-lg font-semibold text-red-900">
            <CircleAlert aria-hidden="true" className="h-5 w-5" />
            To complete before submitting
          </h3>
          {bySection.map(({ section, issues: sectionIssues }) => (
            <div key={section.id} className="mt-3">
              <h4 className="font-semibold text-slate-900">{section.title}</h4>
              <ul className="mt-1 space-y-1">
                {sectionIssues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>
                    <button
                      type="button"
                      onClick={() => onGoTo(section.id, issue.path)}
                      className={`text-left text-red-900 underline underline-offset-2 ${focusRing}`}
                    >
                      {issue.message}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      <TextAreaField path="notes.general" label="General notes (optional)" hint="Not used by the placement rules." />

      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        className="space-y-3 border-t border-slate-300 pt-4"
      >
        <p className="text-slate-800">
          {submitText?.explanation ??
            'Submitting stores the case with these answers and the recommendation the server computes from them, and opens the case.'}
        </p>
        <button type="submit" className={buttonClass.primary} disabled={submitting} aria-disabled={submitting}>
          <Send aria-hidden="true" className="h-4 w-4" />
          {submitting ? 'Submitting…' : (submitText?.button ?? 'Submit intake')}
        </button>
        <FormAlert status={submitMessage ? 'error' : 'idle'} message={submitMessage} />
      </form>
    </div>
  );
}
