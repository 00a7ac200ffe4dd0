import Link from 'next/link';

import type { DashboardCase } from '@/lib/dashboard/queries';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatCount, formatDateTime } from '@/lib/format/date-time';

/** A short list of cases (the urgent queue, my cases): oldest first, with a link to the full list. */
export function CaseQueue({
  id,
  title,
  cases,
  total,
  empty,
  moreHref,
  flagTitle,
}: {
  id: string;
  title: string;
  cases: readonly DashboardCase[];
  total: number;
  empty: string;
  moreHref: string;
  flagTitle: (code: string) => string | null;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={id} className="font-semibold text-slate-900">
          {title}
        </h2>
        <span className="text-sm text-slate-700">{total > 1000 ? 'more than 1,000' : formatCount(total)}</span>
      </div>
      {cases.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{empty}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200 text-sm">
          {cases.map((item) => {
            const flags = item.flags.map(flagTitle).filter((title): title is string => title !== null);
            return (
              <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <Link href={`/cases/${item.id}`} prefetch={false} className="font-medium text-sky-900 underline">
                  {item.patientName}
                </Link>
                <span className="text-slate-700">
                  {flags.length > 0 ? <span className="font-semibold text-red-800">{flags.join(', ')} · </span> : null}
                  {CASE_STATUS_LABELS[item.status]} · level {item.finalLevel} · since{' '}
                  <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {total > cases.length ? (
        <p className="mt-2 text-sm">
          <Link href={moreHref} className="font-medium text-sky-900 underline">
            See all in the case list
          </Link>
        </p>
      ) : null}
    </section>
  );
}
