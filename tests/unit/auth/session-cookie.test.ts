import { describe, expect, it } from 'vitest';

import { toBrowserSessionCookie, withBrowserSessionCookies } from '@/lib/auth/session-cookie';

const NAME = 'next-auth.session-token';

describe('toBrowserSessionCookie (the session cookie ends when the browser closes)', () => {
  it('drops Expires and Max-Age from the session cookie and keeps the other flags', () => {
    const header = `${NAME}=abc.def; Path=/; Expires=Wed, 03 Dec 2026 02:00:00 GMT; Max-Age=43200; HttpOnly; SameSite=Lax`;
    expect(toBrowserSessionCookie(header, NAME)).toBe(`${NAME}=abc.def; Path=/; HttpOnly; SameSite=Lax`);
  });

  it('does the same for next-auth chunks of a large token', () => {
    expect(toBrowserSessionCookie(`${NAME}.1=xyz; Path=/; Expires=Wed, 03 Dec 2026 02:00:00 GMT`, NAME)).toBe(
      `${NAME}.1=xyz; Path=/`,
    );
  });

  it('leaves a deletion (sign-out) and other cookies alone', () => {
    const deletion = `${NAME}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0`;
    expect(toBrowserSessionCookie(deletion, NAME)).toBe(deletion);
    const csrf = 'next-auth.csrf-token=t; Path=/; Expires=Wed, 03 Dec 2026 02:00:00 GMT';
    expect(toBrowserSessionCookie(csrf, NAME)).toBe(csrf);
    const lookalike = `${NAME}.x=1; Max-Age=10`;
    expect(toBrowserSessionCookie(lookalike, NAME)).toBe(lookalike);
  });

  it('rewrites a response and keeps its status, body and other headers', async () => {
    const headers = new Headers({ location: '/cases' });
    headers.append('set-cookie', `${NAME}=v; Path=/; Max-Age=60`);
    headers.append('set-cookie', 'other=1; Max-Age=60');
    const rewritten = withBrowserSessionCookies(new Response('ok', { status: 302, headers }), NAME);
    expect(rewritten.status).toBe(302);
    expect(rewritten.headers.get('location')).toBe('/cases');
    expect(rewritten.headers.getSetCookie()).toEqual([`${NAME}=v; Path=/`, 'other=1; Max-Age=60']);
    expect(await rewritten.text()).toBe('ok');
  });
});
