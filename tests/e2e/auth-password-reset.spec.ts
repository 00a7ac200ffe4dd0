// Issue 13 item 7: a password an administrator sets must be changed at the next sign-in, and the
// person is told who reset it. Before the fix the clinician went straight to the dashboard with the
// administrator's password and was told nothing.
import { expect, test } from '@playwright/test';

import { escapeRegExp, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

const GIVEN = 'temporary passphrase from the admin';
const OWN = 'my own long passphrase for intake';

test('a reset password must be changed at the next sign-in; the person is told who reset it; nothing else opens before', async ({
  page,
  browser,
}) => {
  const admin = await seedStaff('ADMIN', { displayName: 'Ada Admin' });
  const clinician = await seedStaff('CLINICIAN');

  // The administrator sets a password for the clinician.
  await signInWithKeyboard(page, admin, '/admin/staff');
  const row = page.getByRole('row', { name: new RegExp(escapeRegExp(clinician.email)) });
  await row.getByRole('button', { name: 'Reset password' }).click();
  await row.getByLabel(`New password for ${clinician.email}`).fill(GIVEN);
  await row.getByRole('button', { name: 'Set password and sign out everywhere' }).click();
  await expect(row.getByRole('status')).toBeVisible();

  // The clinician signs in with it and is asked for their own first, told by whom.
  const context = await browser.newContext();
  const own = await context.newPage();
  await own.goto('/signin');
  await own.getByLabel('Email').fill(clinician.email);
  await own.getByLabel('Password').fill(GIVEN);
  await own.getByRole('button', { name: 'Sign in' }).click();
  await expect(own).toHaveURL(/\/signin\/password$/);
  await expect(own.getByRole('status')).toContainText('Your password was reset by Ada Admin');

  // Nothing else opens before: the case list sends them back here.
  await own.goto('/cases');
  await expect(own).toHaveURL(/\/signin\/password$/);

  await own.getByLabel('Password you were given').fill(GIVEN);
  await own.getByLabel('New password', { exact: true }).fill(OWN);
  await own.getByLabel('New password again').fill(OWN);
  await own.getByRole('button', { name: 'Change password' }).click();
  await expect(own).toHaveURL(/\/dashboard$/);
  await own.goto('/cases');
  await expect(own).toHaveURL(/\/cases$/);
  await context.close();
});
