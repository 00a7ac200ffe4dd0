// Session timing (issue 3): automatic logoff after 15 minutes without activity (HIPAA), a
// warning one minute before, and an absolute limit of 12 hours. Overridable by environment so
// the end-to-end tests can wait out a 20-second idle limit instead of 15 minutes.
// Edge-safe (no Node APIs): the proxy reads it too.

export interface SessionConfig {
  /** Sign out after this long without activity. SESSION_IDLE_TIMEOUT_SECONDS, default 900. */
  idleTimeoutSeconds: number;
  /** Warn this long before the idle logoff. SESSION_IDLE_WARNING_SECONDS, default 60. */
  idleWarningSeconds: number;
  /** Sign out this long after sign-in, active or not. SESSION_MAX_AGE_SECONDS, default 43200. */
  maxAgeSeconds: number;
}

export const DEFAULT_SESSION_CONFIG: SessionConfig = {
  idleTimeoutSeconds: 15 * 60,
  idleWarningSeconds: 60,
  maxAgeSeconds: 12 * 60 * 60,
};

function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * Reads the three settings; a missing or malformed value falls back to the safe default rather
 * than failing every request. The idle limit never exceeds the absolute limit, and the warning
 * comes no earlier than half-way through the idle period.
 */
export function readSessionConfig(env: Record<string, string | undefined> = process.env): SessionConfig {
  const maxAgeSeconds = positiveInteger(env.SESSION_MAX_AGE_SECONDS) ?? DEFAULT_SESSION_CONFIG.maxAgeSeconds;
  const idleTimeoutSeconds = Math.min(
    positiveInteger(env.SESSION_IDLE_TIMEOUT_SECONDS) ?? DEFAULT_SESSION_CONFIG.idleTimeoutSeconds,
    maxAgeSeconds,
  );
  const idleWarningSeconds = Math.min(
    positiveInteger(env.SESSION_IDLE_WARNING_SECONDS) ?? DEFAULT_SESSION_CONFIG.idleWarningSeconds,
    Math.floor(idleTimeoutSeconds / 2),
  );
  return { idleTimeoutSeconds, idleWarningSeconds, maxAgeSeconds };
}

/**
 * How often the browser reports activity to the server (it refreshes the session token). A tenth
 * of the idle limit, between 1 and 30 seconds: the server may end an idle session up to this much
 * before the browser's own 15-minute count, never after.
 */
export function activityHeartbeatSeconds(config: SessionConfig): number {
  return Math.min(30, Math.max(1, Math.floor(config.idleTimeoutSeconds / 10)));
}
