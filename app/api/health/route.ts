import { checkDatabase } from '@/lib/db/health';

// Liveness for load balancers and the start script. No auth, no patient data.
export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabase();
  const healthy = database === 'ok';
  return Response.json(
    { status: healthy ? 'ok' : 'unavailable', database },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
