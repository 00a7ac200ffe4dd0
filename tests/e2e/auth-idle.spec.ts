// Automatic logoff, against the second server whose idle limit is 20 seconds (warning at 10):
// the browser warns, "Stay signed in" keeps the session, and idleness ends it on the sign-in
// page; the server ends an idle session on its own even when no browser timer runs.
import { expect, test } from '@playwright/test';

import { signInOverHttp } from './support/http-session';
import { IDLE_BASE_URL, SHORT_IDLE_TIMEOUT, SHORT_IDLE_WARNING } from './support/servers';
import { seedStaff } from './support/staff';

test.use({ baseURL: IDLE_BASE_URL });

test('warns before the idle limit, can stay signed in, then signs out to the sign-in page', async ({ page }) => {
  test.setTimeout(120_000);
  const staff = await seedStaff('SUPERVISOR', { displayName: 'Sam Supervisor' });
  await page.goto('/signin');
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome, Sam Supervisor' })).toBeVisible();

  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' });
  const gap = (SHORT_IDLE_TIMEOUT - SHORT_IDLE_WARNING) * 1000;
  await expect(warning).toBeHidden({ timeout: gap - 3_000 });
  await expect(warning).toBeVisible({ timeout: gap + 5_000 });
  await expect(warning).toContainText('no activity');
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();

  await warning.getByRole('button', { name: 'Stay signed in' }).press('Enter');
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Welcome, Sam Supervisor' })).toBeVisible();

  // Now idle for the whole period: warned again, then signed out.
  await expect(warning).toBeVisible({ timeout: gap + 5_000 });
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard&reason=idle$/, {
    timeout: SHORT_IDLE_WARNING * 1000 + 10_000,
  });
  await expect(page.getByRole('status')).toHaveText(
    `Your session ended after ${SHORT_IDLE_TIMEOUT} seconds without activity. Sign in again to continue.`,
  );

  // The session is gone on the server too.
  const session = await page.request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
});

test('the server ends an idle session by itself', async () => {
  test.setTimeout(90_000);
  const staff = await seedStaff('INTAKE');
  const context = await signInOverHttp(IDLE_BASE_URL, staff.email, staff.password);
  expect((await context.get('/dashboard', { maxRedirects: 0 })).status()).toBe(200);
  // An API path with no handler: the proxy lets a live session through (404 from Next)...
  expect((await context.get('/api/no-such-route')).status()).toBe(404);

  await new Promise((resolve) => setTimeout(resolve, (SHORT_IDLE_TIMEOUT + 1) * 1000));
  const page = await context.get('/dashboard', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()['location']).toBe('/signin?callbackUrl=%2Fdashboard&reason=idle');
  // ...and stops an idle one itself (the proxy is the only code on this path).
  expect((await context.get('/api/no-such-route')).status()).toBe(401);
  const api = await context.get('/api/auth/session');
  expect(await api.json()).toEqual({});
  await context.dispose();
});
