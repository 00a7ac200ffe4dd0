// Signing in over HTTP (what the sign-in form does, without a browser): next-auth's CSRF token,
// then the credentials callback. The returned request context carries the session cookie.
import { expect, request, type APIRequestContext } from '@playwright/test';

export async function signInOverHttp(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const csrf = await context.get('/api/auth/csrf');
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: `${baseURL}/dashboard`, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const cookies = (await context.storageState()).cookies.map((cookie) => cookie.name);
  expect(cookies, `session cookie for ${email}`).toContain('next-auth.session-token');
  return context;
}

export async function anonymousContext(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
}
