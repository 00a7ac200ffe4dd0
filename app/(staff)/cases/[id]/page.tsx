import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { CareTeamPanel } from '@/components/cases/care-team/care-team-panel';
import { FormAlert } from '@/components/forms/form-alert';
import { IntakeSummary } from '@/components/cases/intake-summary';
import { NoteForm } from '@/components/cases/note-form';
import { OverrideForm } from '@/components/cases/override-form';
import { RecommendationAlerts } from '@/components/cases/recommendation-alerts';
import { RecommendationPanel } from '@/components/cases/recommendation-panel';
import { UrgentFlags } from '@/components/cases/urgent-flags';
import { AssessmentHistory } from '@/components/cases/workflow/assessment-history';
import { CaseWorkflowSection } from '@/components/cases/workflow/case-workflow-section';
import { ConsentSection } from '@/components/referrals/consent-section';
import { EmergencyDisclosureSection, ReferralSection } from '@/components/referrals/referral-section';
import { requireStaff } from '@/lib/auth/guards';
import { can } from '@/lib/auth/permissions';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { loadCasePageSections } from '@/lib/cases/case-page-sections';
import { getCase } from '@/lib/cases/get-case';
import { describeRecommendation } from '@/lib/cases/recommendation-view';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatCalendarDate, formatDateTime } from '@/lib/format/date-time';
import { ageInYears, localCalendarDate, SEX_LABELS } from '@/lib/intake';
import {
  TREATMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  isTreatmentLevel,
  isWithdrawalManagementLevel,
} from '@/lib/placement';

// The title never names the patient: it ends up in browser history and window lists.
export const metadata: Metadata = { title: 'Case' };

function levelName(level: string): string {
  return isTreatmentLevel(level) ? TREATMENT_LEVEL_NAMES[level] : 'Unknown level';
}

function wmName(wm: string): string {
  return isWithdrawalManagementLevel(wm) ? WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[wm] : 'Unknown level';
}

