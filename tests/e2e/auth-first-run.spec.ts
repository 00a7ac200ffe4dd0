// First run: while no account exists, /setup creates the first administrator — only with the
// one-time setup code (issue 13 item 3; INTAKE_SETUP_CODE in playwright.config.ts) — and afterwards
// it is 404. A request whose Host is not this server's is refused with 421 (DNS rebinding).
// Named to run before the specs that seed accounts; it fails (never skips) if accounts already exist.
import { expect, test } from '@playwright/test';

import { E2E_SETUP_CODE } from './support/servers';
import { setTwoFactorRequired, staffCount } from './support/staff';

test('the first visitor creates the administrator, then /setup is gone', async ({ page }) => {
  // Files run in name order on one worker, so this one meets the empty database; fail loudly, never skip, if not.
  expect(await staffCount(), 'this spec needs a database with no accounts: run it first (it sorts first by name)').toBe(
    0,
  );

  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Intake' })).toBeVisible();

  // A foreign Host (a rebinding page's own name) gets 421 and never the form.
  const rebound = await page.request.get('/setup', { headers: { Host: 'attacker.example' }, maxRedirects: 0 });
  expect(rebound.status()).toBe(421);

  // Without the right setup code nothing is created, and the answer says why.
  await page.getByLabel('Setup code').fill('WRNG-CODE-0000');
  await page.getByLabel('Email').fill('first.admin@e2e.test');
  await page.getByLabel('Your name').fill('First Admin');
  await page.getByLabel('Password').fill('a sturdy first passphrase');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('The setup code is not correct.').first()).toBeVisible();
  expect(await staffCount()).toBe(0);

  // The password policy answers next to the field.
  await page.getByLabel('Setup code').fill(E2E_SETUP_CODE.toLowerCase());
  await page.getByLabel('Email').fill('first.admin@e2e.test');
  await page.getByLabel('Your name').fill('First Admin');
  await page.getByLabel('Password').fill('first.admin is me');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Do not include the part of the email before the @')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('first.admin@e2e.test');

  await page.getByLabel('Setup code').fill(E2E_SETUP_CODE);
  await page.getByLabel('Password').fill('a sturdy first passphrase');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=setup$/);
  await expect(page.getByText('The administrator account is ready')).toBeVisible();

  await page.getByLabel('Email').fill('first.admin@e2e.test');
  await page.getByLabel('Password').fill('a sturdy first passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A new install requires two-factor sign-in: the administrator is sent to set it up and can
  // reach nothing else until then.
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByText('Your administrator requires two-factor sign-in')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  // The specs after this one seed accounts without two-factor: this e2e install turns it off.
  await setTwoFactorRequired(false);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Welcome, First Admin' })).toBeVisible();

  const setup = await page.request.get('/setup', { maxRedirects: 0 });
  expect(setup.status()).toBe(404);
});
