import Link from 'next/link';

import { SoftLinks } from '@/components/navigation/soft-links';
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
        // Plain links in one SoftLinks block: a <Link> per row cost more than the row (issue 10).
        <SoftLinks>
          <ol className="mt-2 divide-y divide-slate-200 text-sm [&_a]:font-medium [&_a]:text-sky-900 [&_a]:underline [&>li]:flex [&>li]:flex-wrap [&>li]:items-baseline [&>li]:justify-between [&>li]:gap-x-3 [&>li]:py-1.5">
            {cases.map((item) => {
              const flags = item.flags.map(flagTitle).filter((title): title is string => title !== null);
              return (
                <li key={item.id}>
                  <a href={`/cases/${item.id}`}>{item.patientName}</a>
                  <span className="text-slate-700">
                    {flags.length > 0 ? (
                      <span className="font-semibold text-red-800">{flags.join(', ')} · </span>
                    ) : null}
                    {CASE_STATUS_LABELS[item.status]} · level {item.finalLevel} · since{' '}
                    <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
                  </span>
                </li>
              );
            })}
          </ol>
        </SoftLinks>
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
