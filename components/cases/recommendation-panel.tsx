'use client';

import { Info, TriangleAlert } from 'lucide-react';

import type { RecommendationView } from '@/lib/cases/recommendation-view';

import { RecommendationAlerts } from './recommendation-alerts';
import { UrgentFlags } from './urgent-flags';

/**
 * The placement recommendation in the order staff act on it: urgent flags, the level and the
 * withdrawal-management level with their reasons, the six ratings with theirs, services, then
 * the other flags with guidance. Always labelled as local, ASAM-informed decision support.
 */
export function RecommendationPanel({
  view,
  headingLevel = 2,
  title = 'Recommendation',
  showUrgentFlags = true,
}: {
  view: RecommendationView;
  headingLevel?: 2 | 3;
  title?: string;
  /** False where the page already shows them (and the disposition and incomplete items) at its top. */
  showUrgentFlags?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="recommendation-heading" className="space-y-5" data-testid="recommendation">
      {showUrgentFlags ? <RecommendationAlerts view={view} /> : null}
      {showUrgentFlags ? <UrgentFlags flags={view.urgentFlags} /> : null}
      <div>
        <Heading id="recommendation-heading" className="text-xl font-semibold text-slate-900">
          {title}
        </Heading>
        <p className="mt-1 text-sm text-slate-700">{view.rulesLabel} · decision support — a clinician may override</p>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <Sub className="text-sm font-semibold uppercase tracking-wide text-slate-700">Treatment level</Sub>
          <p className="mt-1 text-2xl font-bold text-slate-900" data-testid="recommended-level">
            Level {view.treatmentLevel.code}
          </p>
          <p className="text-lg text-slate-900">{view.treatmentLevel.name}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {view.treatmentLevel.because.map((because) => (
              <li key={because}>{because}</li>
            ))}
          </ul>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <Sub className="text-sm font-semibold uppercase tracking-wide text-slate-700">Withdrawal management</Sub>
          <p className="mt-1 text-2xl font-bold text-slate-900" data-testid="recommended-wm">
            {view.withdrawalManagement.code === 'none' ? 'None' : view.withdrawalManagement.code}
          </p>
          <p className="text-lg text-slate-900">{view.withdrawalManagement.name}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {view.withdrawalManagement.because.map((because) => (
              <li key={because}>{because}</li>
            ))}
          </ul>
        </div>
      </div>

      {view.levelChanges.length > 0 ? (
        <div data-testid="level-changes">
          <Sub className="font-semibold text-slate-900">What would change the level</Sub>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800">
            {view.levelChanges.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {view.otherFlags.length > 0 ? (
        <div className="space-y-2">
          <Sub className="font-semibold text-slate-900">Flags</Sub>
          <ul className="space-y-2">
            {view.otherFlags.map((flag) => (
              <li
                key={flag.code}
                className="flex gap-3 rounded-md border-2 border-amber-700 bg-amber-50 p-3 text-amber-950"
                data-flag={flag.code}
              >
                <TriangleAlert aria-hidden="true" className="mt-0.5 h-5 w-5 shrink-0" />
                <div>
                  <p className="font-semibold">
                    {flag.title} <span className="font-normal text-amber-900">({flag.code})</span>
                  </p>
                  <p>{flag.guidance}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div>
        <Sub className="font-semibold text-slate-900">Six dimensions</Sub>
        {/* Row and cell styles once on the list, not on each of its rows (as the intake summary). */}
        <dl className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white *:grid *:gap-1 *:p-3 sm:*:grid-cols-[16rem_1fr] [&_dd]:text-slate-800 [&_dt]:font-medium [&_dt]:text-slate-900 [&_ul]:mt-1 [&_ul]:list-disc [&_ul]:space-y-0.5 [&_ul]:pl-5 [&_ul]:text-sm">
          {view.dimensions.map((dimension) => (
            <div key={dimension.id}>
              <dt>
                {dimension.label} {dimension.name}
              </dt>
              <dd>
                <span className="font-semibold">Rating {dimension.rating} of 4</span>
                {dimension.because.length > 0 ? (
                  <ul>
                    {dimension.because.map((because) => (
                      <li key={because}>{because}</li>
                    ))}
                  </ul>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>

      <div>
        <Sub className="font-semibold text-slate-900">Services</Sub>
        {view.services.length > 0 ? (
          <ul className="mt-1 flex flex-wrap gap-2 *:rounded-full *:border *:border-slate-400 *:bg-white *:px-3 *:py-1 *:text-sm *:text-slate-900">
            {view.services.map((service) => (
              <li key={service.code}>{service.label}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-slate-700">None.</p>
        )}
      </div>

      <p className="flex items-start gap-2 text-sm text-slate-700">
        <Info aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0" />
        <span>
          Rules version {view.rulesVersion}. Not endorsed by ASAM. Detox alone is not treatment: plan the next level of
          care with the person.
        </span>
      </p>
    </section>
  );
}
