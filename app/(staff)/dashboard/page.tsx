import type { Metadata } from 'next';
import Link from 'next/link';

import { BarChart } from '@/components/dashboard/bar-chart';
import { CaseQueue } from '@/components/dashboard/case-queue';
import { requireStaff } from '@/lib/auth/guards';
import { navFor } from '@/lib/auth/navigation';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { caseListHref, DEFAULT_LIST_STATE, EMPTY_FILTERS } from '@/lib/cases/list/params';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { loadDashboard } from '@/lib/dashboard/queries';
import { isUrgentFlag } from '@/lib/cases/recommendation-view';
import { formatCalendarDate, formatCount, formatNumber, formatTime } from '@/lib/format/date-time';
import { FLAG_TITLES, FLAG_TITLES_V2, TREATMENT_LEVEL_NAMES, type TreatmentLevel } from '@/lib/placement';

export const metadata: Metadata = { title: 'Dashboard' };

const FLAG_TITLE: Readonly<Record<string, string>> = { ...FLAG_TITLES, ...FLAG_TITLES_V2 };
const urgentTitle = (code: string) => (isUrgentFlag(code) ? (FLAG_TITLE[code] ?? code) : null);
const shortDate = (day: string) => formatCalendarDate(day).replace(/,? \d{4}$/, '');

function listHref(
  filters: Partial<typeof EMPTY_FILTERS>,
  sort: 'intake' | 'updated' = 'intake',
  dir: 'asc' | 'desc' = 'desc',
) {
  return caseListHref({ ...DEFAULT_LIST_STATE, sort, dir, filters: { ...EMPTY_FILTERS, ...filters } });
}

function days(value: number | null): string {
  return value === null ? 'no cases yet' : `${formatNumber(value)} ${value === 1 ? 'day' : 'days'}`;
}

