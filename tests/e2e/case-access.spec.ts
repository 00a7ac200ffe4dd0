// Need-to-know access (issue 9, item 3): an intake coordinator does not find, and cannot open, a
// case outside their care team; they break the glass with a reason and then see it for the rest
// of the session; a supervisor sees the access and its reason in the break-the-glass list.
import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { seedCase, signInWithKeyboard, typeInto } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

test('an intake coordinator is refused a case outside their care team, breaks the glass with a reason, then sees it', async ({
  page,
  browser,
}) => {
  const author = await seedStaff('INTAKE');
  const coordinator = await seedStaff('INTAKE');
  const lastName = `Vasquez${randomBytes(3).toString('hex').replace(/[0-9]/g, 'q')}`;
  const seeded = await seedCase(author, { ...klonopinDaily, patient: { ...klonopinDaily.patient, lastName } });

  // The list and search show no trace of it.
  await signInWithKeyboard(page, coordinator, '/cases');
  await typeInto(page, page.getByLabel('Name or MRN'), lastName);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'No cases' })).toBeVisible();
  await expect(page.getByText(lastName)).toHaveCount(0);

  // Opening it answers like a missing case (404), and offers breaking the glass.
  const refused = await page.goto(`/cases/${seeded.id}`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No case you can open' })).toBeVisible();
  await expect(page.getByText(lastName)).toHaveCount(0);
  await page.getByRole('link', { name: 'Break the glass' }).click();
  await expect(page.getByRole('heading', { name: 'Break the glass' })).toBeVisible();

  // A reason is required.
  const reasonField = page.getByLabel('Why do you need to open this case?');
  await reasonField.fill('need it');
  await reasonField.evaluate((element) => element.removeAttribute('minlength'));
  await page.getByRole('button', { name: 'Break the glass and open the case' }).click();
  await expect(page.getByText('Give a reason of at least 10 characters')).toBeVisible();

  const reason = `On-call coverage ${randomBytes(2).toString('hex')}: the patient phoned about a bed today.`;
  await reasonField.fill(reason);
  await page.getByRole('button', { name: 'Break the glass and open the case' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${seeded.id}$`));
  await expect(page.getByTestId('case-patient-name')).toContainText(lastName);

  // For the rest of the session: a reload still opens it.
  await page.reload();
  await expect(page.getByTestId('case-patient-name')).toContainText(lastName);

  // A supervisor sees the access, with its reason.
  const supervisor = await seedStaff('SUPERVISOR');
  const context = await browser.newContext();
  const supervisorPage = await context.newPage();
  await signInWithKeyboard(supervisorPage, supervisor, '/cases/break-glass');
  const row = supervisorPage.getByRole('row', { name: new RegExp(reason.slice(0, 20)) });
  await expect(row).toContainText(coordinator.displayName);
  await expect(row).toContainText(seeded.id.slice(0, 8));
  await context.close();
});

test('a supervisor assigns a case and adds to its care team; the assignee finds it in My cases and opens it', async ({
  page,
  browser,
}) => {
  const author = await seedStaff('INTAKE');
  const supervisor = await seedStaff('SUPERVISOR');
  const tag = randomBytes(3).toString('hex');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Amara Lindqvist ${tag}` });
  const coordinator = await seedStaff('INTAKE', { displayName: `Noor Haddad ${tag}` });
  const lastName = `Okonkwo${tag.replace(/[0-9]/g, 'q')}`;
  const seeded = await seedCase(author, { ...klonopinDaily, patient: { ...klonopinDaily.patient, lastName } });

  await signInWithKeyboard(page, supervisor, `/cases/${seeded.id}`);
  const panel = page.getByTestId('care-team-panel');
  await panel.getByLabel('Assigned to').selectOption({ label: `${clinician.displayName} (Clinician)` });
  await panel.getByRole('button', { name: 'Save assignment' }).click();
  await expect(panel.getByRole('status')).toHaveText('Assignment saved.');
  await panel
    .getByLabel('Add to the care team')
    .selectOption({ label: `${coordinator.displayName} (Intake coordinator)` });
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Care team' })).toContainText(coordinator.displayName);

  for (const person of [clinician, coordinator]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInWithKeyboard(other, person, '/cases/mine');
    await other.getByRole('link', { name: new RegExp(lastName) }).click();
    await expect(other.getByTestId('case-patient-name')).toContainText(lastName);
    await context.close();
  }
  // The members' Remove buttons share one form; the one pressed names its member.
  await panel.getByLabel('Add to the care team').selectOption({ label: `${clinician.displayName} (Clinician)` });
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  const removeButton = (name: string) => panel.getByRole('button', { name: `Remove ${name} from the care team` });
  await expect(removeButton(clinician.displayName)).toBeVisible();
  await removeButton(coordinator.displayName).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Removed from the care team.' })).toBeVisible();
  await expect(removeButton(coordinator.displayName)).toHaveCount(0);
  await expect(removeButton(clinician.displayName)).toBeVisible();
});
