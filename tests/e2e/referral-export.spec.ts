// Issue 11: a clinician records a consent, refers the patient under it, downloads the referral
// as a FHIR Bundle (Part 2 labelled) and as a PDF, records the patient's revocation, and the next export is
// refused with the reason (409).
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { assignCase, seedCase, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('consent → referral → FHIR and PDF downloads; after revocation the export is refused with the reason', async ({
  page,
}) => {
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Lena Strauß ${randomBytes(2).toString('hex')}` });
  const seeded = await seedCase(coordinator, klonopinDaily);
  await assignCase(seeded.id, clinician);
  const recipient = `Harbor House ${randomBytes(2).toString('hex')}`;

  await signInWithKeyboard(page, clinician, `/cases/${seeded.id}`);
  const referrals = page.getByTestId('referral-section');
  await expect(referrals.getByText('No referrals yet.')).toBeVisible();
  await expect(referrals.getByTestId('referral-no-consent')).toBeVisible();

  await test.step('record a consent naming the recipient', async () => {
    const form = page.getByRole('form', { name: 'Record a consent' });
    await form.getByLabel('Recipient (program or provider)').fill(recipient);
    await form.getByLabel('Recipient address or contact').fill('12 Dock St, Portland ME');
    await form.getByLabel('Expiry date (last day it permits a disclosure)').fill(inDays(90));
    await form.getByLabel('Name as signed').fill('Ana Núñez');
    await form.getByRole('button', { name: 'Record consent' }).click();
    await expect(page.getByTestId('consent-entry')).toHaveCount(1);
  });

  await test.step('create a referral under it, and send it', async () => {
    const form = page.getByRole('form', { name: 'New referral' });
    await form.getByLabel('Recipient program').fill(recipient);
    await form.getByLabel('Reason for referral').fill('Needs medically monitored withdrawal and residential care');
    await form.getByRole('button', { name: 'Create referral' }).click();
    const entry = referrals.getByTestId('referral-entry');
    await expect(entry).toHaveCount(1);
    await expect(entry.getByTestId('referral-status')).toHaveText('Created');
    await entry.getByRole('button', { name: 'Mark sent' }).click();
    await expect(entry.getByTestId('referral-status')).toHaveText('Sent');
  });

  const entry = referrals.getByTestId('referral-entry');
  const fhirLink = entry.getByRole('link', { name: 'Download FHIR' });

  await test.step('download the FHIR Bundle', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), fhirLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^referral-[0-9a-f-]{36}\.fhir\.json$/);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      resourceType: string;
      meta: { security: { code: string }[] };
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.meta.security.map((label) => label.code)).toContain('42CFRPart2');
  });

  await test.step('download the PDF', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^referral-[0-9a-f-]{36}\.pdf$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  await test.step('revoke the consent; the next export is refused with the reason', async () => {
    await page.getByText('Record a revocation').click();
    await page.getByLabel('How the patient revoked').fill('Signed revocation letter received');
    await page.getByRole('button', { name: 'Record revocation' }).click();
    await expect(page.getByTestId('consent-entry')).toContainText('Revoked');
    const href = await fhirLink.getAttribute('href');
    const refused = await page.request.get(href!);
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Consent was revoked on /);
  });
});
