// Issue 13 item 9: over https the app sends HSTS and Secure cookies; `npm start` warns when it
// serves plain HTTP to anything but loopback.
import { describe, expect, it } from 'vitest';

import { sessionCookieName, usesSecureCookies } from '@/lib/auth/session-rules';
import { transportSecurityHeaders } from '@/lib/security/headers';
import { requestIdCookie } from '@/lib/security/request-id';

import { plainHttpWarning } from '../../../scripts/lib/transport.mjs';

describe('https public URL', () => {
  it('turns on Secure (and __Secure- prefixed) cookies and HSTS; http turns them off', () => {
    const https = { NEXTAUTH_URL: 'https://intake.clinic.example' };
    const http = { NEXTAUTH_URL: 'http://localhost:3000' };
    expect(usesSecureCookies(https)).toBe(true);
    expect(sessionCookieName(https)).toBe('__Secure-next-auth.session-token');
    expect(usesSecureCookies(http)).toBe(false);
    expect(sessionCookieName(http)).toBe('next-auth.session-token');
    expect(usesSecureCookies({})).toBe(false);

    expect(transportSecurityHeaders(usesSecureCookies(https))).toEqual([
      { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
    ]);
    expect(transportSecurityHeaders(usesSecureCookies(http))).toEqual([]);
    expect(requestIdCookie('r1', true)).toMatch(/; Secure/);
    expect(requestIdCookie('r1', false)).not.toMatch(/Secure/);
  });
});

describe('plainHttpWarning', () => {
  it('warns for plain HTTP on every interface, or to a public name', () => {
    expect(plainHttpWarning({ publicUrl: 'http://localhost:3000', bindHost: undefined })).toMatch(
      /plain HTTP \(the server listens on every network interface\)/,
    );
    expect(plainHttpWarning({ publicUrl: 'http://intake.clinic.example', bindHost: '0.0.0.0' })).toMatch(
      /the public URL http:\/\/intake\.clinic\.example is not this machine; the server listens on 0\.0\.0\.0/,
    );
    expect(plainHttpWarning({ publicUrl: 'http://intake.clinic.example', bindHost: '127.0.0.1' })).toMatch(
      /NEXTAUTH_URL=https/,
    );
  });

  it('is quiet over https (TLS at the proxy) and for loopback only', () => {
    expect(plainHttpWarning({ publicUrl: 'https://intake.clinic.example', bindHost: undefined })).toBeNull();
    expect(plainHttpWarning({ publicUrl: 'http://localhost:3000', bindHost: '127.0.0.1' })).toBeNull();
    expect(plainHttpWarning({ publicUrl: 'http://127.0.0.1:3000', bindHost: '::1' })).toBeNull();
    expect(plainHttpWarning({ publicUrl: 'not a url', bindHost: undefined })).toBeNull();
  });
});
