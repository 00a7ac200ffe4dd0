// Issue 13 item 5: sign-in cannot be used to take the app down. The production server (`next
// start` on the existing build) on a scratch database of BENCH_FLOOD_CASES seeded cases (default
// 10,000), a signed-in supervisor loading `GET /cases` from 1 connection: first on a quiet server,
// then while one client floods the sign-in endpoint with failed attempts under changing emails
// (20 in parallel, as the security review did). Goals: the signed-in `/cases` p95 during the flood
// stays within 2× its quiet p95, and the flood is throttled within a second of its start: no
// attempt sent after the first second gets a password check (each is answered "try again", held
// SIGNIN_REFUSAL_DELAY_MS first). The same limits are proved without timing in
// tests/integration/auth/sign-in-flood.test.ts; this bench is where the latency is measured.
// Needs `npm run build` first; skipped (not failed) when there is no build.
import { seedDatabase } from '../scripts/lib/seed/seed-database';
import { measurement, type BenchResult } from './stats';
import { measureLoad } from './support/load';
import { choosePort, missingBuild, signIn, startNextServer } from './support/next-server';
import { withScratchDatabase } from './support/scratch-database';
import { BENCH_PASSWORD, seededStaff } from './support/seeded-database';

const PREFERRED_PORT = 3450;
const FLOOD_PARALLEL = 20;
const RATIO_GOAL = 2;
const THROTTLE_GOAL_MS = 1000;

interface FloodTally {
  attempts: number;
  throttled: number;
  refused: number;
  firstThrottledMs: number | null;
  /** When the last attempt that got a password check (a "wrong password" answer) was sent. */
  lastCheckedSentMs: number | null;
}

function floodSettings(): { cases: number; seconds: number } {
  const cases = Number(process.env.BENCH_FLOOD_CASES || 10_000);
  const seconds = Number(process.env.BENCH_FLOOD_SECONDS || 8);
  if (!Number.isInteger(cases) || cases < 100) throw new Error('BENCH_FLOOD_CASES must be a whole number ≥ 100');
  if (!(seconds > 0)) throw new Error('BENCH_FLOOD_SECONDS must be a positive number');
  return { cases, seconds };
}

function cookiePairs(setCookies: readonly string[]): string {
  return setCookies
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => pair.includes('='))
    .join('; ');
}

/**
 * `FLOOD_PARALLEL` loops posting failed sign-ins (a new email each time, one CSRF token) until
 * `stop` resolves; counts what came back. A throttled attempt is next-auth's error "TryAgain".
 */
async function flood(baseUrl: string, stop: Promise<void>): Promise<FloodTally> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = cookiePairs(csrf.headers.getSetCookie());
  const tally: FloodTally = { attempts: 0, throttled: 0, refused: 0, firstThrottledMs: null, lastCheckedSentMs: null };
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: FLOOD_PARALLEL }, async (_, loop) => {
      for (let n = 0; !stopped; n++) {
        const sentMs = Math.round(performance.now() - started);
        const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: baseUrl },
          body: new URLSearchParams({
            csrfToken,
            email: `flood-${loop}-${n}@nobody.test`,
            password: 'a wrong password for the flood',
            callbackUrl: `${baseUrl}/dashboard`,
            json: 'true',
          }),
        });
        const body = await response.text();
        tally.attempts++;
        if (body.includes('TryAgain')) {
          tally.throttled++;
          tally.firstThrottledMs ??= Math.round(performance.now() - started);
        } else {
          tally.refused++;
          tally.lastCheckedSentMs = Math.max(tally.lastCheckedSentMs ?? 0, sentMs);
        }
      }
    }),
  );
  return tally;
}

export async function benchSignInFlood(): Promise<BenchResult> {
  const name = `signed-in /cases during a failed sign-in flood (${FLOOD_PARALLEL} parallel, changing emails)`;
  const noBuild = missingBuild(['/cases', '/api/auth/[...nextauth]']);
  if (noBuild) return { name, measurements: [], skipped: noBuild };
  const settings = floodSettings();

  return withScratchDatabase('flood', async (database) => {
    const seed = await seedDatabase(database.url, { cases: settings.cases, staffPassword: BENCH_PASSWORD });
    const supervisor = seededStaff(seed, 'SUPERVISOR');
    const server = await startNextServer({ port: await choosePort(PREFERRED_PORT), databaseUrl: database.url });
    try {
      const cookie = await signIn(server.baseUrl, supervisor.email, BENCH_PASSWORD);
      const loadCases = async () => {
        const response = await fetch(`${server.baseUrl}/cases`, { headers: { cookie }, redirect: 'manual' });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('>Cases</h1>'))
          throw new Error(`GET /cases answered ${response.status} during the bench`);
      };
      const window = { callers: 1, seconds: settings.seconds, warmupSeconds: 1 };
      const quiet = await measureLoad(window, loadCases);

      let endFlood: () => void = () => {};
      const floodEnds = new Promise<void>((resolve) => {
        endFlood = resolve;
      });
      const flooding = flood(server.baseUrl, floodEnds);
      const during = await measureLoad(window, loadCases).finally(() => endFlood());
      const tally = await flooding;

      const ratio = Math.round((during.p95 / quiet.p95) * 100) / 100;
      // Throttled within a second: no attempt sent after the first second got a password check
      // (the "try again" answers themselves are held for SIGNIN_REFUSAL_DELAY_MS on purpose).
      const throttledInTime = tally.throttled > 0 && (tally.lastCheckedSentMs ?? 0) <= THROTTLE_GOAL_MS;
      return {
        name,
        measurements: [
          measurement(
            'sign-in-flood /cases during the flood @1',
            {
              p50: during.p50,
              p95: during.p95,
              p99: during.p99,
              throughput: during.perSecond,
              value: ratio,
              unit: '× quiet',
            },
            { text: `p95 ≤ ${RATIO_GOAL}× quiet p95 (${quiet.p95} ms)`, metric: 'value', max: RATIO_GOAL },
          ),
          measurement(
            'sign-in-flood last password check sent at',
            { p50: null, p95: null, p99: null, throughput: null, value: tally.lastCheckedSentMs ?? 0, unit: 'ms' },
            { text: `≤ ${THROTTLE_GOAL_MS} ms after the flood starts`, metric: 'value', max: THROTTLE_GOAL_MS },
            // Throttled at all: at least one attempt was answered "try again".
            throttledInTime,
          ),
        ],
        notes: {
          'quiet /cases p50 / p95 ms': `${quiet.p50} / ${quiet.p95}`,
          'flood attempts': tally.attempts,
          'throttled ("try again")': tally.throttled,
          'refused as wrong password': tally.refused,
          'first "try again" answered at ms': tally.firstThrottledMs ?? 'never',
          cases: settings.cases,
        },
      };
    } finally {
      await server.stop();
    }
  });
}
