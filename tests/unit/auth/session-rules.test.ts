import { describe, expect, it } from 'vitest';

import {
  checkSessionClaims,
  readSessionClaims,
  type SessionClaims,
  activityHeartbeatSeconds,
  DEFAULT_SESSION_CONFIG,
  readSessionConfig,
} from '@/lib/auth/session-rules';

const SIGNED_IN = Date.UTC(2026, 0, 5, 8, 0, 0);
const claims: SessionClaims = {
  sub: 'user-1',
  sid: 'sid-1',
  role: 'CLINICIAN',
  sessionVersion: 0,
  signedInAt: SIGNED_IN,
  lastActivityAt: SIGNED_IN,
};
const minutes = (n: number) => n * 60_000;

describe('readSessionConfig', () => {
  it('defaults to 15 minutes idle, a 60-second warning and 12 hours absolute', () => {
    expect(readSessionConfig({})).toEqual({ idleTimeoutSeconds: 900, idleWarningSeconds: 60, maxAgeSeconds: 43_200 });
    expect(DEFAULT_SESSION_CONFIG).toEqual(readSessionConfig({}));
  });

  it('reads the three environment variables', () => {
    expect(
      readSessionConfig({
        SESSION_IDLE_TIMEOUT_SECONDS: '20',
        SESSION_IDLE_WARNING_SECONDS: '10',
        SESSION_MAX_AGE_SECONDS: '120',
      }),
    ).toEqual({
      idleTimeoutSeconds: 20,
      idleWarningSeconds: 10,
      maxAgeSeconds: 120,
    });
  });

  it('falls back to the default for malformed values', () => {
    expect(
      readSessionConfig({
        SESSION_IDLE_TIMEOUT_SECONDS: 'soon',
        SESSION_IDLE_WARNING_SECONDS: '-5',
        SESSION_MAX_AGE_SECONDS: '1.5',
      }),
    ).toEqual(DEFAULT_SESSION_CONFIG);
  });

  it('keeps the idle limit within the absolute limit and the warning within half the idle limit', () => {
    expect(
      readSessionConfig({ SESSION_IDLE_TIMEOUT_SECONDS: '600', SESSION_MAX_AGE_SECONDS: '300' }).idleTimeoutSeconds,
    ).toBe(300);
    expect(
      readSessionConfig({ SESSION_IDLE_TIMEOUT_SECONDS: '20', SESSION_IDLE_WARNING_SECONDS: '60' }).idleWarningSeconds,
    ).toBe(10);
  });
});

describe('activityHeartbeatSeconds', () => {
  it('is a tenth of the idle limit, between 1 and 30 seconds', () => {
    expect(activityHeartbeatSeconds(DEFAULT_SESSION_CONFIG)).toBe(30);
    expect(activityHeartbeatSeconds({ ...DEFAULT_SESSION_CONFIG, idleTimeoutSeconds: 20 })).toBe(2);
    expect(activityHeartbeatSeconds({ ...DEFAULT_SESSION_CONFIG, idleTimeoutSeconds: 5 })).toBe(1);
  });
});

describe('checkSessionClaims', () => {
  it('keeps a session active just under 15 minutes without activity and ends it at 15', () => {
    expect(checkSessionClaims(claims, SIGNED_IN + minutes(15) - 1, DEFAULT_SESSION_CONFIG)).toEqual({ ok: true });
    expect(checkSessionClaims(claims, SIGNED_IN + minutes(15), DEFAULT_SESSION_CONFIG)).toEqual({
      ok: false,
      reason: 'idle',
    });
  });

  it('counts idleness from the last reported activity', () => {
    const active = { ...claims, lastActivityAt: SIGNED_IN + minutes(60) };
    expect(checkSessionClaims(active, SIGNED_IN + minutes(74), DEFAULT_SESSION_CONFIG)).toEqual({ ok: true });
    expect(checkSessionClaims(active, SIGNED_IN + minutes(75), DEFAULT_SESSION_CONFIG)).toEqual({
      ok: false,
      reason: 'idle',
    });
  });

  it('ends a session 12 hours after sign-in even when it is active', () => {
    const busy = { ...claims, lastActivityAt: SIGNED_IN + minutes(719) };
    expect(checkSessionClaims(busy, SIGNED_IN + minutes(720) - 1, DEFAULT_SESSION_CONFIG)).toEqual({ ok: true });
    expect(checkSessionClaims(busy, SIGNED_IN + minutes(720), DEFAULT_SESSION_CONFIG)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

describe('readSessionClaims', () => {
  it('reads a complete token', () => {
    expect(readSessionClaims({ ...claims, name: 'x', iat: 1 })).toEqual(claims);
  });

  it('rejects missing, malformed or foreign tokens', () => {
    expect(readSessionClaims(null)).toBeNull();
    expect(readSessionClaims({})).toBeNull();
    expect(readSessionClaims({ ...claims, role: 'ROOT' })).toBeNull();
    expect(readSessionClaims({ ...claims, sessionVersion: '0' })).toBeNull();
    expect(readSessionClaims({ ...claims, lastActivityAt: undefined })).toBeNull();
    expect(readSessionClaims({ ...claims, sub: '' })).toBeNull();
    // A token without a server-side session id (issued before sessions were recorded) is refused.
    expect(readSessionClaims({ ...claims, sid: undefined })).toBeNull();
  });
});