/** One case: patient, computed and final levels with the override history, the recommendation with its reasons, the intake, notes. Viewing it is audited. */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff('case:read');
  const { id } = await params;
  const actor = await accessActorFor(staff);
  // The case (audited) and its sections in parallel: two round trips at once instead of one after
  // the other. Both apply need-to-know themselves, and nothing of the sections is shown unless
  // getCase allowed and audited the view.
  const [result, sections] = await Promise.all([getCase(actor, id), loadCasePageSections(actor, id)]);
  if (!result.ok && result.reason === 'invalid') {
    return <FormAlert status="error" message={result.message} />;
  }
  // Missing and outside need-to-know are the same 404; its page (./not-found.tsx) offers breaking the glass.
  if (!result.ok) notFound();
  const record = result.case;
  const { patient } = record.intake;
  const view = describeRecommendation(record.recommendation);
  const overridden = record.finalLevel !== record.computedLevel || record.finalWm !== record.computedWm;
  const latestOverride = record.overrides[0];
  // null here means access ended between the two reads.
  if (sections === null) notFound();
  const { statusHistory, assessmentHistory } = sections;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/cases" className="text-sm font-medium text-sky-900 underline">
            ← All cases
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere text-slate-900" data-testid="case-patient-name">
            {patient.lastName}, {patient.firstName}
          </h1>
          <span className="rounded-full border border-slate-500 bg-white px-3 py-0.5 text-sm font-medium text-slate-900">
            {CASE_STATUS_LABELS[record.status]}
          </span>
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-slate-800 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <dt className="inline font-medium text-slate-900">Date of birth: </dt>
            <dd className="inline">
              {formatCalendarDate(patient.dateOfBirth)} (age{' '}
              {ageInYears(patient.dateOfBirth, localCalendarDate(new Date()))})
            </dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">Sex: </dt>
            <dd className="inline">
              {SEX_LABELS[patient.sex]}
              {pregnancyText(patient)}
            </dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">MRN: </dt>
            <dd className="inline">{patient.mrn ?? '—'}</dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">Phone: </dt>
            <dd className="inline">{patient.phone ?? '—'}</dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">Intake by: </dt>
            <dd className="inline">
              {record.createdByName},{' '}
              <time dateTime={record.createdAt.toISOString()}>
                {formatDateTime(record.createdAt, { withZone: true })}
              </time>
            </dd>
          </div>
          <div>
            <dt className="inline font-medium text-slate-900">Assigned to: </dt>
            <dd className="inline">{record.assignedToName ?? 'Nobody yet'}</dd>
          </div>
        </dl>
      </div>

      <CaseWorkflowSection
        caseId={record.id}
        version={record.version}
        status={record.status}
        role={staff.role}
        canChange={can(staff.role, 'case:status')}
        history={statusHistory}
      />

      <RecommendationAlerts view={view} />
      <UrgentFlags flags={view.urgentFlags} />

      <section aria-labelledby="levels-heading" className="space-y-4">
        <h2 id="levels-heading" className="text-xl font-semibold text-slate-900">
          Level of care
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="rounded-lg border border-slate-300 bg-white p-4" data-testid="computed-levels">
            <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">
              Computed ({record.rulesVersion})
            </h3>
            <p className="mt-1 text-xl font-bold text-slate-900">
              Level {record.computedLevel} · {record.computedWm}
            </p>
            <p className="text-slate-800">
              {levelName(record.computedLevel)}; {wmName(record.computedWm)}
            </p>
          </div>
          <div
            className={`rounded-lg p-4 ${overridden ? 'border-2 border-amber-700 bg-amber-50' : 'border border-slate-300 bg-white'}`}
            data-testid="final-levels"
          >
            <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">
              Final{overridden ? ' (overridden)' : ' (as computed)'}
            </h3>
            <p className="mt-1 text-xl font-bold text-slate-900">
              Level {record.finalLevel} · {record.finalWm}
            </p>
            <p className="text-slate-800">
              {levelName(record.finalLevel)}; {wmName(record.finalWm)}
            </p>
            {latestOverride ? (
              <p className="mt-2 text-sm text-slate-900">
                Overridden by <span className="font-semibold">{latestOverride.byName}</span> on{' '}
                <time dateTime={latestOverride.at.toISOString()}>
                  {formatDateTime(latestOverride.at, { withZone: true })}
                </time>
                : “{latestOverride.reason}”
              </p>
            ) : null}
          </div>
        </div>

        {record.overrides.length > 0 ? (
          <div>
            <h3 className="font-semibold text-slate-900">Override history</h3>
            <ol className="mt-2 space-y-2" data-testid="override-history">
              {record.overrides.map((entry) => (
                <li key={entry.id} className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
                  <p>
                    <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, { withZone: true })}</time> —{' '}
                    <span className="font-semibold">{entry.byName}</span> changed level {entry.previousLevel} ·{' '}
                    {entry.previousWm} to{' '}
                    <span className="font-semibold">
                      {entry.level} · {entry.wm}
                    </span>
                  </p>
                  <p className="mt-1 whitespace-pre-wrap">Reason: {entry.reason}</p>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>

      <AssessmentHistory
        caseId={record.id}
        assessments={assessmentHistory.assessments}
        levelOfCare={assessmentHistory.levelOfCare}
        canReassess={can(staff.role, 'case:create')}
      />

      <RecommendationPanel view={view} title="Computed recommendation" showUrgentFlags={false} />

      {/* The override form follows the recommendation and its reasons, so they are read first (issue 12 item 6). */}
      {can(staff.role, 'case:override') ? (
        <OverrideForm
          caseId={record.id}
          version={record.version}
          finalLevel={record.finalLevel}
          finalWm={record.finalWm}
        />
      ) : null}

      <section aria-labelledby="intake-heading" className="space-y-3">
        <h2 id="intake-heading" className="text-xl font-semibold text-slate-900">
          Intake answers
        </h2>
        <IntakeSummary intake={record.intake} instrumentItems={record.instrumentItems} />
      </section>

      <CareTeamPanel panel={sections.careTeam} role={staff.role} caseId={record.id} version={record.version} />
      <ConsentSection caseId={record.id} consents={sections.consents} role={staff.role} />
      <ReferralSection
        caseId={record.id}
        caseStatus={record.status}
        referrals={sections.referrals}
        consents={sections.consents}
        role={staff.role}
        defaultLevel={record.finalLevel}
        defaultWm={record.finalWm}
      />
      <EmergencyDisclosureSection caseId={record.id} disclosures={sections.emergencyDisclosures} role={staff.role} />

      <section aria-labelledby="notes-heading" className="space-y-3">
        <h2 id="notes-heading" className="text-xl font-semibold text-slate-900">
          Notes
        </h2>
        {record.notes.length === 0 ? (
          <p className="text-slate-700">No notes yet.</p>
        ) : (
          <ol className="space-y-2">
            {record.notes.map((note) => (
              <li key={note.id} className="rounded-md border border-slate-300 bg-white p-3">
                <p className="text-sm text-slate-700">
                  {note.authorName},{' '}
                  <time dateTime={note.createdAt.toISOString()}>
                    {formatDateTime(note.createdAt, { withZone: true })}
                  </time>
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-900">{note.body}</p>
              </li>
            ))}
          </ol>
        )}
        {can(staff.role, 'case:note') ? <NoteForm caseId={record.id} /> : null}
      </section>
    </div>
  );
}

/** v1 stored `pregnant`; v2 stores `pregnancy` (yes/no/unknown) with the weeks. */
function pregnancyText(patient: {
  readonly pregnant?: boolean;
  readonly pregnancy?: string;
  readonly gestationalWeeks?: number | null;
}): string {
  if (patient.pregnant === true) return ', pregnant';
  if (patient.pregnancy === 'yes')
    return patient.gestationalWeeks ? `, pregnant (${patient.gestationalWeeks} weeks)` : ', pregnant (weeks not known)';
  if (patient.pregnancy === 'unknown') return ', pregnancy unknown';
  return '';
}
