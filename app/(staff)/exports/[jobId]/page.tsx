import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { ExportJobProgress } from '@/components/exports/export-job-progress';
import { focusRing } from '@/components/forms/styles';
import { requireStaff } from '@/lib/auth/guards';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { exportJobStatusJson, getOwnExportJob, skippedCaseNames } from '@/lib/exports/bulk/jobs';
import { skipReasonText } from '@/lib/exports/bulk/plan';
import { EXPORT_FORMAT_LABELS } from '@/lib/exports/bulk/status';
import { formatCount, formatDateTime } from '@/lib/format/date-time';

export const metadata: Metadata = { title: 'Bulk export' };

/**
 * One bulk export job of one's own (issue 11 item 6): what it exports to whom, its progress
 * (polled, see ExportJobProgress), and the skipped cases named with the reason in plain words.
 * Anyone else's job — supervisors' view included — is 404 (lib/exports/bulk/jobs.ts says why).
 */
export default async function ExportJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const staff = await requireStaff('case:export');
  const { jobId } = await params;
  const actor = await accessActorFor(staff);
  const found = await getOwnExportJob(actor, jobId);
  if (!found.ok) notFound();
  const { job } = found;
  const names = await skippedCaseNames(actor, job);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Bulk export</h1>
        <Link href="/exports" className={`font-medium text-sky-900 underline ${focusRing}`}>
          Your exports
        </Link>
      </div>
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-slate-900">
        <dt className="font-medium">Format</dt>
        <dd>{EXPORT_FORMAT_LABELS[job.format]}</dd>
        <dt className="font-medium">Recipient</dt>
        <dd>{job.recipientName}</dd>
        <dt className="font-medium">Purpose</dt>
        <dd>Referral for treatment, under each patient&apos;s signed consent</dd>
        <dt className="font-medium">Started</dt>
        <dd>{formatDateTime(job.createdAt)}</dd>
      </dl>

      <ExportJobProgress initial={exportJobStatusJson(job)} />

      <section aria-labelledby="skipped-heading" className="space-y-2">
        <h2 id="skipped-heading" className="text-lg font-semibold text-slate-900">
          Skipped cases ({formatCount(job.skipped.length)})
        </h2>
        {job.skipped.length === 0 ? (
          <p className="text-slate-700">None: every selected case had a consent that permits this disclosure.</p>
        ) : (
          <>
            <p className="text-slate-700">These cases were not exported:</p>
            <ul className="list-disc space-y-1 pl-6" data-testid="skipped-cases">
              {job.skipped.map((entry) => {
                const name = names.get(entry.caseId);
                return (
                  <li key={entry.caseId} data-testid="skipped-case">
                    {name ? (
                      <Link
                        href={`/cases/${entry.caseId}`}
                        className={`font-medium text-sky-900 underline ${focusRing}`}
                      >
                        {name}
                      </Link>
                    ) : (
                      <span className="font-medium">A case outside your access</span>
                    )}
                    : {skipReasonText(entry.reason)}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
