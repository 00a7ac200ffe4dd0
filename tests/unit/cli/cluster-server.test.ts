// The app server's cluster primary (scripts/lib/cluster-server.mjs; issue 10 item 3): restarts,
// backoff, giving up on a crash loop and the drain, with fork, timers and clock injected.
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';

import { describe, expect, it } from 'vitest';

import {
  DEFAULT_POLICY,
  DRAIN_MESSAGE,
  createClusterPrimary,
  parseWorkerCount,
  restartDelayMs,
} from '../../../scripts/lib/cluster-server.mjs';

class FakeWorker extends EventEmitter {
  readonly sent: unknown[] = [];
  readonly kills: string[] = [];
  constructor(
    readonly slot: number,
    readonly process: { pid: number },
  ) {
    super();
  }
  send(message: unknown) {
    this.sent.push(message);
  }
  kill(signal = 'SIGTERM') {
    this.kills.push(signal);
  }
  exit(code: number | null, signal: string | null = null) {
    this.emit('exit', code, signal);
  }
}

/** Timers that fire only when the test says so; the clock moves with them. */
function harness(count: number, policy = DEFAULT_POLICY) {
  let clock = 1_000_000;
  let nextPid = 100;
  const timers = new Map<number, { at: number; callback: () => void; ms: number }>();
  let nextTimer = 1;
  const forked: FakeWorker[] = [];
  const logs: string[] = [];
  const errors: string[] = [];
  const primary = createClusterPrimary({
    count,
    policy,
    now: () => clock,
    log: (message) => logs.push(message),
    error: (message) => errors.push(message),
    fork: (slot) => {
      const worker = new FakeWorker(slot, { pid: nextPid++ });
      forked.push(worker);
      return worker;
    },
    timers: {
      setTimeout: (callback, ms) => {
        const id = nextTimer++;
        timers.set(id, { at: clock + ms, callback, ms });
        return id;
      },
      clearTimeout: (id) => void timers.delete(id as number),
    },
  });
  return {
    primary,
    forked,
    logs,
    errors,
    pendingDelays: () => [...timers.values()].map((timer) => timer.ms),
    advance(ms: number) {
      clock += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > clock) continue;
        timers.delete(id);
        timer.callback();
      }
    },
    live: (slot: number) => forked.filter((worker) => worker.slot === slot).at(-1)!,
  };
}

async function settled(promise: Promise<unknown>): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('parseWorkerCount (INTAKE_WORKERS)', () => {
  it('defaults to one worker per core, and takes 1…64', () => {
    expect(parseWorkerCount(undefined, 2)).toBe(2);
    expect(parseWorkerCount('', 8)).toBe(8);
    expect(parseWorkerCount(' 1 ', 2)).toBe(1);
    expect(parseWorkerCount('64', 2)).toBe(64);
  });
  it('refuses anything else with a message naming the setting', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '65', '3abc']) {
      expect(() => parseWorkerCount(bad, 2)).toThrow(/^INTAKE_WORKERS must be a whole number .* not "/);
    }
  });
});

