// Signing in and out through the real pages of the production build, by keyboard; generic errors
// and the lockout message; no CSP violations; accessibility of the sign-in page; an admin's
// deactivation ends another person's session on their next request.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { SIGN_IN_MESSAGES } from '@/lib/auth/sign-in-messages';

import { seedStaff, uniqueEmail, withDb } from './support/staff';

/**
 * Collects CSP violations, script errors and failed requests (other than the ones a test causes
 * on purpose); a page with any of them did not load and hydrate cleanly.
 */
function watchConsole(page: Page, expectedFailures: RegExp[] = []): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('Failed to load resource')) return; // reported with its URL below
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && !expectedFailures.some((pattern) => pattern.test(url.pathname)))
      problems.push(`${response.status()} ${url.pathname}`);
  });
  return problems;
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('signs in with the keyboard, lands on the requested page, sees only what the role may use', async ({ page }) => {
  const problems = watchConsole(page, [/^\/admin\/staff$/]);
  const clinician = await seedStaff('CLINICIAN', { displayName: 'Casey Clinician' });

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(clinician.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(clinician.password);
  // The idle timer's first heartbeat proves the dashboard hydrated under the CSP.
  const heartbeat = page.waitForResponse(
    (response) => response.url().endsWith('/api/auth/session') && response.request().method() === 'GET',
  );
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Casey Clinician' })).toBeVisible();
  expect(((await (await heartbeat).json()) as { user?: { role?: string } }).user?.role).toBe('CLINICIAN');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  // A page the role may not use: 403 page, no data.
  const forbidden = await page.goto('/admin/staff');
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();

  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signedout$/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  expect(problems, 'console errors / CSP violations').toEqual([]);

  const events = await withDb((client) =>
    client.query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "actorId" = $1 AND action IN ('auth.signin.success', 'auth.signout', 'access.denied') ORDER BY id`,
      [clinician.id],
    ),
  );
  expect(events.rows.map((row) => row.action)).toEqual(['auth.signin.success', 'access.denied', 'auth.signout']);
});

test('the same message for a wrong password and an unknown email, and the same lock for both', async ({ page }) => {
  const known = await seedStaff('INTAKE');
  const unknown = uniqueEmail('nobody');
  await page.goto('/signin');

  await submitSignIn(page, known.email, 'not my password at all');
  await expect(page.locator('#signin-error')).toHaveText(SIGN_IN_MESSAGES.invalid);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await submitSignIn(page, unknown, 'not my password at all');
  await expect(page.locator('#signin-error')).toHaveText(SIGN_IN_MESSAGES.invalid);

  for (const email of [known.email, unknown]) {
    // One failure each so far; 4 more reach the limit of 5 within 15 minutes.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await submitSignIn(page, email, `wrong guess ${attempt}`);
      await expect(page.locator('#signin-error')).toHaveText(SIGN_IN_MESSAGES.invalid);
    }
    await submitSignIn(page, email, 'wrong guess final');
    await expect(page.locator('#signin-error')).toHaveText(SIGN_IN_MESSAGES.locked);
  }
  // Locked: even the right password is refused, with the same message.
  await submitSignIn(page, known.email, known.password);
  await expect(page.locator('#signin-error')).toHaveText(SIGN_IN_MESSAGES.locked);
  await expect(page).toHaveURL(/\/signin$/);
});

test('the sign-in page has no detectable accessibility violations', async ({ page }) => {
  await page.goto('/signin?reason=idle');
  await expect(page.getByRole('status')).toContainText('without activity');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});

test('an administrator creates an account and deactivating someone ends their session on the next request', async ({
  page,
  browser,
}) => {
  const problems = watchConsole(page);
  const admin = await seedStaff('ADMIN', { displayName: 'Ada Admin' });
  const intake = await seedStaff('INTAKE', { displayName: 'Ian Intake' });

  // Ian is signed in elsewhere.
  const other = await browser.newContext();
  const ianPage = await other.newPage();
  await ianPage.goto('/signin');
  await submitSignIn(ianPage, intake.email, intake.password);
  await expect(ianPage.getByRole('heading', { name: 'Welcome, Ian Intake' })).toBeVisible();

  await page.goto('/signin?callbackUrl=%2Fadmin%2Fstaff');
  await submitSignIn(page, admin.email, admin.password);
  await expect(page.getByRole('heading', { name: 'Staff accounts', level: 1 })).toBeVisible();

  // Create: the policy's message next to the password, then success.
  const newEmail = uniqueEmail('newhire');
  await page.getByLabel('Email').fill(newEmail);
  await page.getByLabel('Name', { exact: true }).fill('Nora Newhire');
  await page.getByLabel('Role', { exact: true }).selectOption('CLINICIAN');
  await page.getByLabel('Initial password').fill('too short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 12 characters (this one has 9).')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(newEmail);
  await expect(page.getByLabel('Initial password')).toHaveAttribute('aria-describedby', /new-password-error/);
  await page.getByLabel('Initial password').fill('a fine starting passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Account created for Nora Newhire (${newEmail}).` }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: newEmail })).toBeVisible();

  // Deactivate Ian.
  const ianRow = page.getByRole('row').filter({ hasText: intake.email });
  await ianRow.getByRole('button', { name: 'Deactivate' }).click();
  await expect(ianRow.getByText(`${intake.email} is deactivated and signed out everywhere.`)).toBeVisible();

  // Ian's next request: back to the sign-in page.
  await ianPage.reload();
  await expect(ianPage).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard&reason=ended$/);
  await expect(ianPage.getByText('Your session has ended.')).toBeVisible();
  await other.close();

  // The audit log shows both changes, filtered by the admin.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await page.getByLabel('Staff member', { exact: true }).selectOption({ label: `Ada Admin (${admin.email})` });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${admin.id}`));
  await expect(page.getByRole('cell', { name: 'staff.create' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'staff.deactivate' })).toBeVisible();
  expect(problems, 'console errors / CSP violations').toEqual([]);
});
