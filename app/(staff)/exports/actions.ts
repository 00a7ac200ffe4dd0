'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineFormAction } from '@/lib/actions/define-action';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { getOwnExportJob } from '@/lib/exports/bulk/jobs';
import { cancelExportJob, createExportJob } from '@/lib/exports/bulk/service';

// Bulk export (issue 11 item 6): start a job from the cases selected on the list, cancel one's
// own. The selected case ids come in the POST body (one hidden field, comma-separated), never in
// a URL; lib/exports/bulk/service.ts validates them, checks each case's consent and queues the job.

export type BulkExportField = 'caseIds' | 'format' | 'recipientName';

/** case:export — make the job, then show its progress page. */
export const startBulkExportAction = defineFormAction({
  name: 'export.bulk_start',
  permission: 'case:export',
  fields: ['caseIds', 'format', 'recipientName'],
  echo: ['format', 'recipientName'],
  input: z.object({ caseIds: z.string(), format: z.string(), recipientName: z.string() }),
  invalidMessage: 'The export was not started.',
  handler: async (input, { staff }) => {
    const caseIds = input.caseIds
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const created = await createExportJob(await accessActorFor(staff), { ...input, caseIds });
    if (!created.ok) return { ...created, message: `The export was not started: ${created.message}` };
    redirect(`/exports/${created.jobId}`);
  },
});

/** case:export — cancel one's own queued or running job; the runner stops before its next case. */
export const cancelBulkExportAction = defineFormAction({
  name: 'export.bulk_cancel',
  permission: 'case:export',
  fields: ['jobId'],
  input: z.object({ jobId: z.string() }),
  invalidMessage: 'The export was not cancelled.',
  handler: async (input, { staff }) => {
    // Someone else's job reads like a missing one (as on its page), never "already ended".
    const own = await getOwnExportJob(staff, input.jobId);
    if (!own.ok) return own;
    const cancelled = await cancelExportJob(staff, input.jobId);
    if (!cancelled.ok) return cancelled;
    return { ok: true, message: 'Export cancelled.' };
  },
});