export default async function DashboardPage() {
  const staff = await requireStaff();
  const links = navFor(staff.role).filter((item) => item.href !== '/dashboard');
  const dashboard = can(staff.role, 'case:read') ? await loadDashboard(staff) : null;
  const totalCases = dashboard?.statusCounts.reduce((sum, row) => sum + row.count, 0) ?? 0;
  const weeks = dashboard?.intakesPerWeek ?? [];
  const weekTotal = weeks.reduce((sum, week) => sum + week.count, 0);
  const levels = dashboard?.recommendedLevels ?? [];
  const levelTotal = levels.reduce((sum, level) => sum + level.count, 0);
  const busiest = [...weeks].sort((a, b) => b.count - a.count)[0];
  const commonest = [...levels].sort((a, b) => b.count - a.count)[0];

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Welcome, {staff.displayName}</h1>
        <p className="mt-1 text-sm text-slate-600">Signed in as {ROLE_LABELS[staff.role].toLowerCase()}.</p>
      </div>

      {dashboard ? (
        <>
          <section aria-labelledby="status-counts">
            <h2 id="status-counts" className="text-lg font-semibold text-slate-900">
              Cases by status{' '}
              <span className="text-sm font-normal text-slate-700">({formatCount(totalCases)} you can see)</span>
            </h2>
            <p className="text-sm text-slate-700">
              Counts, charts and medians as of{' '}
              <time dateTime={dashboard.aggregatesAt.toISOString()}>{formatTime(dashboard.aggregatesAt)}</time>{' '}
              (refreshed every minute); the urgent queue and your cases are live.
            </p>
            {/* The tiles' styles are set once on the list (variants), not on each link: each is sent
                twice, in the HTML and in the React payload (issue 10). */}
            <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5 [&_a]:block [&_a]:rounded-lg [&_a]:border [&_a]:border-slate-300 [&_a]:bg-white [&_a]:p-3 [&_a]:hover:border-sky-300 [&_a]:focus-visible:outline-2 [&_a]:focus-visible:outline-sky-700 [&_b]:block [&_b]:text-2xl [&_b]:font-semibold [&_b]:text-slate-900 [&_b]:tabular-nums [&_span]:text-sm [&_span]:text-slate-700">
              {dashboard.statusCounts.map((row) => (
                <li key={row.status}>
                  <Link href={listHref({ statuses: [row.status] })}>
                    <b>{formatCount(row.count)}</b>
                    <span>{CASE_STATUS_LABELS[row.status]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>

          <div className="grid gap-4 lg:grid-cols-2">
            <CaseQueue
              id="urgent-queue"
              title="Urgent queue: open cases with an emergency, safety or overdose flag, oldest first"
              cases={dashboard.urgent.cases}
              total={dashboard.urgent.total}
              empty="No open case has an urgent flag."
              moreHref={listHref({ urgent: true, statuses: ['NEW', 'IN_REVIEW', 'REFERRED'] }, 'intake', 'asc')}
              flagTitle={urgentTitle}
            />
            <CaseQueue
              id="my-cases"
              title="My cases: open and assigned to me, oldest first"
              cases={dashboard.mine.cases}
              total={dashboard.mine.total}
              empty="No open case is assigned to you."
              moreHref={listHref({ assigned: 'me', statuses: ['NEW', 'IN_REVIEW', 'REFERRED'] }, 'intake', 'asc')}
              flagTitle={urgentTitle}
            />
          </div>

          <div className="grid gap-4 lg:grid-cols-2">
            <BarChart
              id="intakes-per-week"
              title="Intakes per week, last 12 weeks"
              categoryLabel="Week starting"
              valueLabel="Intakes"
              data={weeks.map((week) => ({
                label: shortDate(week.weekStart),
                longLabel: formatCalendarDate(week.weekStart),
                value: week.count,
              }))}
              summary={`${formatCount(weekTotal)} intakes in the last 12 weeks${busiest && busiest.count > 0 ? `; the most, ${formatCount(busiest.count)}, in the week starting ${formatCalendarDate(busiest.weekStart)}` : ''}.`}
            />
            <BarChart
              id="recommended-levels"
              title="Recommended level of care, intakes of the last 12 weeks"
              categoryLabel="Level of care"
              valueLabel="Intakes"
              data={levels.map((level) => ({
                label: level.level,
                longLabel: `${level.level} · ${TREATMENT_LEVEL_NAMES[level.level as TreatmentLevel] ?? 'unknown level'}`,
                value: level.count,
              }))}
              summary={`${formatCount(levelTotal)} recommendations${commonest && commonest.count > 0 ? `; the most common is level ${commonest.level} (${formatCount(commonest.count)})` : ''}.`}
            />
          </div>

          <section aria-labelledby="medians" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="medians" className="font-semibold text-slate-900">
              Time to referral and admission, last 90 days
            </h2>
            <dl className="mt-2 grid gap-3 sm:grid-cols-2">
              <div>
                <dt className="text-sm text-slate-700">Median from intake to referral</dt>
                <dd className="text-xl font-semibold text-slate-900" data-testid="median-referral">
                  {days(dashboard.medians.toReferralDays)}{' '}
                  <span className="text-sm font-normal text-slate-700">
                    ({formatCount(dashboard.medians.referralCases)} cases)
                  </span>
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-700">Median from intake to admission</dt>
                <dd className="text-xl font-semibold text-slate-900" data-testid="median-admission">
                  {days(dashboard.medians.toAdmissionDays)}{' '}
                  <span className="text-sm font-normal text-slate-700">
                    ({formatCount(dashboard.medians.admissionCases)} cases)
                  </span>
                </dd>
              </div>
            </dl>
            <p className="mt-2 text-sm text-slate-700">
              From the status history: cases first referred or admitted in the last 90 days, counted from the day of
              intake to that change, whatever their status is now.
            </p>
          </section>
        </>
      ) : null}

      {links.length > 0 ? (
        <ul
          className="grid gap-4 sm:grid-cols-2 [&_a]:block [&_a]:h-full [&_a]:rounded-lg [&_a]:border [&_a]:border-slate-200 [&_a]:bg-white [&_a]:p-5 [&_a]:shadow-sm [&_a]:hover:border-sky-300 [&_a]:hover:shadow [&_a]:focus-visible:outline-2 [&_a]:focus-visible:outline-sky-700 [&_b]:font-semibold [&_b]:text-slate-900 [&_span]:mt-1 [&_span]:block [&_span]:text-sm [&_span]:text-slate-600"
          aria-label="What you can do"
        >
          {links.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>
                <b>{item.label}</b>
                <span>{item.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : dashboard ? null : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Nothing here yet for your role.
        </p>
      )}
    </div>
  );
}
