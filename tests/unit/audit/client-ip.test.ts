import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({ headers: () => Promise.reject(new Error('outside a request')) }));

const { clientIp, trustedProxies } = await import('@/lib/audit/request-context');

describe('clientIp (issue 13 item 6: the audit IP cannot be chosen by the client)', () => {
  it('without trusted proxies, never takes the client-written first entry', () => {
    expect(clientIp('203.0.113.9', [])).toBe('203.0.113.9'); // what next start set from the socket
    expect(clientIp('6.6.6.6, 203.0.113.9', [])).toBe('203.0.113.9');
    expect(clientIp(null, [])).toBeNull();
  });

  it('with trusted proxies, skips their entries from the right and ignores forged ones further left', () => {
    const trusted = trustedProxies({ INTAKE_TRUSTED_PROXIES: '10.0.0.2, 10.0.0.3' });
    expect(trusted).toEqual(['10.0.0.2', '10.0.0.3']);
    expect(clientIp('6.6.6.6, 198.51.100.7, 10.0.0.3', trusted)).toBe('198.51.100.7');
    expect(clientIp('198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientIp('::ffff:10.0.0.2', trusted)).toBe('10.0.0.2'); // only proxies: the leftmost
  });
});
