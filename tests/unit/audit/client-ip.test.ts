import { describe, expect, it, vi } from 'vitest';

import {
  FORWARDING_HEADERS,
  parseTrustedProxies,
  resolveClientAddress,
  untrustedForwardingHeaders,
} from '../../../scripts/lib/client-address.mjs';

vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({ headers: () => Promise.reject(new Error('outside a request')) }));

const { clientIp } = await import('@/lib/audit/request-context');

const NONE = parseTrustedProxies(undefined);

describe('resolveClientAddress (issue 13 item 6: the app server decides the client address)', () => {
  it('without trusted proxies, is the socket peer whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress({ peer: '203.0.113.9', forwardedFor: '6.6.6.6', trusted: NONE })).toBe('203.0.113.9');
    expect(resolveClientAddress({ peer: '::ffff:127.0.0.1', forwardedFor: '6.6.6.6, 7.7.7.7', trusted: NONE })).toBe(
      '127.0.0.1',
    );
    expect(resolveClientAddress({ peer: '203.0.113.9', forwardedFor: undefined, trusted: NONE })).toBe('203.0.113.9');
    expect(resolveClientAddress({ peer: undefined, forwardedFor: '6.6.6.6', trusted: NONE })).toBeNull();
  });

  it('ignores a spoofed X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const trusted = parseTrustedProxies('10.0.0.2');
    expect(resolveClientAddress({ peer: '198.51.100.7', forwardedFor: '6.6.6.6', trusted })).toBe('198.51.100.7');
  });

  it('from a trusted proxy, walks X-Forwarded-For from the right past trusted hops', () => {
    const trusted = parseTrustedProxies('10.0.0.2, 10.0.0.3');
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 198.51.100.7, 10.0.0.3', trusted })).toBe(
      '198.51.100.7',
    );
    expect(resolveClientAddress({ peer: '::ffff:10.0.0.2', forwardedFor: ['198.51.100.7'], trusted })).toBe(
      '198.51.100.7',
    );
    // Only proxies in the chain: the leftmost of them. No header: the proxy itself.
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: '10.0.0.3', trusted })).toBe('10.0.0.3');
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: undefined, trusted })).toBe('10.0.0.2');
    // A malformed hop where the client would be: the last trusted hop, not the garbage.
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: 'hello, 10.0.0.3', trusted })).toBe('10.0.0.3');
  });

  it('understands CIDR ranges, IPv6 and "loopback"', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, fd00::/8, loopback');
    expect(trusted.isTrusted('10.200.3.4')).toBe(true);
    expect(trusted.isTrusted('11.0.0.1')).toBe(false);
    expect(trusted.isTrusted('fd12::1')).toBe(true);
    expect(trusted.isTrusted('127.0.0.1')).toBe(true);
    expect(trusted.isTrusted('::ffff:127.0.0.1')).toBe(true);
    expect(trusted.isTrusted('::1')).toBe(true);
    expect(trusted.isTrusted('not an address')).toBe(false);
    expect(resolveClientAddress({ peer: '::1', forwardedFor: '2001:db8::5', trusted })).toBe('2001:db8::5');
  });

  it('refuses a bad INTAKE_TRUSTED_PROXIES entry with a message naming the setting and the entry', () => {
    expect(() => parseTrustedProxies('10.0.0.2, proxy.example')).toThrow(
      /INTAKE_TRUSTED_PROXIES has "proxy\.example", which is not an IP address/,
    );
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/INTAKE_TRUSTED_PROXIES has "10\.0\.0\.0\/33"/);
    expect(parseTrustedProxies(' , ').entries).toEqual([]);
  });
});

describe('clientIp (what the app reads from the header the app server wrote)', () => {
  it('is the single value the app server wrote', () => {
    expect(clientIp('203.0.113.9')).toBe('203.0.113.9');
    expect(clientIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientIp(null)).toBeNull();
    expect(clientIp('')).toBeNull();
  });

  it('without the app server in front, never takes the client-written first entry', () => {
    expect(clientIp('6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('untrustedForwardingHeaders (X-Forwarded-Host/-Proto/-Port and Forwarded, issue 13 item 6)', () => {
  it('removes them all when the peer is not a trusted proxy (or unknown)', () => {
    expect(untrustedForwardingHeaders({ peer: '198.51.100.7', trusted: NONE })).toEqual(FORWARDING_HEADERS);
    expect(untrustedForwardingHeaders({ peer: '127.0.0.1', trusted: parseTrustedProxies('10.0.0.2') })).toEqual(
      FORWARDING_HEADERS,
    );
    expect(untrustedForwardingHeaders({ peer: undefined, trusted: parseTrustedProxies('loopback') })).toEqual(
      FORWARDING_HEADERS,
    );
    expect(FORWARDING_HEADERS).toEqual(['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded']);
  });

  it('keeps them from a trusted proxy', () => {
    expect(untrustedForwardingHeaders({ peer: '::ffff:127.0.0.1', trusted: parseTrustedProxies('loopback') })).toEqual(
      [],
    );
  });
});
