// Issue 10 item 4: two app servers, one database. Server A (the main server, one process) and
// server B (a second `scripts/app-server.mjs`, itself a cluster of two workers) share nothing but
// PostgreSQL and NEXTAUTH_SECRET, as N app servers behind a load balancer would. Sessions, the
// lockout, drafts and sign-out must hold across them. Issue 13 item 6: X-Forwarded-For from a
// client that is not a trusted proxy is not what the audit log records.
import { expect, request, test, type APIRequestContext } from '@playwright/test';

import { signInOverHttp } from './support/http-session';
import { nextSection, signInWithKeyboard, typeInto } from './support/intake-fixtures';
import { IDLE_BASE_URL, MAIN_BASE_URL, SECOND_BASE_URL } from './support/servers';
import { seedStaff, withDb } from './support/staff';

const A = MAIN_BASE_URL;
const B = SECOND_BASE_URL;

/** One sign-in attempt over HTTP; the page it sends the browser to (with ?error=… on a refusal). */
async function attemptSignIn(
  baseURL: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ url: string; client: APIRequestContext }> {
  const client = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, ...headers } });
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await client.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: `${baseURL}/dashboard`, json: 'true' },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  return { url, client };
}

async function signInIp(staffId: string): Promise<string | null> {
  const { rows } = await withDb((client) =>
    client.query<{ ip: string | null }>(
      `SELECT ip FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.signin.success' ORDER BY id DESC LIMIT 1`,
      [staffId],
    ),
  );
  return rows[0]?.ip ?? null;
}

test.describe('issue 10.4: two app servers on one database', () => {
  test('signed in on A, the work goes on on B: a draft saved on A opens on B', async ({ page }) => {
    const coordinator = await seedStaff('INTAKE');
    await signInWithKeyboard(page, coordinator, '/intake/new'); // on A (the baseURL)
    const main = page.locator('#main');
    await typeInto(page, main.getByLabel('First name'), 'Riley');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Moss');
    await nextSection(page, 'Substances');
    await expect(page).toHaveURL(/\/intake\/[0-9a-f-]{36}$/);
    const substance = page.getByRole('group', { name: /^Substance 1/ });
    await typeInto(page, substance.getByLabel('Name'), 'Fentanyl');
    await page.keyboard.press('Tab'); // leaving the field saves at once
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const draftPath = new URL(page.url()).pathname;
    expect(page.url().startsWith(A)).toBe(true);

    // The same browser on B (a balancer may send the next request anywhere): no new sign-in.
    const onB = await page.goto(`${B}${draftPath}`);
    expect(onB?.status()).toBe(200);
    await expect(page).toHaveURL(`${B}${draftPath}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Intake: Riley Moss' })).toBeVisible();
    await expect(page.getByRole('group', { name: /^Substance 1: Fentanyl/ }).getByLabel('Name')).toHaveValue(
      'Fentanyl',
    );
  });

  test('failed sign-ins split between A and B lock the account on both', async () => {
    const clinician = await seedStaff('CLINICIAN');
    const clients: APIRequestContext[] = [];
    // Five failures (the lockout's limit), alternating servers: A, B, A, B, A.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const server = attempt % 2 === 0 ? A : B;
      const { url, client } = await attemptSignIn(server, clinician.email, `wrong guess ${attempt}`);
      clients.push(client);
      expect(url, `attempt ${attempt + 1} on ${server}`).toContain(
        attempt < 4 ? 'error=CredentialsSignin' : 'error=AccountLocked',
      );
    }
    // Locked on both: even the right password is refused, on either server.
    for (const server of [A, B]) {
      const { url, client } = await attemptSignIn(server, clinician.email, clinician.password);
      clients.push(client);
      expect(url, `right password on ${server}`).toContain('error=AccountLocked');
    }
    await Promise.all(clients.map((client) => client.dispose()));
  });

  test('sign-out on A ends the session on B: the same cookie is refused there', async () => {
    const clinician = await seedStaff('CLINICIAN');
    const onA = await signInOverHttp(A, clinician.email, clinician.password);
    const state = await onA.storageState();
    const onB = await request.newContext({ baseURL: B, storageState: state });
    expect((await onB.get('/dashboard', { maxRedirects: 0 })).status()).toBe(200);

    const { csrfToken } = (await (await onA.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signOut = await onA.post('/api/auth/signout', {
      form: { csrfToken, callbackUrl: `${A}/signin`, json: 'true' },
      maxRedirects: 0,
    });
    expect(signOut.status()).toBe(200);

    const after = await onB.get('/dashboard', { maxRedirects: 0 });
    expect(after.status()).toBeGreaterThanOrEqual(300);
    expect(after.status()).toBeLessThan(400);
    expect(after.headers().location).toMatch(/\/signin/);
    expect(await (await onB.get('/api/auth/session')).json()).toEqual({});
    await Promise.all([onA.dispose(), onB.dispose()]);
  });
});

test.describe('issue 13.6: the client address the audit log records', () => {
  test('a spoofed X-Forwarded-For from a peer that is not a trusted proxy is ignored, on A and on B', async () => {
    for (const server of [A, B]) {
      const staff = await seedStaff('CLINICIAN');
      const { url, client } = await attemptSignIn(server, staff.email, staff.password, {
        'X-Forwarded-For': '203.0.113.66',
      });
      expect(url).not.toContain('error=');
      expect(await signInIp(staff.id), `recorded address on ${server}`).toBe('127.0.0.1');
      await client.dispose();
    }
  });

  test('behind a trusted proxy (INTAKE_TRUSTED_PROXIES=loopback), the address it reports is recorded', async () => {
    const staff = await seedStaff('CLINICIAN');
    const { url, client } = await attemptSignIn(IDLE_BASE_URL, staff.email, staff.password, {
      'X-Forwarded-For': '6.6.6.6, 198.51.100.23',
    });
    expect(url).not.toContain('error=');
    expect(await signInIp(staff.id)).toBe('198.51.100.23');
    await client.dispose();
  });
});
