import fs from 'node:fs';
import { Readable } from 'node:stream';

import { currentRequestContext } from '@/lib/audit/request-context';
import { authorizeAction, deniedRouteResponse } from '@/lib/auth/guards';
import { openExportDownload } from '@/lib/exports/bulk/jobs';

// GET /api/exports/<job id>/download — the finished ZIP of a bulk export (PDFs or FHIR Bundles,
// one per case), streamed from disk. `case:export` (401/403, audited as access.denied); only the
// job's own maker, any other id 404; 409 with the reason while it runs or when it ended without a
// file. Each download is audited as export.bulk_download before a byte is sent.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export async function GET(_request: Request, context: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const authorized = await authorizeAction('case:export');
  if (!authorized.ok) return deniedRouteResponse(authorized);
  const { jobId } = await context.params;
  const opened = await openExportDownload(authorized.staff, jobId, { context: await currentRequestContext() });
  if (!opened.ok)
    return Response.json(
      { error: opened.message },
      { status: opened.reason === 'conflict' ? 409 : opened.reason === 'forbidden' ? 403 : 404, headers: NO_STORE },
    );
  const body = Readable.toWeb(fs.createReadStream(opened.file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': 'application/zip',
      'Content-Length': String(opened.size),
      'Content-Disposition': `attachment; filename="${opened.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
