import type { Metadata } from 'next';
import Link from 'next/link';

import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { auditQueryString, parseAuditQuery } from '@/lib/audit/filters';
import { getAuditPage } from '@/lib/audit/query';
import { appendAuditEvent } from '@/lib/audit/append';
import { requireStaff } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format/date-time';
import { listStaff } from '@/lib/staff/service';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function formatDetail(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}=${value === null ? '—' : String(value)}`)
    .join(' · ');
}

const OUTCOME_STYLE: Record<string, string> = {
  SUCCESS: 'bg-emerald-50 text-emerald-900',
  DENIED: 'bg-amber-50 text-amber-900',
  FAILURE: 'bg-red-50 text-red-900',
};

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaff('audit:read');
  const query = parseAuditQuery(await searchParams);
  const [page, people] = await Promise.all([getAuditPage(query.filters, query.cursor), listStaff()]);
  // Reading the audit log is itself recorded (filter values only).
  await appendAuditEvent({
    actorId: staff.id,
    action: AUDIT_ACTIONS.AUDIT_VIEW,
    entityType: 'AuditEvent',
    outcome: 'SUCCESS',
    detail: { filters: Object.keys(query.filters).join(',') || null, rows: page.rows.length },
  });
  const actors = people.map((person) => ({ value: person.id, label: `${person.displayName} (${person.email})` }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">Newest first. Events cannot be changed or deleted.</p>
      </div>
      <AuditFilterForm query={query} actors={actors} />

      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No events match these filters.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Time
                </th>
                <th scope="col" className="px-3 py-2">
                  Staff member
                </th>
                <th scope="col" className="px-3 py-2">
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  Record
                </th>
                <th scope="col" className="px-3 py-2">
                  Outcome
                </th>
                <th scope="col" className="px-3 py-2">
                  Details
                </th>
                <th scope="col" className="px-3 py-2">
                  Request
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((row) => (
                <tr key={row.id.toString()}>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                    <time dateTime={row.at.toISOString()}>
                      {formatDateTime(row.at, { withSeconds: true, withZone: true })}
                    </time>
                  </td>
                  <td className="px-3 py-2">{row.actorLabel ?? <span className="text-slate-500">—</span>}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{row.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {row.entityType ? `${row.entityType} ${row.entityId ?? ''}` : '—'}
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${OUTCOME_STYLE[row.outcome] ?? ''}`}>
                      {row.outcome.toLowerCase()}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-xs text-slate-700">{formatDetail(row.detail)}</td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-500" title={row.requestId ?? undefined}>
                    {row.ip ?? ''} {row.requestId ? row.requestId.slice(0, 8) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Audit log pages" className="flex justify-between">
        {page.newer ? (
          <Link
            href={`/audit${auditQueryString(query.values, page.newer)}`}
            className="text-sm font-medium text-sky-800 underline"
          >
            ← Newer events
          </Link>
        ) : (
          <span />
        )}
        {page.older ? (
          <Link
            href={`/audit${auditQueryString(query.values, page.older)}`}
            className="text-sm font-medium text-sky-800 underline"
          >
            Older events →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
