'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';

import { cancelBulkExportAction } from '@/app/(staff)/exports/actions';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass } from '@/components/forms/styles';
import { SubmitButton } from '@/components/forms/submit-button';
import { formatCount } from '@/lib/format/date-time';
import { EXPORT_JOB_STATUS_LABELS, isFinished, type ExportJobStatusJson } from '@/lib/exports/bulk/status';
import type { FormState } from '@/lib/outcome';

const POLL_MS = 1000;

/**
 * Status, progress bar, Cancel (while it runs) and Download (when done) of one bulk export. The
 * job runs on the server; this polls GET /api/exports/<id> every second until it ends, so a
 * reload picks it up again. When the skipped list grows or the job ends, the server part of the
 * page is refreshed (it names the skipped cases).
 */
export function ExportJobProgress({ initial }: { initial: ExportJobStatusJson }) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [tick, setTick] = useState(0);
  const [cancelState, cancel] = useActionState<FormState<'jobId'>, FormData>(cancelBulkExportAction, {
    status: 'idle',
  });
  const finished = isFinished(job.status);

  useEffect(() => {
    if (finished) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/exports/${job.id}`, { cache: 'no-store' });
        if (stopped) return;
        if (response.ok) {
          const next = (await response.json()) as ExportJobStatusJson;
          if (stopped) return;
          setJob(next);
          if (next.skipped.length !== job.skipped.length || isFinished(next.status)) router.refresh();
        } else if (response.status === 401) router.refresh(); // signed out: the page sends to sign-in
      } catch {
        // Offline for a moment: try again on the next tick.
      }
      if (!stopped) setTick((value) => value + 1);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [finished, job.id, job.skipped.length, router, tick]);

  const max = Math.max(job.total, 1);
  const now = job.total === 0 ? (finished ? 1 : 0) : Math.min(job.done, job.total);
  const percent = Math.round((now / max) * 100);

  return (
    <section aria-labelledby="export-progress-heading" className="space-y-3">
      <h2 id="export-progress-heading" className="text-lg font-semibold text-slate-900">
        Progress
      </h2>
      <p className="text-slate-900" aria-live="polite">
        Status: <strong data-testid="export-status">{EXPORT_JOB_STATUS_LABELS[job.status]}</strong>
        {' · '}
        <span data-testid="export-progress-text">
          {formatCount(job.done)} of {formatCount(job.total)} {job.total === 1 ? 'case' : 'cases'} done
        </span>
        {job.skipped.length > 0 ? ` · ${formatCount(job.skipped.length)} skipped` : ''}
      </p>
      <div
        role="progressbar"
        aria-label="Cases exported"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={`${job.done} of ${job.total} cases done`}
        className="h-4 w-full max-w-xl overflow-hidden rounded-full border border-slate-400 bg-slate-100"
      >
        <div className="h-full bg-sky-800 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      {job.status === 'failed' && job.error ? (
        <p role="alert" className="font-medium text-red-900">
          {job.error}
        </p>
      ) : null}
      {job.status === 'cancelled' ? (
        <p className="text-slate-800">The export was cancelled; no file was kept.</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {!finished ? (
          <form action={cancel}>
            <input type="hidden" name="jobId" value={job.id} />
            <SubmitButton variant="danger" pendingLabel="Cancelling…">
              Cancel export
            </SubmitButton>
          </form>
        ) : null}
        {job.downloadable ? (
          <a href={`/api/exports/${job.id}/download`} className={buttonClass.primary} download>
            Download ZIP
          </a>
        ) : null}
      </div>
      <FormAlert status={cancelState.status} message={cancelState.message} look="text" />
    </section>
  );
}
