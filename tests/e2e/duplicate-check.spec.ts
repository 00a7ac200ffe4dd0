// The duplicate check in the browser (issue 9 item 6): a new intake with the name + date of birth
// of an existing case (typed without its accents) shows "Possible existing case" in the review,
// with links to open that case or re-assess it; a matching case outside the person's access is
// only mentioned ("ask a supervisor"), without its name or a link.
import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { seedCase, signInWithKeyboard, typeInto } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

const TAG = randomBytes(3).toString('hex').replace(/[0-9]/g, 'q');
const DOB = '1981-04-23';

function withPatient(lastName: string) {
  // The fixture has no MRN, so only name + date of birth can match.
  return { ...klonopinDaily, patient: { ...klonopinDaily.patient, firstName: 'Renée', lastName, dateOfBirth: DOB } };
}

async function startIntakeFor(page: Page, lastName: string): Promise<void> {
  const main = page.locator('#main');
  await typeInto(page, main.getByLabel('First name'), 'renee');
  await typeInto(page, main.getByLabel('Last name'), lastName);
  await main.getByLabel('Date of birth').fill(DOB);
  await page
    .getByRole('navigation', { name: 'Intake sections' })
    .getByRole('button', { name: /Review/ })
    .click();
}

test('a new intake with the name and date of birth of an existing case links to it and to its re-assessment', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const mine = await seedCase(coordinator, withPatient(`Dúpont${TAG}`));

  await signInWithKeyboard(page, coordinator, '/intake/new');
  await startIntakeFor(page, `DUPONT${TAG}`);

  const notice = page.getByTestId('duplicate-notice');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice.getByRole('heading', { name: 'Possible existing case' })).toBeVisible();
  await expect(notice.getByRole('link', { name: `Open the case of Renée Dúpont${TAG}` })).toHaveAttribute(
    'href',
    `/cases/${mine.id}`,
  );
  const reassess = notice.getByRole('link', { name: `Re-assess Renée Dúpont${TAG} instead` });
  await expect(reassess).toHaveAttribute('href', `/cases/${mine.id}/reassess`);
  await reassess.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${mine.id}/reassess$`));
});

test('a matching case outside the access is only mentioned: no name, no link', async ({ page }) => {
  const someoneElse = await seedStaff('INTAKE');
  const theirs = await seedCase(someoneElse, withPatient(`Lefèvre${TAG}`));
  const coordinator = await seedStaff('INTAKE');

  await signInWithKeyboard(page, coordinator, '/intake/new');
  await startIntakeFor(page, `lefevre${TAG}`);

  const notice = page.getByTestId('duplicate-notice');
  await expect(notice.getByText('An existing case matches — ask a supervisor.')).toBeVisible();
  await expect(notice.getByRole('link')).toHaveCount(0);
  await expect(notice).not.toContainText(`Lefèvre${TAG}`);
  expect(await page.content()).not.toContain(theirs.id);
});
