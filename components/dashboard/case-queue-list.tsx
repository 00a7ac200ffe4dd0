'use client';

import { SoftLinks } from '@/components/navigation/soft-links';

/** One row of a queue, every text already formatted on the server (the program's time zone). */
export interface QueueRow {
  readonly id: string;
  readonly patientName: string;
  /** The urgent flags' titles, joined; empty when none. */
  readonly flags: string;
  /** "Referred · level 4". */
  readonly summary: string;
  readonly createdAt: string;
  readonly createdAtText: string;
}

/**
 * A queue's rows. A client component for the page's weight only (no state, no effects): the
 * React payload carries these short rows instead of the rendered list a second time beside the
 * HTML (issue 10) — each row's markup was ~475 characters of payload, its data is ~200.
 */
export function CaseQueueList({ rows }: { rows: readonly QueueRow[] }) {
  return (
    // Plain links in one SoftLinks block: a <Link> per row cost more than the row (issue 10).
    <SoftLinks>
      <ol className="mt-2 divide-y divide-slate-200 text-sm [&_a]:font-medium [&_a]:text-sky-900 [&_a]:underline [&>li]:flex [&>li]:flex-wrap [&>li]:items-baseline [&>li]:justify-between [&>li]:gap-x-3 [&>li]:py-1.5">
        {rows.map((row) => (
          <li key={row.id}>
            <a href={`/cases/${row.id}`}>{row.patientName}</a>
            <span className="text-slate-700">
              {row.flags ? <span className="font-semibold text-red-800">{row.flags} · </span> : null}
              {row.summary} · since <time dateTime={row.createdAt}>{row.createdAtText}</time>
            </span>
          </li>
        ))}
      </ol>
    </SoftLinks>
  );
}
