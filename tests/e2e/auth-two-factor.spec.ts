// Two-factor sign-in through the real pages (issue 13 item 8): enrol on /account/two-factor by
// reading the shown key (as a person typing it into an app would), sign out, sign in with a code
// computed here, use a recovery code once (the second use is refused); and with "two-factor
// required" on, an unenrolled member is held on the enrolment page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { SIGN_IN_MESSAGES } from '@/lib/auth/sign-in-messages';
import { totpCodeAt, totpStep } from '@/lib/auth/two-factor';

import { seedStaff, setTwoFactorRequired } from './support/staff';

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
}

test('enrols with the shown key, then signs in with a code and with a recovery code only once', async ({ page }) => {
  const staff = await seedStaff('CLINICIAN', { displayName: 'Tess Twofactor' });
  await passwordStep(page, staff.email, staff.password);
  await expect(page.getByRole('heading', { name: 'Welcome, Tess Twofactor' })).toBeVisible();

  await page.goto('/account/two-factor');
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' }).locator('svg')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(page.url()).not.toContain(secret);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByLabel('Code from the app').fill(totpCodeAt(secret, totpStep(Date.now())));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.nth(0).textContent())!.trim();
  await page.getByRole('link', { name: 'Continue' }).click();
  await signOut(page);

  // The password alone creates no session: the form asks for the code.
  await passwordStep(page, staff.email, staff.password);
  await expect(page.getByText(SIGN_IN_MESSAGES.codeRequired)).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);
  await passwordStep(page, staff.email, staff.password);
  // The enrolment used this step's code; the next step's is inside the ±1 window and unused.
  await page.getByLabel('Authentication code').fill(totpCodeAt(secret, totpStep(Date.now()) + 1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Tess Twofactor' })).toBeVisible();
  await signOut(page);

  await passwordStep(page, staff.email, staff.password);
  await page.getByLabel('Authentication code').fill(recovery);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Tess Twofactor' })).toBeVisible();
  await page.goto('/account/two-factor');
  await expect(page.getByTestId('recovery-left')).toHaveText('9');
  await page.goto('/dashboard');
  await signOut(page);

  await passwordStep(page, staff.email, staff.password);
  await page.getByLabel('Authentication code').fill(recovery);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(SIGN_IN_MESSAGES.codeInvalid)).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);
});

test('with two-factor required, an unenrolled member reaches nothing but enrolment', async ({ page }) => {
  const staff = await seedStaff('INTAKE', { displayName: 'Uma Unenrolled' });
  await setTwoFactorRequired(true);
  try {
    await passwordStep(page, staff.email, staff.password);
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByText('Your administrator requires two-factor sign-in')).toBeVisible();
    for (const path of ['/dashboard', '/intake', '/cases']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/account\/two-factor$/);
    }
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, totpStep(Date.now())));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await page.goto('/intake');
    await expect(page).toHaveURL(/\/intake$/);
  } finally {
    await setTwoFactorRequired(false);
  }
});
