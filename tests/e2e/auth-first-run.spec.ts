// First run: while no account exists, /setup creates the first administrator; afterwards it is 404.
// Named to run before the specs that seed accounts; it fails (never skips) if accounts already exist.
import { expect, test } from '@playwright/test';

import { staffCount } from './support/staff';

test('the first visitor creates the administrator, then /setup is gone', async ({ page }) => {
  // Files run in name order on one worker, so this one meets the empty database; fail loudly, never skip, if not.
  expect(await staffCount(), 'this spec needs a database with no accounts: run it first (it sorts first by name)').toBe(
    0,
  );

  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Intake' })).toBeVisible();

  // The password policy answers next to the field.
  await page.getByLabel('Email').fill('first.admin@e2e.test');
  await page.getByLabel('Your name').fill('First Admin');
  await page.getByLabel('Password').fill('first.admin is me');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Do not include the part of the email before the @')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('first.admin@e2e.test');

  await page.getByLabel('Password').fill('a sturdy first passphrase');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=setup$/);
  await expect(page.getByText('The administrator account is ready')).toBeVisible();

  await page.getByLabel('Email').fill('first.admin@e2e.test');
  await page.getByLabel('Password').fill('a sturdy first passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, First Admin' })).toBeVisible();

  const setup = await page.request.get('/setup', { maxRedirects: 0 });
  expect(setup.status()).toBe(404);
});
