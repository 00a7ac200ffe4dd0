// The case workflow in the browser: a clinician moves a seeded case NEW → IN_REVIEW → REFERRED and
// sees each change in the status history; declining needs a reason and a reason code, and the
// history then shows both. INTAKE staff are offered only the move that starts the review. A
// re-assessment from the pre-filled form adds a second, current assessment.
import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { searchKey } from '@/lib/cases/search-key';
import { parseIntake } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import v2KlonopinDaily from '@/tests/fixtures/intakes/v2-klonopin-daily-8-months.json';

import { assignCase, seedCase, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff, withDb, type SeededStaff } from './support/staff';

test('a clinician moves a case to review and to referred, sees the history, and must give a reason to decline', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Amal Haddad ${randomBytes(2).toString('hex')}` });
  const seeded = await seedCase(coordinator, klonopinDaily);
  await assignCase(seeded.id, clinician);

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
  // The refused form still says Declined (a reset form must never fall back to another move).
  await expect(target).toHaveValue('DECLINED');

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

/** YYYY-MM-DD `days` before today on this machine (the e2e server runs in the same zone). */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A v2 case assessed yesterday, written as createCase would (with its first assessment). */
async function seedV2Case(createdBy: SeededStaff): Promise<string> {
  const fixture = structuredClone(v2KlonopinDaily) as typeof v2KlonopinDaily;
  fixture.assessedOn = daysAgo(1);
  for (const substance of fixture.substances) substance.lastUse = daysAgo(1);
  const parsed = parseIntake(fixture);
  if (!parsed.success) throw new Error('fixture intake is not valid');
  const intake = parsed.data;
  const recommendation = recommendPlacement(intake);
  const { patient } = intake;
  return withDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Case" (id, "updatedAt", "createdById", "patientFirstName", "patientLastName", "patientDateOfBirth",
         "patientFirstNameKey", "patientLastNameKey", intake, recommendation, "rulesVersion",
         "computedLevel", "computedWm", "finalLevel", "finalWm", flags)
       VALUES (gen_random_uuid(), now(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10, $11, $12) RETURNING id`,
      [
        createdBy.id,
        patient.firstName,
        patient.lastName,
        patient.dateOfBirth,
        searchKey(patient.firstName),
        searchKey(patient.lastName),
        JSON.stringify(intake),
        JSON.stringify(recommendation),
        recommendation.rulesVersion,
        recommendation.treatmentLevel,
        recommendation.withdrawalManagement,
        [...recommendation.flags],
      ],
    );
    const id = rows[0]!.id;
    await client.query(
      `INSERT INTO "CaseAssessment" (id, "caseId", sequence, at, "byId", intake, recommendation, "rulesVersion",
         "computedLevel", "computedWm", "finalLevel", "finalWm", flags)
       SELECT gen_random_uuid(), c.id, 1, c."createdAt", c."createdById", c.intake, c.recommendation, c."rulesVersion",
         c."computedLevel", c."computedWm", c."computedLevel", c."computedWm", c.flags FROM "Case" c WHERE c.id = $1`,
      [id],
    );
    return id;
  });
}

test('a clinician records a re-assessment from the pre-filled form; the case lists both assessments, the new one current', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Lena Varga ${randomBytes(2).toString('hex')}` });
  const caseId = await seedV2Case(coordinator);
  await assignCase(caseId, clinician);

  await signInWithKeyboard(page, clinician, `/cases/${caseId}`);
  const assessments = page.getByTestId('assessment-history');
  await expect(assessments.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('link', { name: 'Record a re-assessment' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/reassess$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re-assessment: Jordan Lee');
  // Pre-filled from the current intake.
  await expect(page.getByLabel('First name')).toHaveValue('Jordan');

  await page
    .getByRole('navigation', { name: 'Intake sections' })
    .getByRole('button', { name: /Review/ })
    .click();
  await expect(page.getByTestId('review')).toHaveAttribute('data-check-state', 'ready');
  await page.getByRole('button', { name: 'Record re-assessment' }).click();

  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  const rows = page.getByTestId('assessment-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('td').first()).toHaveText(/^2\s*\(current\)$/);
  await expect(rows.first()).toContainText(clinician.displayName);
  await expect(rows.nth(1)).toContainText(coordinator.displayName);
  await expect(rows.nth(1)).not.toContainText('current');
  await expect(page.getByTestId('level-of-care-history').getByRole('listitem')).toHaveCount(2);
});

test('a status change sent before the page script has run is still saved (the form posts to its server action)', async ({
  page,
  browser,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN');
  const seeded = await seedCase(coordinator, klonopinDaily);
  await assignCase(seeded.id, clinician);
  await signInWithKeyboard(page, clinician, `/cases/${seeded.id}`);

  // The same session with scripts off: what a click before hydration sends.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const bare = await noScript.newPage();
  await bare.goto(`/cases/${seeded.id}`);
  await expect(bare.getByRole('heading', { level: 2, name: /^Status:/ })).toHaveText('Status: New');
  const form = bare.getByRole('form', { name: 'Change the status' });
  await form.getByLabel('New status').selectOption({ label: 'In review' });
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(bare.getByRole('heading', { level: 2, name: /^Status:/ })).toHaveText('Status: In review');
  await noScript.close();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /^Status:/ })).toHaveText('Status: In review');
  await expect(page.getByTestId('status-history').getByRole('listitem')).toHaveCount(1);
});
