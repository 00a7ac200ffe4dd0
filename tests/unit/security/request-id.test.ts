import { describe, expect, it } from 'vitest';

import { newRequestId, readRequestIdCookie, requestIdCookie } from '@/lib/security/request-id';

describe('the request-id cookie the error pages read', () => {
  it('reads back the id it was set with, among other cookies', () => {
    const id = newRequestId();
    const setCookie = requestIdCookie(id, false);
    expect(setCookie).toMatch(/^intake\.request-id=[0-9a-f-]{36}; Path=\/; Max-Age=300; SameSite=Strict$/);
    const pair = setCookie.split(';')[0]!;
    expect(readRequestIdCookie(`theme=dark; ${pair}; other=1`)).toBe(id);
  });

  it('is Secure over https', () => {
    expect(requestIdCookie(newRequestId(), true)).toMatch(/; Secure$/);
  });

  it('is null when absent or not a request id', () => {
    expect(readRequestIdCookie('')).toBeNull();
    expect(readRequestIdCookie('intake.request-id=<script>')).toBeNull();
    expect(readRequestIdCookie('other.request-id=0b6f3c1e-5d2a-4c7b-9e8f-1a2b3c4d5e6f')).toBeNull();
  });
});
