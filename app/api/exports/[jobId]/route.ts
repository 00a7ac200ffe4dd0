import { authorizeAction, deniedRouteResponse } from '@/lib/auth/guards';
import { exportJobStatusJson, getOwnExportJob } from '@/lib/exports/bulk/jobs';

// GET /api/exports/<job id> — a bulk export job's status as JSON, polled by its progress page
// (issue 11 item 6): case ids, reasons and counts, never a patient name. `case:export`; only the
// job's own maker (lib/exports/bulk/jobs.ts) — any other id answers 404. Polls are not audited:
// they show no case; the page that names cases and the download are.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export async function GET(_request: Request, context: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const authorized = await authorizeAction('case:export');
  if (!authorized.ok) return deniedRouteResponse(authorized);
  const { jobId } = await context.params;
  const found = await getOwnExportJob(authorized.staff, jobId);
  if (!found.ok) return Response.json({ error: found.message }, { status: 404, headers: NO_STORE });
  return Response.json(exportJobStatusJson(found.job), { headers: NO_STORE });
}
