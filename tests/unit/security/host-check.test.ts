// Issue 13 item 3: requests whose Host is not this server's (DNS rebinding) are refused with 421.
import { describe, expect, it } from 'vitest';

import { hostNameOf, isAllowedHost, misdirectedResponse } from '@/lib/security/host-check';

const env = { NEXTAUTH_URL: 'https://intake.clinic.example' };

describe('hostNameOf', () => {
  it('drops the port, case and a trailing dot', () => {
    expect(hostNameOf('Intake.Clinic.Example.:443')).toBe('intake.clinic.example');
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(hostNameOf('127.0.0.1:3800')).toBe('127.0.0.1');
  });
  it('refuses what is not a host', () => {
    expect(hostNameOf('')).toBeNull();
    expect(hostNameOf(null)).toBeNull();
    expect(hostNameOf('a:b:c')).toBeNull();
    expect(hostNameOf('evil.example/path')).toBeNull();
    expect(hostNameOf('[::1')).toBeNull();
  });
});

describe('isAllowedHost', () => {
  it("allows NEXTAUTH_URL's host on any port, and loopback names", () => {
    expect(isAllowedHost('intake.clinic.example', env)).toBe(true);
    expect(isAllowedHost('intake.clinic.example:8443', env)).toBe(true);
    expect(isAllowedHost('localhost:3000', env)).toBe(true);
    expect(isAllowedHost('127.0.0.1:3000', env)).toBe(true);
    expect(isAllowedHost('[::1]:3000', env)).toBe(true);
  });

  it('refuses a rebinding name, a look-alike suffix and a missing Host', () => {
    expect(isAllowedHost('attacker.example', env)).toBe(false);
    expect(isAllowedHost('intake.clinic.example.attacker.example', env)).toBe(false);
    expect(isAllowedHost('xintake.clinic.example', env)).toBe(false);
    expect(isAllowedHost(null, env)).toBe(false);
    expect(isAllowedHost('', env)).toBe(false);
  });

  it('adds INTAKE_ALLOWED_HOSTS entries and the listen address (HOSTNAME)', () => {
    const more = { ...env, INTAKE_ALLOWED_HOSTS: ' intake , 10.0.0.5:3000 ,', HOSTNAME: '192.168.1.20' };
    expect(isAllowedHost('intake:3000', more)).toBe(true);
    expect(isAllowedHost('10.0.0.5', more)).toBe(true);
    expect(isAllowedHost('192.168.1.20:3000', more)).toBe(true);
    expect(isAllowedHost('10.0.0.6', more)).toBe(false);
  });

  it('a wildcard listen address names no host', () => {
    expect(isAllowedHost('0.0.0.0', { HOSTNAME: '0.0.0.0' })).toBe(false);
    expect(isAllowedHost('[::]', { HOSTNAME: '::' })).toBe(false);
  });
});

describe('misdirectedResponse', () => {
  it('answers 421 with a short text for a foreign host, nothing for our own', async () => {
    const refused = misdirectedResponse('attacker.example', env);
    expect(refused?.status).toBe(421);
    expect(await refused?.text()).toMatch(/INTAKE_ALLOWED_HOSTS/);
    expect(misdirectedResponse('intake.clinic.example', env)).toBeNull();
  });
});
