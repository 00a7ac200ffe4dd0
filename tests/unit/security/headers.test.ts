import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';

describe('contentSecurityPolicy', () => {
  it('allows only nonce-carrying scripts in production, with no eval and no framing', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc' });
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'nonce-abc'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(csp).not.toContain('unsafe');
  });

  it('relaxes only what next dev needs, and upgrades requests over https', () => {
    expect(contentSecurityPolicy({ nonce: 'n', development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('STATIC_SECURITY_HEADERS', () => {
  it('includes nosniff, same-origin referrers and no framing', () => {
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
  });
});
