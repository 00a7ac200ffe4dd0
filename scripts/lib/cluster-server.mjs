// The app server's cluster primary (issue 10 item 3): N worker processes (scripts/app-server.mjs)
// share one listening port, so every core renders pages. It forks them, restarts one that exits
// unexpectedly after a growing pause, gives up — loudly, with a non-zero exit — when workers crash
// in a tight loop, and on SIGTERM/SIGINT drains: each worker stops accepting connections, lets the
// requests in flight finish, and exits; a worker still running after the drain timeout is killed.
//
// No Node `cluster`, timer or clock is used directly: `fork`, `timers` and `now` are passed in, so
// the unit tests (tests/unit/cli/cluster-server.test.ts) drive every step deterministically.

import { UserError } from './env.mjs';

export const WORKERS_SETTING = 'INTAKE_WORKERS';
export const MAX_WORKERS = 64;
/** The message a worker drains on (also on its own SIGTERM/SIGINT). */
export const DRAIN_MESSAGE = 'intake:drain';

export const DEFAULT_POLICY = Object.freeze({
  /** Pause before the first restart; doubled for each further crash in the window. */
  restartDelayMs: 500,
  maxRestartDelayMs: 10_000,
  /** More than `maxCrashes` crashes within `crashWindowMs` is a crash loop: stop everything. */
  crashWindowMs: 60_000,
  maxCrashes: 5,
  /** How long in-flight requests get after SIGTERM before a worker is killed. */
  drainTimeoutMs: 10_000,
});

/**
 * INTAKE_WORKERS as a count: unset or empty → `cores` (one per core); otherwise a whole number
 * from 1 to 64. Anything else is a UserError naming the setting.
 */
export function parseWorkerCount(value, cores) {
  const text = String(value ?? '').trim();
  if (text === '') return Math.max(1, Math.min(MAX_WORKERS, cores));
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS) {
    throw new UserError(
      `${WORKERS_SETTING} must be a whole number of app server processes from 1 to ${MAX_WORKERS} (1 = a single process; unset = one per core, ${cores} here), not "${value}".`,
    );
  }
  return count;
}

/** The pause before restarting after the `crashes`-th crash in the window (1-based). */
export function restartDelayMs(crashes, policy = DEFAULT_POLICY) {
  const delay = policy.restartDelayMs * 2 ** Math.max(0, crashes - 1);
  return Math.min(policy.maxRestartDelayMs, delay);
}

/**
 * The primary. `fork(slot)` starts worker number `slot` (1…count) and returns a handle shaped like
 * a `cluster.Worker`: `process.pid`, `on('exit', (code, signal) => …)`, `on('listening', …)`,
 * `send(message)`, `kill(signal)`. `start()` forks them all; `drain(reason)` stops them and
 * resolves like `done`: `{ code }` once every worker has exited — 0 after a drain, 1 when the
 * primary gave up on a crash loop or had to kill a worker.
 */
export function createClusterPrimary({
  count,
  fork,
  timers = { setTimeout, clearTimeout },
  now = Date.now,
  log = (message) => console.log(`[intake] ${message}`),
  error = (message) => console.error(`[intake] ${message}`),
  policy = DEFAULT_POLICY,
}) {
  const live = new Map(); // slot → worker handle
  const pendingRestarts = new Map(); // slot → timer
  let crashTimes = [];
  let draining = false;
  let exitCode = 0;
  let drainTimer;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));

  function startWorker(slot) {
    const worker = fork(slot);
    live.set(slot, worker);
    const pid = worker.process?.pid;
    worker.on('listening', () => log(`worker ${slot} (pid ${pid}) is serving`));
    worker.on('exit', (code, signal) => onExit(slot, worker, pid, code, signal));
  }

  function onExit(slot, worker, pid, code, signal) {
    if (live.get(slot) !== worker) return;
    live.delete(slot);
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    if (draining) {
      log(`worker ${slot} (pid ${pid}) stopped (${how})`);
      finishIfIdle();
      return;
    }
    const at = now();
    crashTimes = [...crashTimes.filter((time) => at - time < policy.crashWindowMs), at];
    if (crashTimes.length > policy.maxCrashes) {
      error(
        `worker ${slot} (pid ${pid}) exited (${how}): ${crashTimes.length} worker crashes within ${policy.crashWindowMs / 1000} s. The app server keeps crashing, so Intake is stopping; see the errors above.`,
      );
      exitCode = 1;
      beginDrain();
      return;
    }
    const delay = restartDelayMs(crashTimes.length, policy);
    error(`worker ${slot} (pid ${pid}) exited unexpectedly (${how}); starting a new one in ${delay / 1000} s`);
    pendingRestarts.set(
      slot,
      timers.setTimeout(() => {
        pendingRestarts.delete(slot);
        if (!draining) startWorker(slot);
      }, delay),
    );
  }

  function beginDrain() {
    if (draining) return;
    draining = true;
    for (const timer of pendingRestarts.values()) timers.clearTimeout(timer);
    pendingRestarts.clear();
    for (const worker of live.values()) {
      try {
        worker.send({ type: DRAIN_MESSAGE });
      } catch {
        // its channel is already closed: it is exiting anyway
      }
    }
    if (live.size > 0) {
      drainTimer = timers.setTimeout(() => {
        drainTimer = undefined;
        for (const [slot, worker] of live) {
          error(
            `worker ${slot} (pid ${worker.process?.pid}) did not finish within ${policy.drainTimeoutMs / 1000} s; killing it`,
          );
          exitCode = 1;
          worker.kill('SIGKILL');
        }
      }, policy.drainTimeoutMs);
    }
    finishIfIdle();
  }

  function finishIfIdle() {
    if (!draining || live.size > 0) return;
    if (drainTimer !== undefined) timers.clearTimeout(drainTimer);
    drainTimer = undefined;
    resolveDone({ code: exitCode });
  }

  return {
    start() {
      log(`starting ${count} app server worker${count === 1 ? '' : 's'} (${WORKERS_SETTING})`);
      for (let slot = 1; slot <= count; slot += 1) startWorker(slot);
      return done;
    },
    /** Stops every worker (idempotent: a second signal changes nothing). */
    drain(reason) {
      if (!draining) log(`${reason}: finishing the requests in flight, then stopping`);
      beginDrain();
      return done;
    },
    done,
    /** For the tests and the log: slots with a running worker, and slots waiting to restart. */
    get state() {
      const sorted = (keys) => [...keys].sort((a, b) => a - b);
      return { live: sorted(live.keys()), restarting: sorted(pendingRestarts.keys()), draining };
    },
  };
}
