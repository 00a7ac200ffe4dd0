// Issue 9's end-to-end journey in one run: an intake coordinator finds their own seeded case by part
// of a name with a typo, is refused a case outside their care team and breaks the glass with a
// reason; a clinician moves that case to REFERRED; a supervisor then sees it in the filtered list
// and in the dashboard's count of referred cases. (Each step has its own detailed spec:
// case-list, case-access, case-workflow; this one proves they hold together.)
import { randomBytes } from 'node:crypto';

import { expect, test, type Browser, type Page } from '@playwright/test';

import benign from '@/tests/fixtures/intakes/benign-baseline.json';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { assignCase, seedCase, signInWithKeyboard, typeInto } from './support/intake-fixtures';
import { seedStaff, type SeededStaff } from './support/staff';

const letters = (count: number) =>
  Array.from(randomBytes(count), (byte) => String.fromCharCode(97 + (byte % 26))).join('');

async function signedIn(browser: Browser, staff: SeededStaff, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithKeyboard(page, staff, path);
  return page;
}

async function referredCount(page: Page): Promise<number> {
  await page.goto('/dashboard');
  const tile = page.getByRole('link', { name: /Referred$/ });
  // The tile reads "<count> Referred": its only digits are the count.
  const text = (await tile.textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

test('find by typo, refused then break the glass, clinician refers, supervisor sees it in the list and on the dashboard', async ({
  page,
  browser,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const author = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN');
  const tag = letters(5);
  const ownLastName = `Marchetti${tag}`;
  const otherLastName = `Abernathy${tag}`;
  const own = await seedCase(coordinator, {
    ...benign,
    patient: { ...benign.patient, lastName: ownLastName, mrn: undefined },
  });
  const other = await seedCase(author, {
    ...klonopinDaily,
    patient: { ...klonopinDaily.patient, lastName: otherLastName, mrn: undefined },
  });
  await assignCase(other.id, clinician);

  // A supervisor's dashboard before the referral (a second supervisor reads it after: each
  // viewer's counts are kept for a minute).
  const before = await referredCount(await signedIn(browser, await seedStaff('SUPERVISOR'), '/dashboard'));

  // 1. The coordinator finds their own case by part of the name with one letter wrong.
  await signInWithKeyboard(page, coordinator, '/cases');
  await typeInto(page, page.getByLabel('Name or MRN'), `marchetty${tag}`.slice(0, 12));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: new RegExp(ownLastName) })).toHaveAttribute('href', `/cases/${own.id}`);

  // 2. The other case is not theirs: refused like a missing case, then opened by breaking the glass.
  const refused = await page.goto(`/cases/${other.id}`);
  expect(refused?.status()).toBe(404);
  await expect(page.getByText(otherLastName)).toHaveCount(0);
  await page.getByRole('link', { name: 'Break the glass' }).click();
  await page.getByLabel('Why do you need to open this case?').fill('Covering the phone line: the patient called back.');
  await page.getByRole('button', { name: 'Break the glass and open the case' }).click();
  await expect(page.getByTestId('case-patient-name')).toContainText(otherLastName);

  // 3. The clinician on the case moves it to review and then to referred.
  const clinicianPage = await signedIn(browser, clinician, `/cases/${other.id}`);
  const form = clinicianPage.getByRole('form', { name: 'Change the status' });
  for (const label of ['In review', 'Referred']) {
    await form.getByLabel('New status').selectOption({ label });
    await form.getByRole('button', { name: 'Change status' }).click();
    await expect(clinicianPage.getByRole('heading', { level: 2, name: /^Status:/ })).toHaveText(`Status: ${label}`);
  }

  // 4. A supervisor sees it in the list filtered to referred cases, and in the dashboard's count.
  const supervisorPage = await signedIn(browser, await seedStaff('SUPERVISOR'), '/cases?status=REFERRED');
  await expect(supervisorPage.getByRole('link', { name: new RegExp(otherLastName) })).toHaveAttribute(
    'href',
    `/cases/${other.id}`,
  );
  expect(await referredCount(supervisorPage)).toBe(before + 1);
  await supervisorPage.getByRole('link', { name: /Referred$/ }).click();
  await expect(supervisorPage).toHaveURL(/status=REFERRED/);
});
