export declare const WORKERS_SETTING: 'INTAKE_WORKERS';
export declare const MAX_WORKERS: number;
export declare const DRAIN_MESSAGE: 'intake:drain';

export interface ClusterPolicy {
  restartDelayMs: number;
  maxRestartDelayMs: number;
  crashWindowMs: number;
  maxCrashes: number;
  drainTimeoutMs: number;
}
export declare const DEFAULT_POLICY: Readonly<ClusterPolicy>;

export declare function parseWorkerCount(value: string | null | undefined, cores: number): number;
export declare function restartDelayMs(crashes: number, policy?: ClusterPolicy): number;

/** The part of a `cluster.Worker` the primary uses. */
export interface WorkerHandle {
  readonly process?: { readonly pid?: number };
  on(event: 'exit', listener: (code: number | null, signal: string | null) => void): unknown;
  on(event: 'listening', listener: (address: unknown) => void): unknown;
  send(message: unknown): unknown;
  kill(signal?: string): unknown;
}

export interface ClusterTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface ClusterPrimary {
  start(): Promise<{ code: number }>;
  drain(reason: string): Promise<{ code: number }>;
  readonly done: Promise<{ code: number }>;
  readonly state: { live: number[]; restarting: number[]; draining: boolean };
}

export declare function createClusterPrimary(options: {
  count: number;
  fork: (slot: number) => WorkerHandle;
  timers?: ClusterTimers;
  now?: () => number;
  log?: (message: string) => void;
  error?: (message: string) => void;
  policy?: ClusterPolicy;
}): ClusterPrimary;
