import Link from 'next/link';

import type { AssessmentEntry, LevelOfCareEntry } from '@/lib/cases/reassess-history';
import { formatDateTime } from '@/lib/format/date-time';

function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at, { withZone: true })}</time>;
}

/**
 * The case's assessments (which one is current) and its level-of-care history — assessments and
 * overrides, newest first. Both are append-only: rows are added, never edited.
 */
export function AssessmentHistory({
  caseId,
  assessments,
  levelOfCare,
  canReassess,
}: {
  caseId: string;
  assessments: readonly AssessmentEntry[];
  levelOfCare: readonly LevelOfCareEntry[];
  canReassess: boolean;
}) {
  return (
    <section aria-labelledby="assessments-heading" className="space-y-4">
      <h2 id="assessments-heading" className="text-xl font-semibold text-slate-900">
        Assessments
      </h2>
      {canReassess ? (
        <p>
          <Link href={`/cases/${caseId}/reassess`} prefetch={false} className="font-medium text-sky-900 underline">
            Record a re-assessment
          </Link>
        </p>
      ) : null}
      {assessments.length === 0 ? <p className="text-slate-700">No assessments recorded.</p> : null}
      {/* Cell styles once on the table, not on every cell (as the intake summary). */}
      <table
        className="w-full border-collapse text-left text-slate-800 [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3"
        data-testid="assessment-history"
      >
        <caption className="sr-only">Assessments of this case, newest first</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">By</th>
            <th scope="col">Intake / rules</th>
            <th scope="col">Computed</th>
            <th scope="col">Final</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((entry) => (
            <tr key={entry.id} className="border-b border-slate-200">
              <td>
                {entry.sequence}
                {entry.isCurrent ? <span className="ml-2 font-semibold text-emerald-900">(current)</span> : null}
              </td>
              <td>
                <When at={entry.at} />
              </td>
              <td>{entry.byName}</td>
              <td>
                v{entry.intakeVersion} / {entry.rulesVersion}
              </td>
              <td>
                {entry.computedLevel} · {entry.computedWm}
              </td>
              <td>
                {entry.finalLevel} · {entry.finalWm}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="font-semibold text-slate-900">Level-of-care history</h3>
      <ol className="space-y-2" data-testid="level-of-care-history">
        {levelOfCare.map((entry) => (
          <li key={entry.key} className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
            <p>
              <When at={entry.at} /> — <span className="font-semibold">{entry.byName}</span>:{' '}
              {entry.kind === 'assessment' ? (
                <>
                  assessment {entry.sequence} ({entry.rulesVersion}) computed {entry.computedLevel} · {entry.computedWm}
                  , final{' '}
                  <span className="font-semibold">
                    {entry.finalLevel} · {entry.finalWm}
                  </span>
                </>
              ) : (
                <>
                  override from {entry.previousLevel} · {entry.previousWm} to{' '}
                  <span className="font-semibold">
                    {entry.finalLevel} · {entry.finalWm}
                  </span>
                </>
              )}
            </p>
            {entry.reason ? <p className="mt-1 whitespace-pre-wrap">Reason: {entry.reason}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
