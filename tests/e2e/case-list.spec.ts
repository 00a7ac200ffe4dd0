// The case list (issue 9 item 7): an intake coordinator finds their case by part of the name with
// a typo (the words never reach the URL), and the status filter works from a bookmarked URL.
import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import benign from '@/tests/fixtures/intakes/benign-baseline.json';

import { seedCase, signInWithKeyboard, typeInto } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

/** Letters only, so the search key is the name itself, lower-cased. */
function randomLetters(count: number): string {
  return [...randomBytes(count)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
}

test('a coordinator finds a case by part of the name with a typo, and filters by status through the URL', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const lastName = `Quintanilla${randomLetters(5)}`;
  const seeded = await seedCase(coordinator, {
    ...benign,
    patient: { ...benign.patient, firstName: 'Zoë', lastName, mrn: undefined },
  });
  await signInWithKeyboard(page, coordinator, '/cases');

  // "quintnilla…" (one letter missing), typed in lower case: still found.
  const typo = lastName.toLowerCase().replace('quinta', 'quint');
  await typeInto(page, page.getByLabel('Name or MRN'), typo);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'matching the search' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(lastName) });
  await expect(row.getByRole('link', { name: `${lastName}, Zoë` })).toHaveAttribute('href', `/cases/${seeded.id}`);
  expect(page.url()).not.toContain(typo);
  expect(page.url().toLowerCase()).not.toContain('quint');

  // A bookmarked status filter: the search (kept in its cookie) and the filter both apply.
  await page.goto('/cases?status=CLOSED,REFERRED');
  await expect(page.getByLabel('Closed')).toBeChecked();
  await expect(page.getByLabel('Referred')).toBeChecked();
  await expect(page.getByText('No cases match.')).toBeVisible();
  await page.goto('/cases?status=NEW');
  await expect(page.getByRole('row', { name: new RegExp(lastName) })).toBeVisible();

  // Sorting by name from the table header keeps the filter in the URL.
  await page.getByRole('button', { name: /^Patient/ }).click();
  await expect(page).toHaveURL(/status=NEW/);
  await expect(page).toHaveURL(/sort=name/);
});

// Issue 10: the list has no loading.tsx (its skeleton came with every response); each way to
// another list page shows the list as pending instead. The list's server responses are held
// back here so the pending state is there long enough to see.
test('a new sort, filter or nav click shows the case list as loading until the page is there', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  await seedCase(coordinator, benign);
  await signInWithKeyboard(page, coordinator, '/cases');
  const loading = page.getByRole('status').filter({ hasText: 'Loading cases…' });
  await expect(loading).toHaveCount(0);

  let hold = false;
  await page.route(
    (url) => url.pathname === '/cases',
    async (route) => {
      if (hold && route.request().headers()['rsc']) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    },
  );
  hold = true;

  await page.getByRole('button', { name: /^Patient/ }).click();
  await expect(loading).toBeVisible();
  await expect(page.locator('[aria-busy="true"]').filter({ has: page.getByRole('table') })).toHaveCount(1);
  await expect(page).toHaveURL(/sort=name/);
  await expect(loading).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

  await page.getByLabel('Urgent flags only').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(loading).toBeVisible();
  await expect(page).toHaveURL(/urgent=1/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(loading).toHaveCount(0);

  // Cleared: the form shows the new (empty) filters, not what was ticked before the navigation.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(loading).toBeVisible();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(loading).toHaveCount(0);
  await expect(page.getByLabel('Urgent flags only')).not.toBeChecked();

  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(nav.getByRole('link', { name: 'Cases', exact: true })).toHaveAttribute('aria-busy', 'true');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Cases', exact: true })).not.toHaveAttribute('aria-busy', 'true');
});
