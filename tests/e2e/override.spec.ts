// A CLINICIAN overrides a recommendation with a reason; the case then shows the computed and the
// final level, who overrode, when and why. INTAKE staff do not get the override form (and the
// server action refuses them: see the authorization matrix).
import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { assignCase, seedCase, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff, withDb } from './support/staff';

test('a clinician overrides the level with a reason; computed and final level, who and why are shown', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Rosa Okafor ${randomBytes(2).toString('hex')}` });
  const seeded = await seedCase(coordinator, klonopinDaily);
  // Need-to-know: the clinician works the case (lib/cases/access.ts).
  await withDb((client) =>
    client.query('UPDATE "Case" SET "assignedToId" = $1 WHERE id = $2', [clinician.id, seeded.id]),
  );

  await signInWithKeyboard(page, clinician, `/cases/${seeded.id}`);
  await expect(page.getByTestId('computed-levels')).toContainText('Level 3.7 · 3.7-WM');
  const form = page.getByRole('form', { name: 'Override the recommendation' });
  await expect(form).toBeVisible();

  // A reason that is too short is refused, with the message next to the field; nothing changes.
  await form.getByLabel('Final treatment level').selectOption('2.1');
  await form.getByLabel('Reason (required, at least 10 characters)').fill('too short');
  await form.getByRole('checkbox', { name: /I am overriding/ }).check();
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect(form.locator('#override-reason-error')).toHaveText(
    'Give the reason for the override in at least 10 characters',
  );
  await expect(form.getByLabel('Reason (required, at least 10 characters)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('final-levels')).toContainText('Level 3.7 · 3.7-WM');

  const reason = 'Stable housing and daily prescriber check-ins; outpatient taper agreed with the patient.';
  await form.getByLabel('Final treatment level').selectOption('2.1');
  await form.getByLabel('Reason (required, at least 10 characters)').fill(reason);
  await form.getByRole('checkbox', { name: /I am overriding/ }).check();
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect(form.getByRole('status')).toHaveText('Override saved: the final level is now 2.1 with 3.7-WM.');

  await expect(page.getByTestId('computed-levels')).toContainText('Level 3.7 · 3.7-WM');
  const final = page.getByTestId('final-levels');
  await expect(final).toContainText('Final (overridden)');
  await expect(final).toContainText('Level 2.1 · 3.7-WM');
  await expect(final).toContainText(`Overridden by ${clinician.displayName}`);
  await expect(final).toContainText(reason);
  const history = page.getByTestId('override-history');
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText(`${clinician.displayName} changed level 3.7 · 3.7-WM to 2.1 · 3.7-WM`);

  // After a reload everything is still there (it was stored, not just shown).
  await page.reload();
  await expect(page.getByTestId('final-levels')).toContainText('Level 2.1 · 3.7-WM');
  await expect(page.getByTestId('computed-levels')).toContainText('Level 3.7 · 3.7-WM');
});

test('INTAKE staff see the case without an override form', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  const seeded = await seedCase(coordinator, klonopinDaily);
  await signInWithKeyboard(page, coordinator, `/cases/${seeded.id}`);
  await expect(page.getByTestId('computed-levels')).toContainText('Level 3.7 · 3.7-WM');
  await expect(page.getByRole('form', { name: 'Override the recommendation' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save override' })).toHaveCount(0);
});

test('the recommendation and its reasons come before the override form (issue 12 item 6)', async ({ page }) => {
  // Before the fix the form stood inside "Level of care", above the recommendation it overrides.
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN');
  const seeded = await seedCase(coordinator, klonopinDaily);
  await assignCase(seeded.id, clinician);
  await signInWithKeyboard(page, clinician, `/cases/${seeded.id}`);
  const headings = await page.locator('#main').getByRole('heading', { level: 2 }).allTextContents();
  const recommendation = headings.findIndex((text) => text.includes('Computed recommendation'));
  const override = headings.indexOf('Override the recommendation');
  expect(recommendation).toBeGreaterThanOrEqual(0);
  expect(override).toBeGreaterThan(recommendation);
  // In reading order on the page too (not only in the heading list).
  const recommendationBox = await page.getByRole('heading', { name: /Computed recommendation/ }).boundingBox();
  const formBox = await page.getByRole('form', { name: 'Override the recommendation' }).boundingBox();
  expect(formBox!.y).toBeGreaterThan(recommendationBox!.y);
});
