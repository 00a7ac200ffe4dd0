import { CASE_STATUS_LABELS } from '@/lib/cases/status';
import type { StatusHistoryEntry } from '@/lib/cases/workflow/status-history';
import { DECLINE_REASON_LABELS } from '@/lib/cases/workflow/transitions';
import { formatDateTime } from '@/lib/format/date-time';

/** Every status change of the case, newest first: who, when, from → to, and why. */
export function StatusHistory({ entries }: { entries: readonly StatusHistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-slate-700">No status changes yet.</p>;
  return (
    <ol className="space-y-2" data-testid="status-history">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-300 bg-white p-3 text-slate-800">
          <p>
            <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, { withZone: true })}</time> —{' '}
            <span className="font-semibold">{entry.byName}</span>: {CASE_STATUS_LABELS[entry.from]} →{' '}
            <span className="font-semibold">{CASE_STATUS_LABELS[entry.to]}</span>
          </p>
          {entry.reasonCode ? <p className="mt-1">Reason code: {DECLINE_REASON_LABELS[entry.reasonCode]}</p> : null}
          {entry.reason ? <p className="mt-1 whitespace-pre-wrap">Reason: {entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
