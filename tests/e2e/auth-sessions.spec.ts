// Issue 13 item 4: sessions that end. Sign-out revokes the server-side session (AuthSession), so a
// copy of the session cookie taken before sign-out is refused after it; the cookie is a
// browser-session cookie (no Expires), so it does not outlive the browser.
import { expect, request, test } from '@playwright/test';

import { signInOverHttp } from './support/http-session';
import { MAIN_BASE_URL } from './support/servers';
import { seedStaff } from './support/staff';

test('a session cookie copied before sign-out is refused after it', async () => {
  const clinician = await seedStaff('CLINICIAN');
  const original = await signInOverHttp(MAIN_BASE_URL, clinician.email, clinician.password);
  const state = await original.storageState();
  const sessionCookie = state.cookies.find((cookie) => cookie.name === 'next-auth.session-token');
  expect(sessionCookie, 'session cookie').toBeDefined();
  // A browser-session cookie: Playwright reports "no expiry" as -1.
  expect(sessionCookie!.expires).toBe(-1);

  // The copy: another client holding the same cookie.
  const copy = await request.newContext({ baseURL: MAIN_BASE_URL, storageState: state });
  const before = await copy.get('/dashboard', { maxRedirects: 0 });
  expect(before.status()).toBe(200);
  expect(((await (await copy.get('/api/auth/session')).json()) as { user?: { id: string } }).user?.id).toBe(
    clinician.id,
  );

  // Sign out in the original client (what the "Sign out" button does).
  const { csrfToken } = (await (await original.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signOut = await original.post('/api/auth/signout', {
    form: { csrfToken, callbackUrl: `${MAIN_BASE_URL}/signin`, json: 'true' },
    maxRedirects: 0,
  });
  expect(signOut.status()).toBe(200);

  // The copied cookie no longer works: pages send it to sign-in, the session endpoint is empty.
  const after = await copy.get('/dashboard', { maxRedirects: 0 });
  expect(after.status()).toBeGreaterThanOrEqual(300);
  expect(after.status()).toBeLessThan(400);
  expect(after.headers().location).toMatch(/\/signin/);
  expect(await (await copy.get('/api/auth/session')).json()).toEqual({});

  await Promise.all([original.dispose(), copy.dispose()]);
});

// Issue 13 item 5: a credential body over 4 KB is refused before it is parsed or hashed.
test('a sign-in body over 4 KB is refused with 413', async () => {
  const client = await request.newContext({ baseURL: MAIN_BASE_URL, extraHTTPHeaders: { Origin: MAIN_BASE_URL } });
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await client.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'someone@e2e.test', password: 'p'.repeat(5_000), json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  await client.dispose();
});
