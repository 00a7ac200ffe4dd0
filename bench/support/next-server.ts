// The app's production server for a bench, on the existing .next build: started on a free port on
// a given database, signed into over HTTP the way the sign-in form does it, and stopped (its whole
// process group) afterwards. BENCH_SERVER chooses the command: `serve` (default) runs
// `node scripts/start.mjs --serve-only` (what `npm start` and `npm run serve` run in production:
// one worker process per core); `next` runs a single `next start`. CPU and memory are read over the server's whole
// process tree (/proc), so they stay right with workers.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const PROJECT_ROOT = process.cwd();
const NEXT_CLI = path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
/** Ports other tools here use (dev server, end-to-end servers): never taken by a bench. */
const RESERVED_PORTS = new Set([3000, 3100, 3101]);
const BUILD_INPUTS = ['app', 'components', 'lib', 'proxy.ts', 'next.config.ts'];

/** Why the bench cannot run against the build in .next (none, or one without these routes), or null. */
export function missingBuild(routes: readonly string[]): string | null {
  if (!fs.existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID')))
    return 'there is no production build (.next/BUILD_ID is missing): run `npm run build` first';
  let built: string[] = [];
  try {
    built = Object.values(
      JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.next', 'app-path-routes-manifest.json'), 'utf8')) as Record<
        string,
        string
      >,
    );
  } catch {
    // no manifest: reported below as missing routes
  }
  const missing = routes.filter((route) => !built.includes(route));
  return missing.length === 0
    ? null
    : `the build in .next has no ${missing.join(', ')} (built from older code?): run \`npm run build\` first`;
}

/** A source file changed after the build, if any: the numbers then describe the older code. */
export function sourceNewerThanBuild(): string | null {
  const builtAt = fs.statSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID')).mtimeMs;
  const pending = [...BUILD_INPUTS];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (entry === path.join('lib', 'generated')) continue;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.join(PROJECT_ROOT, entry));
    } catch {
      continue;
    }
    if (stat.isDirectory())
      pending.push(...fs.readdirSync(path.join(PROJECT_ROOT, entry)).map((name) => path.join(entry, name)));
    else if (stat.mtimeMs > builtAt) return entry;
  }
  return null;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `preferred` when it is free, else a random free port (never one of the reserved ones). */
export async function choosePort(preferred: number): Promise<number> {
  if (!RESERVED_PORTS.has(preferred) && (await portIsFree(preferred))) return preferred;
  for (;;) {
    const port = await anyFreePort();
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

export interface RunningServer {
  readonly baseUrl: string;
  readonly pid: number;
  /** The server's last lines of output, for error messages. */
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

export type ServerKind = 'next' | 'serve';

/** BENCH_SERVER: which production server the HTTP benches start (default: what `npm start` runs). */
export function benchServerKind(): ServerKind {
  const kind = process.env.BENCH_SERVER || 'serve';
  if (kind !== 'next' && kind !== 'serve')
    throw new Error(`BENCH_SERVER must be "next" (next start) or "serve" (npm run serve), got "${kind}"`);
  return kind;
}

/** How a server of `kind` is described in the results. */
export function describeServerKind(kind: ServerKind): string {
  return kind === 'next' ? 'next start' : 'node scripts/start.mjs --serve-only (npm run serve)';
}

export async function startNextServer(options: {
  port: number;
  databaseUrl: string;
  timeoutMs?: number;
  kind?: ServerKind;
}): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const kind = options.kind ?? benchServerKind();
  return startServerProcess({
    label: describeServerKind(kind),
    args:
      kind === 'next'
        ? [NEXT_CLI, 'start', '-p', String(options.port), '-H', '127.0.0.1']
        : [path.join(PROJECT_ROOT, 'scripts', 'start.mjs'), '--serve-only'],
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      // For scripts/start.mjs (next start takes them as -p/-H).
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
    },
    baseUrl,
    healthPath: '/api/health',
    timeoutMs: options.timeoutMs,
  });
}

/**
 * Starts `node <args>` in its own process group (so stopping it stops anything it started, and
 * it never outlives this process) and waits until `healthPath` answers 2xx.
 */
export async function startServerProcess(options: {
  label: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  baseUrl: string;
  healthPath: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const { label, baseUrl } = options;
  const child: ChildProcess = spawn(process.execPath, [...options.args], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${label} did not start`);

  // If this process exits first (Ctrl-C, a crash), the server must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const killed = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(killed);
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}:\n${output}`);
    try {
      const health = await fetch(`${baseUrl}${options.healthPath}`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label} did not answer ${options.healthPath} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, pid, output: () => output, stop };
}

function cookiePairs(setCookies: readonly string[]): string[] {
  return setCookies.map((cookie) => cookie.split(';')[0] ?? '').filter((pair) => pair.includes('='));
}

/**
 * Signs in through next-auth's credentials callback (CSRF token first), as the sign-in form and
 * tests/e2e/support/http-session.ts do; returns the Cookie header value carrying the session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookiePairs(csrf.headers.getSetCookie()).join('; '),
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard`, json: 'true' }),
  });
  const session = cookiePairs(response.headers.getSetCookie()).find((pair) =>
    pair.startsWith('next-auth.session-token='),
  );
  if (response.status !== 200 || !session)
    throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return session;
}

/** Resident memory of a process and every process below it in MB (Linux), or null where /proc is not there. */
export function residentMegabytes(pid: number): number | null {
  const tree = processTree(pid);
  if (tree.length === 0) return null;
  let kilobytes = 0;
  for (const member of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${member}/status`, 'utf8'));
      kilobytes += match ? Number(match[1]) : 0;
    } catch {
      // exited meanwhile
    }
  }
  return Math.round(kilobytes / 1024);
}

/** `pid` and every process below it (Linux /proc), parents first; [] when /proc cannot tell. */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.shift()!;
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${next}/task`);
    } catch {
      continue; // gone (or no /proc)
    }
    tree.push(next);
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${next}/task/${task}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return tree;
}

/**
 * CPU seconds used so far by a process and every process below it (Linux), or null where /proc
 * is not there. Each process counts its own time and that of its children already reaped
 * (cutime/cstime), so a worker that exits between two readings is not lost; live children are
 * counted once, as themselves.
 */
export function cpuSeconds(pid: number): number | null {
  const tree = processTree(pid);
  if (tree.length === 0) return null;
  let ticks = 0;
  for (const member of tree) {
    try {
      const fields = fs.readFileSync(`/proc/${member}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime, stime, cutime, cstime are fields 14–17 of the whole line (11–14 after "pid (comm) "), in clock ticks.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // exited between the listing and the reading: its time is now in its parent's cutime/cstime
    }
  }
  return ticks / 100;
}
