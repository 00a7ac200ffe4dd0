// Security headers on pages, API responses, redirects and static assets of the production build.
import { expect, test } from '@playwright/test';

import { anonymousContext } from './support/http-session';
import { MAIN_BASE_URL } from './support/servers';
import { seedStaff, withDb } from './support/staff';

const STATIC = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

test('pages carry a nonce-based CSP without unsafe-eval, no-store and the static headers', async ({ request }) => {
  const response = await request.get('/signin');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers).toMatchObject(STATIC);
  expect(headers['cache-control']).toContain('no-store');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ])
    expect(csp).toContain(directive);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();

  // Every script in the page carries this request's nonce; the next request gets another one.
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = (await request.get('/signin')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);

  // A static asset: the static headers (from next.config.ts), cacheable.
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const assetResponse = await request.get(asset!);
  expect(assetResponse.status()).toBe(200);
  expect(assetResponse.headers()).toMatchObject(STATIC);
});

test('API responses and sign-in redirects carry them too', async ({ request }) => {
  for (const path of ['/api/health', '/dashboard', '/api/auth/session']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers(), path).toMatchObject(STATIC);
    expect(response.headers()['cache-control'], path).toContain('no-store');
    expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
});

test('anonymous API calls get 401 JSON, not a redirect', async ({ request }) => {
  const response = await request.get('/api/not-a-route', { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: 'Sign in to continue.' });
});

test('the request id the proxy sets on a sign-in is the one in its audit event; the cookie is httpOnly and Lax', async () => {
  const staff = await seedStaff('CLINICIAN');
  const context = await anonymousContext(MAIN_BASE_URL);
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: staff.email, password: staff.password, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  const requestId = response.headers()['x-request-id'];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const { rows } = await withDb((client) =>
    client.query<{ requestId: string | null }>(
      `SELECT "requestId" FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.signin.success'`,
      [staff.id],
    ),
  );
  expect(rows).toEqual([{ requestId }]);
  // Secure is added when the app is served over https (NEXTAUTH_URL https://…).
  const cookie = (await context.storageState()).cookies.find(
    (candidate) => candidate.name === 'next-auth.session-token',
  );
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  await context.dispose();
});
