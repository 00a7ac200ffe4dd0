import { describe, expect, it } from 'vitest';

import { parseSignInReason, safeCallbackPath, signInPath } from '@/lib/auth/callback-url';

describe('safeCallbackPath', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/audit?action=auth.signout')).toBe('/audit?action=auth.signout');
    expect(safeCallbackPath('/admin/staff')).toBe('/admin/staff');
  });

  it('replaces anything that could leave the site with the dashboard', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/ok\n//evil',
      '',
      null,
      undefined,
    ]) {
      expect(safeCallbackPath(value)).toBe('/dashboard');
    }
  });

  it('does not come back to the sign-in or setup pages', () => {
    expect(safeCallbackPath('/signin?callbackUrl=/x')).toBe('/dashboard');
    expect(safeCallbackPath('/setup')).toBe('/dashboard');
    expect(safeCallbackPath('/signing-sheet')).toBe('/signing-sheet');
  });
});

describe('signInPath', () => {
  it('builds the sign-in URL with a safe callback and a reason', () => {
    expect(signInPath()).toBe('/signin');
    expect(signInPath({ callbackPath: '/audit?page=2', reason: 'idle' })).toBe(
      '/signin?callbackUrl=%2Faudit%3Fpage%3D2&reason=idle',
    );
    expect(signInPath({ callbackPath: 'https://evil.example' })).toBe('/signin?callbackUrl=%2Fdashboard');
  });
});

describe('parseSignInReason', () => {
  it('accepts only known reasons', () => {
    expect(parseSignInReason('idle')).toBe('idle');
    expect(parseSignInReason('<script>')).toBeNull();
    expect(parseSignInReason(null)).toBeNull();
  });
});
