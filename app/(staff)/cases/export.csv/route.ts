import { currentRequestContext } from '@/lib/audit/request-context';
import { authorizeAction, deniedRouteResponse } from '@/lib/auth/guards';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { caseCsvResponse } from '@/lib/cases/export/csv-response';
import { readCaseSearch } from '@/lib/cases/search-cookie';

// GET /cases/export.csv?<the list's filters>[&deidentified=1] — under /cases so the search cookie
// (path /cases) comes along. SUPERVISOR and ADMIN only (`case:export_csv`); refusals are audited
// as access.denied, exports as case.export_csv (lib/cases/export/csv-stream.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const authorized = await authorizeAction('case:export_csv');
  if (!authorized.ok) return deniedRouteResponse(authorized);
  const { staff } = authorized;
  return caseCsvResponse({
    actor: await accessActorFor(staff),
    searchParams: new URL(request.url).searchParams,
    search: await readCaseSearch(staff.id),
    context: await currentRequestContext(),
  });
}