describe('restartDelayMs', () => {
  it('doubles from the first restart and stops at the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((crashes) => restartDelayMs(crashes))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});

describe('createClusterPrimary', () => {
  it('forks one worker per slot', () => {
    const h = harness(2);
    void h.primary.start();
    expect(h.forked.map((worker) => worker.slot)).toEqual([1, 2]);
    expect(h.primary.state.live).toEqual([1, 2]);
  });

  it('restarts a crashed worker in its slot after the backoff, not before', () => {
    const h = harness(2);
    void h.primary.start();
    h.live(1).exit(null, 'SIGKILL');
    expect(h.primary.state).toMatchObject({ live: [2], restarting: [1] });
    expect(h.errors.at(-1)).toMatch(
      /worker 1 \(pid 100\) exited unexpectedly \(killed by SIGKILL\); starting a new one in 0\.5 s/,
    );
    h.advance(499);
    expect(h.forked).toHaveLength(2);
    h.advance(1);
    expect(h.forked).toHaveLength(3);
    expect(h.live(1).process.pid).toBe(102);
    expect(h.primary.state).toMatchObject({ live: [1, 2], restarting: [] });
  });

  it('backs off more for each crash within the window, and forgets crashes older than it', () => {
    const h = harness(1);
    void h.primary.start();
    h.live(1).exit(1);
    expect(h.pendingDelays()).toEqual([500]);
    h.advance(500);
    h.live(1).exit(1);
    expect(h.pendingDelays()).toEqual([1_000]);
    h.advance(1_000);
    h.live(1).exit(1);
    expect(h.pendingDelays()).toEqual([2_000]);
    h.advance(2_000);
    // A long healthy run: the earlier crashes fall out of the window.
    h.advance(DEFAULT_POLICY.crashWindowMs);
    h.live(1).exit(1);
    expect(h.pendingDelays()).toEqual([500]);
  });

  it('gives up loudly on a crash loop: stops the other workers and ends with code 1', async () => {
    const h = harness(2);
    const done = h.primary.start();
    for (let crash = 1; crash <= DEFAULT_POLICY.maxCrashes; crash += 1) {
      h.live(1).exit(1);
      h.advance(restartDelayMs(crash));
    }
    expect(h.forked).toHaveLength(2 + DEFAULT_POLICY.maxCrashes);
    h.live(1).exit(1); // one crash too many within the window
    expect(h.errors.at(-1)).toMatch(
      /6 worker crashes within 60 s\. The app server keeps crashing, so Intake is stopping/,
    );
    expect(h.primary.state.restarting).toEqual([]);
    expect(h.live(2).sent).toEqual([{ type: DRAIN_MESSAGE }]);
    expect(await settled(done)).toBe('pending');
    h.live(2).exit(0);
    expect(await done).toEqual({ code: 1 });
    expect(h.forked).toHaveLength(2 + DEFAULT_POLICY.maxCrashes); // nothing restarted after giving up
  });

  it('drains: asks every worker to finish, restarts nothing, and ends with 0 when all have exited', async () => {
    const h = harness(2);
    const done = h.primary.start();
    h.live(1).exit(1); // a restart is pending when the signal comes
    const drained = h.primary.drain('SIGTERM received');
    expect(h.primary.state).toMatchObject({ live: [2], restarting: [], draining: true });
    expect(h.live(2).sent).toEqual([{ type: DRAIN_MESSAGE }]);
    h.advance(DEFAULT_POLICY.restartDelayMs);
    expect(h.forked).toHaveLength(2); // the pending restart was cancelled
    void h.primary.drain('SIGINT received'); // a second signal changes nothing
    expect(h.live(2).sent).toHaveLength(1);
    expect(await settled(drained)).toBe('pending'); // worker 2 still finishing its requests
    h.live(2).exit(0);
    expect(await drained).toEqual({ code: 0 });
    expect(await done).toEqual({ code: 0 });
    expect(h.live(2).kills).toEqual([]);
  });

  it('kills a worker still running at the drain timeout, and then ends with code 1', async () => {
    const h = harness(2);
    void h.primary.start();
    const drained = h.primary.drain('SIGTERM received');
    h.live(1).exit(0);
    h.advance(DEFAULT_POLICY.drainTimeoutMs - 1);
    expect(h.live(2).kills).toEqual([]);
    h.advance(1);
    expect(h.live(2).kills).toEqual(['SIGKILL']);
    expect(h.errors.at(-1)).toMatch(/worker 2 \(pid 101\) did not finish within 10 s; killing it/);
    h.live(2).exit(null, 'SIGKILL');
    expect(await drained).toEqual({ code: 1 });
  });
});

describe('npm start with a bad setting', () => {
  // Refused before the database, migrations or a build are touched: the message names the setting.
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: '3715', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('stops on a bad INTAKE_WORKERS', () => {
    const result = start({ INTAKE_WORKERS: 'lots' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not start: INTAKE_WORKERS must be a whole number .* not "lots"/);
  });

  it('stops on a bad INTAKE_TRUSTED_PROXIES', () => {
    const result = start({ INTAKE_TRUSTED_PROXIES: 'balancer.internal' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not start: INTAKE_TRUSTED_PROXIES has "balancer\.internal"/);
  });
});
