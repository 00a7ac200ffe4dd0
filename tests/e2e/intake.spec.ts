// The intake journey in the production build: a full intake with the keyboard only (no mouse),
// the live server-computed recommendation on review, submission, and the stored case in the list
// and on its page; a reload mid-intake reopens the draft; urgent flags stand out in the list.
import { randomBytes } from 'node:crypto';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

import severeAlcohol from '@/tests/fixtures/intakes/alcohol-severe-withdrawal-seizure-history.json';

import {
  chooseWithKeyboard,
  nextSection,
  question,
  seedCase,
  signInWithKeyboard,
  tabTo,
  typeInto,
} from './support/intake-fixtures';
import { seedStaff } from './support/staff';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`),
  ).toEqual([]);
}

/** CSP violations, script errors and failed requests: a page with any did not hydrate cleanly. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** YYYY-MM-DD `days` before today on this machine (the e2e server runs in the same zone). */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Tabs to a date input and sets its date. The browser's date input takes keys in its own locale's
 * order, so the value is set with fill once the field is reached by keyboard (no mouse involved).
 */
async function enterDate(page: Page, field: Locator, isoDate: string): Promise<void> {
  await tabTo(page, field);
  await expect(field).toHaveAttribute('type', 'date');
  await field.fill(isoDate);
}

test('a full intake by keyboard only: daily Klonopin for 8 months → 3.7 / 3.7-WM with NO_ABRUPT_STOP, stored and found', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  const coordinator = await seedStaff('INTAKE', { displayName: 'Ines Intake' });
  const mrn = `E2E-${randomBytes(3).toString('hex').toUpperCase()}`;
  await signInWithKeyboard(page, coordinator, '/intake/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New intake' })).toBeVisible();

  // 1. Patient
  const main = page.locator('#main');
  await typeInto(page, main.getByLabel('First name'), 'Jordan');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lee');
  await enterDate(page, main.getByLabel('Date of birth'), '1990-09-15');
  await chooseWithKeyboard(page, question(page, 'Sex'), 'Male');
  // Not asked for a male patient (issue 12 item 5): the intake records "no".
  await expect(question(page, 'Pregnant?')).toHaveCount(0);
  await typeInto(page, main.getByLabel('Medical record number (optional)'), mrn);
  await page.keyboard.press('Enter'); // Enter in a field submits nothing
  await expect(page).toHaveURL(/\/intake\/(new|[0-9a-f-]{36})$/);
  await chooseWithKeyboard(page, question(page, 'Interpreter needed?'), 'No');
  await chooseWithKeyboard(page, question(page, /^Coverage$/), 'Commercial insurance');
  await chooseWithKeyboard(page, question(page, 'Does the patient name an emergency contact?'), 'No');
  await nextSection(page, 'Substances');
  // The first save created the draft: its id (never patient data) is now in the address.
  await expect(page).toHaveURL(/\/intake\/[0-9a-f-]{36}$/);

  // 2. Substances
  const substance = page.getByRole('group', { name: /^Substance 1/ });
  await chooseWithKeyboard(page, substance.getByRole('group', { name: 'Category' }), 'Benzodiazepine');
  await typeInto(page, substance.getByLabel('Name'), 'Klonopin');
  await chooseWithKeyboard(page, substance.getByRole('group', { name: 'Route' }), 'Oral');
  await typeInto(page, substance.getByLabel('Days used in the last 30'), '30');
  await typeInto(page, substance.getByLabel('Months of regular use'), '8');
  await enterDate(page, substance.getByLabel('Date of last use (optional)'), daysAgo(2));
  await chooseWithKeyboard(page, substance.getByRole('group', { name: 'Taken as prescribed?' }), 'No');
  await expect(substance.getByRole('checkbox', { name: 'Primary substance' })).toBeChecked();
  await chooseWithKeyboard(page, question(page, 'Medication for opioid or alcohol use disorder taken now'), 'None');
  await chooseWithKeyboard(page, question(page, 'Overdose in the last 12 months?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Lost tolerance?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Uses alone?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Naloxone on hand?'), 'Unknown');
  await nextSection(page, 'Withdrawal');

  // 3. Withdrawal: no complicated history; instruments not done on the phone.
  await chooseWithKeyboard(page, question(page, 'Ever had a seizure while withdrawing?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Ever had delirium tremens (DTs)?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Ever had hallucinations while withdrawing?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Having a seizure or delirium now?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Was the CIWA-Ar done?'), 'Not assessed');
  await chooseWithKeyboard(page, question(page, 'Was the COWS done?'), 'Not assessed');
  await chooseWithKeyboard(page, question(page, 'Was the CIWA-B done?'), 'Not assessed');
  await nextSection(page, 'Medical');

  // 4. Medical
  await chooseWithKeyboard(page, question(page, 'Unstable medical condition?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Needs 24-hour medical care?'), 'No');
  await nextSection(page, 'Mental health');

  // 5. Mental health: GAD-7 item by item (all "Not at all"), PHQ-9 not assessed.
  await chooseWithKeyboard(page, question(page, 'Suicidal thoughts with a plan?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Suicide attempt in the last 3 months?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Thoughts of seriously harming or killing someone now?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Psychotic symptoms now that are new or not controlled?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Was the PHQ-9 done?'), 'Not assessed');
  await chooseWithKeyboard(page, question(page, 'Was the GAD-7 done?'), 'Assess item by item');
  for (const item of [
    '1. Feeling nervous, anxious, or on edge',
    '2. Not being able to stop or control worrying',
    '3. Worrying too much about different things',
    '4. Trouble relaxing',
    '5. Being so restless that it is hard to sit still',
    '6. Becoming easily annoyed or irritable',
    '7. Feeling afraid, as if something awful might happen',
  ]) {
    await chooseWithKeyboard(page, question(page, item), /^0 — Not at all$/);
  }
  await expect(page.getByText('GAD-7 total 0 of 21 — Minimal anxiety')).toBeVisible();
  await nextSection(page, 'Readiness & history');

  // 6. Readiness and history
  await chooseWithKeyboard(page, question(page, 'Stage of change'), /^Action/);
  await typeInto(page, main.getByLabel('Prior treatment episodes'), '0');
  await nextSection(page, 'Environment & social needs');

  // 7. Environment and social needs
  await chooseWithKeyboard(page, question(page, 'Housing'), 'Stable');
  await chooseWithKeyboard(page, question(page, 'Lives alone? (optional)'), 'Yes');
  await chooseWithKeyboard(page, question(page, 'Lives with someone who actively uses?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Support system'), 'Supportive');
  await chooseWithKeyboard(page, question(page, /^Interpersonal safety concern/), 'No');
  await chooseWithKeyboard(page, question(page, 'Support for withdrawal at home?'), 'Yes');
  await chooseWithKeyboard(page, question(page, 'Employment'), 'Employed');
  await chooseWithKeyboard(page, question(page, 'Financial strain?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Legal situation'), 'None');
  await chooseWithKeyboard(page, question(page, 'Transportation barrier?'), 'No');
  await chooseWithKeyboard(page, question(page, 'Food insecurity?'), 'No');
  await nextSection(page, 'Review');

  // 8. Review: the recommendation computed on the server by the v2 rules, with its flags and label.
  // CIWA-B and PHQ-9 were not done: v2 says the assessment is incomplete (not an emergency).
  const review = page.getByTestId('review');
  await expect(review).toHaveAttribute('data-check-state', 'ready');
  const recommendation = review.getByTestId('recommendation');
  await expect(recommendation.getByTestId('recommended-level')).toHaveText('Level 3.7');
  await expect(recommendation.getByText('Medically Monitored Intensive Inpatient', { exact: true })).toBeVisible();
  await expect(recommendation.getByTestId('recommended-wm')).toHaveText('3.7-WM');
  await expect(recommendation.locator('[data-flag="NO_ABRUPT_STOP"]')).toContainText(
    'do not stop abruptly; medically supervised taper',
  );
  await expect(recommendation.locator('[data-flag="CONTINUE_AFTER_WITHDRAWAL"]')).toContainText(
    'withdrawal management is only the first stage; continue at level 3.7',
  );
  await expect(recommendation).toContainText('placement rules v2 (local policy, ASAM-informed)');
  await expect(recommendation.getByTestId('assessment-incomplete')).toContainText('withdrawal.ciwaB');
  await expect(recommendation.getByTestId('level-changes')).toContainText(
    '3.7 because D1 = 3; with D1 = 2 it would be 2.1',
  );
  await expect(recommendation).toContainText('decision support — a clinician may override');
  await expect(recommendation.getByRole('alert')).toHaveCount(0); // no emergency in this scenario
  const roundTrip = Number(await review.getAttribute('data-roundtrip-ms'));
  test.info().annotations.push({ type: 'review round trip (ms)', description: String(roundTrip) });
  console.log(`[intake.spec] review recommendation round trip: ${roundTrip} ms`);
  await expect(page.getByTestId('save-status')).toContainText(/^Saved at \d{2}:\d{2}$/);
  await expectNoAxeViolations(page);

  // Shift+Tab works too: back from the submit button to the general notes.
  await tabTo(page, page.getByRole('button', { name: 'Submit intake' }));
  await tabTo(page, page.getByLabel('General notes (optional)'), { backwards: true });
  await page.keyboard.type('Calls from a shared phone; leave no voicemail.');
  await tabTo(page, page.getByRole('button', { name: 'Submit intake' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();
  await expect(page.getByTestId('case-patient-name')).toHaveText('Lee, Jordan');
  await expect(page.getByTestId('computed-levels')).toContainText('Level 3.7 · 3.7-WM');
  await expect(page.getByTestId('final-levels')).toContainText('Level 3.7 · 3.7-WM');
  await expect(page.locator('[data-flag="NO_ABRUPT_STOP"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Override the recommendation' })).toHaveCount(0); // INTAKE may not override
  await expect(page.getByText('Calls from a shared phone; leave no voicemail.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The case list, searched by MRN with the keyboard; the search words stay out of the URL.
  await page.goto('/cases');
  await typeInto(page, page.getByLabel('Name or MRN'), mrn.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 case matching the search')).toBeVisible();
  expect(page.url()).not.toContain(mrn.toLowerCase());
  expect(page.url()).not.toContain('Lee');
  const row = page.getByRole('row', { name: /Lee, Jordan/ });
  await expect(row).toContainText('3.7 · 3.7-WM');
  await expect(row).toContainText(mrn);
  await tabTo(page, row.getByRole('link', { name: 'Lee, Jordan' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByTestId('case-patient-name')).toHaveText('Lee, Jordan');

  // The draft went with the submission.
  await page.goto('/intake');
  await expect(page.getByText('No drafts.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a reload mid-intake reopens the draft where it was left, with every answer', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  await signInWithKeyboard(page, coordinator, '/intake/new');
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
  const draftUrl = page.url();

  // The connection drops while typing: the status says so, and the answer is saved once it is back.
  await page.context().setOffline(true);
  await typeInto(page, substance.getByLabel('Days used in the last 30'), '25');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved — no connection to the server. Retrying.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'retrying');
  await page.context().setOffline(false);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });

  await page.reload();
  await expect(page).toHaveURL(draftUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Intake: Riley Moss' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '2. Substances' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Substance 1: Fentanyl/ }).getByLabel('Name')).toHaveValue('Fentanyl');
  await expect(
    page.getByRole('group', { name: /^Substance 1: Fentanyl/ }).getByLabel('Days used in the last 30'),
  ).toHaveValue('25');
  await expect(page.getByTestId('save-status')).toContainText(/^Saved at \d{2}:\d{2}$/);

  // Problems of a section left behind show next to their fields and on the progress indicator.
  await page
    .getByRole('navigation', { name: 'Intake sections' })
    .getByRole('button', { name: /^1\. Patient/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('navigation', { name: 'Intake sections' }).getByRole('button', { name: /^2\. Substances.*to fix/ }),
  ).toBeVisible();
  await expect(main.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#error-patient-dateOfBirth')).toHaveText('Date of birth is required');
  await expect(main.getByLabel('Date of birth')).toHaveAttribute('aria-describedby', /error-patient-dateOfBirth/);

  // Someone else cannot open it.
  const colleague = await seedStaff('INTAKE');
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await signInWithKeyboard(otherPage, colleague, '/dashboard');
  const response = await otherPage.goto(draftUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByText('Fentanyl')).toHaveCount(0);
  await other.close();

  // The drafts page lists it for its author, and it can be discarded from there (keyboard only).
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.goto('/intake');
  await expect(page.getByRole('link', { name: 'Moss, Riley' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Discard the draft for Moss, Riley' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Discard draft' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No drafts.')).toBeVisible();
});

test('urgent flags stand out in the case list and at the top of the case', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  const lastName = `Price${randomBytes(2).toString('hex')}`;
  const seeded = await seedCase(coordinator, {
    ...severeAlcohol,
    patient: { ...severeAlcohol.patient, lastName, mrn: undefined },
  });
  await signInWithKeyboard(page, coordinator, '/cases');
  await typeInto(page, page.getByLabel('Name or MRN'), lastName);
  await page.keyboard.press('Enter');
  const row = page.getByRole('row', { name: new RegExp(lastName) });
  await expect(row.locator('[data-flag="EMERGENCY_MEDICAL"]')).toHaveText('Medical emergency');

  await page.goto(`/cases/${seeded.id}`);
  const alert = page.getByRole('alert').filter({ hasText: 'URGENT — Medical emergency' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('arrange immediate medical evaluation');
});

test('an emergency answer raises the alert at once, long before the intake is complete', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  await signInWithKeyboard(page, coordinator, '/intake/new');
  await nextSection(page, 'Substances');
  await nextSection(page, 'Withdrawal');
  await chooseWithKeyboard(page, question(page, 'Having a seizure or delirium now?'), 'Yes');
  const alert = page.getByRole('alert').filter({ hasText: 'URGENT — Medical emergency' });
  await expect(alert).toBeVisible();
  await expect(page.getByText('From the answers so far — act now, then finish the intake:')).toBeVisible();
  await chooseWithKeyboard(page, question(page, 'Having a seizure or delirium now?'), 'No');
  await expect(alert).toHaveCount(0);
});
