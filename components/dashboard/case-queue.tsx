import Link from 'next/link';

import type { DashboardCase } from '@/lib/dashboard/queries';
import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import { formatCount, formatDateTime } from '@/lib/format/date-time';

import { CaseQueueList } from './case-queue-list';

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
        <CaseQueueList
          rows={cases.map((item) => ({
            id: item.id,
            patientName: item.patientName,
            flags: item.flags
              .map(flagTitle)
              .filter((title): title is string => title !== null)
              .join(', '),
            summary: `${CASE_STATUS_LABELS[item.status]} · level ${item.finalLevel}`,
            createdAt: item.createdAt.toISOString(),
            createdAtText: formatDateTime(item.createdAt),
          }))}
        />
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
