// Issue 11 item 6: a clinician with a consent on one case and none on another selects both on the
// case list, starts a PDF ZIP export, watches the progress page reach "Done" with the other case
// skipped and named with the reason, reloads (the job ran on the server), and downloads a ZIP
// holding one PDF. Then a running job is cancelled from its page. (A real two-case job ends in well
// under a second, too fast to cancel in a browser, so the running job is a row the runner does not
// own — the runner only claims queued jobs; the integration test cancels a job mid-run.)
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { assignCase, seedCase, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff, withDb } from './support/staff';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s)`);
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Entries in a ZIP and their names, from its central directory. */
function zipEntries(bytes: Buffer): string[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd, 'end of central directory').toBeGreaterThan(0);
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    expect(bytes.readUInt32LE(offset), 'central directory entry').toBe(0x02014b50);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

test('select two cases, export a PDF ZIP: one exported, the one without consent skipped and named; then cancel a running job', async ({
  page,
}) => {
  const tag = randomBytes(2).toString('hex');
  const coordinator = await seedStaff('INTAKE');
  const clinician = await seedStaff('CLINICIAN', { displayName: `Dr. Bulk ${tag}` });
  const withConsent = await seedCase(coordinator, {
    ...klonopinDaily,
    patient: { ...klonopinDaily.patient, firstName: 'Ana', lastName: `Núñez${tag}` },
  });
  const withoutConsent = await seedCase(coordinator, {
    ...klonopinDaily,
    patient: { ...klonopinDaily.patient, firstName: 'Björn', lastName: `Strauß${tag}` },
  });
  await assignCase(withConsent.id, clinician);
  await assignCase(withoutConsent.id, clinician);
  const recipient = `Harbor House ${tag}`;

  await signInWithKeyboard(page, clinician, `/cases/${withConsent.id}`);

  await test.step('record a consent naming the recipient on one case only', async () => {
    const form = page.getByRole('form', { name: 'Record a consent' });
    await form.getByLabel('Recipient (program or provider)').fill(recipient);
    await form.getByLabel('Recipient address or contact').fill('12 Dock St, Portland ME');
    await form.getByLabel('Expiry date (last day it permits a disclosure)').fill(inDays(90));
    await form.getByLabel('Name as signed').fill(`Ana Núñez${tag}`);
    await form.getByRole('button', { name: 'Record consent' }).click();
    await expect(page.getByTestId('consent-entry')).toHaveCount(1);
  });

  let jobUrl = '';
  await test.step('select both cases on the list and start a PDF ZIP export', async () => {
    await page.goto('/cases');
    const exportForm = page.getByRole('form', { name: 'Export selected cases' });
    await expect(exportForm.getByTestId('bulk-selected-count')).toHaveText('No cases selected.');
    await expect(exportForm.getByRole('button', { name: 'Export selected cases' })).toBeDisabled();
    await page.getByRole('checkbox', { name: `Select Núñez${tag}, Ana` }).check();
    await expect(exportForm.getByTestId('bulk-selected-count')).toHaveText('1 case selected.');
    await page.getByRole('checkbox', { name: 'Select all cases on this page' }).check();
    await expect(page.getByRole('checkbox', { name: `Select Strauß${tag}, Björn` })).toBeChecked();
    await expect(exportForm.getByTestId('bulk-selected-count')).toHaveText('2 cases selected.');
    expect(await seriousViolations(page)).toEqual([]);
    // The selection goes in the POST body, never the URL.
    expect(page.url()).not.toContain(withConsent.id);
    await expect(exportForm.getByRole('radio', { name: 'PDF summaries (one ZIP)' })).toBeChecked();
    await exportForm.getByLabel('Recipient (program or provider)').fill(recipient);
    await exportForm.getByRole('button', { name: 'Export selected cases' }).click();
    await page.waitForURL(/\/exports\/[0-9a-f-]{36}$/);
    jobUrl = page.url();
    expect(jobUrl).not.toContain(withConsent.id);
    expect(jobUrl).not.toContain(withoutConsent.id);
  });

  await test.step('the progress page reaches Done with the case without consent skipped and named', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Bulk export' })).toBeVisible();
    await expect(page.getByTestId('export-status')).toHaveText('Done', { timeout: 30_000 });
    const bar = page.getByRole('progressbar', { name: 'Cases exported' });
    await expect(bar).toHaveAttribute('aria-valuenow', '1');
    await expect(bar).toHaveAttribute('aria-valuemax', '1');
    const skipped = page.getByTestId('skipped-case');
    await expect(skipped).toHaveCount(1);
    await expect(skipped).toContainText(`Strauß${tag}, Björn`);
    await expect(skipped).toContainText('There is no signed consent for this disclosure.');
    await expect(page.getByTestId('skipped-cases')).not.toContainText(`Núñez${tag}`);
    await expect(page.getByRole('button', { name: 'Cancel export' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('after a reload the job is still there, and its ZIP holds one PDF', async () => {
    await page.reload();
    await expect(page.getByTestId('export-status')).toHaveText('Done');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download ZIP' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^export-[0-9a-f-]{36}-pdf\.zip$/);
    const bytes = await readFile((await download.path())!);
    const names = zipEntries(bytes);
    expect(names).toEqual([`0001-${withConsent.id}.pdf`]);
    expect(bytes.toString('latin1')).not.toContain(`Strauß${tag}`);
  });

  await test.step('the job is listed under "Your exports"', async () => {
    await page.getByRole('link', { name: 'Your exports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your exports' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: recipient });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Done');
    await expect(row).toContainText('1 of 1');
  });

  await test.step('a running job is cancelled from its page', async () => {
    const jobId = randomUUID();
    await withDb((client) =>
      client.query(
        `INSERT INTO "ExportJob" (id, "createdById", format, "recipientName", status, "caseIds", total, done,
           "exportedCaseIds", "consentIds", "startedAt")
         VALUES ($1, $2, 'pdf', $3, 'running', $4, 2, 1, '{}', '{}', now())`,
        [jobId, clinician.id, recipient, [withConsent.id, withConsent.id]],
      ),
    );
    await page.goto(`/exports/${jobId}`);
    await expect(page.getByTestId('export-status')).toHaveText('Running');
    await expect(page.getByRole('progressbar', { name: 'Cases exported' })).toHaveAttribute('aria-valuenow', '1');
    await expect(page.getByRole('link', { name: 'Download ZIP' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel export' }).click();
    await expect(page.getByText('Export cancelled.')).toBeVisible();
    await expect(page.getByTestId('export-status')).toHaveText('Cancelled');
    await expect(page.getByRole('button', { name: 'Cancel export' })).toHaveCount(0);
    const { rows } = await withDb((client) =>
      client.query<{ status: string }>('SELECT status FROM "ExportJob" WHERE id = $1', [jobId]),
    );
    expect(rows[0]?.status).toBe('cancelled');
  });
});
