// The case workflow in the browser: a clinician moves a seeded case NEW → IN_REVIEW → REFERRED and
// sees each change in the status history; declining needs a reason and a reason code, and the
// history then shows both. INTAKE staff are offered only the move that starts the review.
import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { seedCase, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

test('a clinician moves a case to review and to referred, sees the history, and must give a reason to decline', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Amal Haddad ${randomBytes(2).toString('hex')}` });
  const seeded = await seedCase(coordinator, klonopinDaily);

  await signInWithKeyboard(page, clinician, `/cases/${seeded.id}`);
  const heading = page.getByRole('heading', { level: 2, name: /^Status:/ });
  await expect(heading).toHaveText('Status: New');
  const form = page.getByRole('form', { name: 'Change the status' });
  const history = page.getByTestId('status-history');
  await expect(page.getByText('No status changes yet.')).toBeVisible();

  // From NEW a clinician may start the review or close the case.
  const target = form.getByLabel('New status');
  await expect(target.locator('option')).toHaveText(['In review', 'Closed']);
  await target.selectOption({ label: 'In review' });
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(form.getByRole('status')).toHaveText('Status changed to In review.');
  await expect(heading).toHaveText('Status: In review');
  await expect(history.getByRole('listitem')).toHaveCount(1);

  await expect(target.locator('option')).toHaveText(['Referred', 'Declined', 'Closed']);
  await target.selectOption({ label: 'Referred' });
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(heading).toHaveText('Status: Referred');
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText(`${clinician.displayName}: In review → Referred`);
  await expect(history.getByRole('listitem').nth(1)).toContainText(`${clinician.displayName}: New → In review`);

  // Declining without a reason or a code is refused, with the messages next to the fields.
  await target.selectOption({ label: 'Declined' });
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(form.locator('#status-reason-error')).toHaveText('Give a reason of at least 5 characters');
  await expect(form.locator('#status-reason-code-error')).toHaveText('Choose why the case is declined');
  await expect(form.getByLabel(/^Reason \(required/)).toHaveAttribute('aria-invalid', 'true');
  await expect(heading).toHaveText('Status: Referred');
  await expect(history.getByRole('listitem')).toHaveCount(2);

  await form.getByLabel('Why is the case declined? (required)').selectOption({ label: 'No bed available' });
  await form.getByLabel(/^Reason \(required/).fill('No residential bed within 50 miles this month.');
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(heading).toHaveText('Status: Declined');
  const declined = history.getByRole('listitem').first();
  await expect(declined).toContainText(`${clinician.displayName}: Referred → Declined`);
  await expect(declined).toContainText('Reason code: No bed available');
  await expect(declined).toContainText('Reason: No residential bed within 50 miles this month.');
  // Only a supervisor reopens: a clinician has no move left from DECLINED.
  await expect(page.getByRole('form', { name: 'Change the status' })).toHaveCount(0);

  // Stored, not just shown.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^Status:/ })).toHaveText('Status: Declined');
  await expect(page.getByTestId('status-history').getByRole('listitem')).toHaveCount(3);
});

test('INTAKE staff are offered only "In review", and only for a new case', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  const seeded = await seedCase(coordinator, klonopinDaily);
  await signInWithKeyboard(page, coordinator, `/cases/${seeded.id}`);
  const form = page.getByRole('form', { name: 'Change the status' });
  await expect(form.getByLabel('New status').locator('option')).toHaveText(['In review']);
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Status:/ })).toHaveText('Status: In review');
  await expect(page.getByRole('form', { name: 'Change the status' })).toHaveCount(0);
  await expect(page.getByText('Your role cannot change the status of a case that is in review.')).toBeVisible();
});
