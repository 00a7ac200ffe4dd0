// Issue 12 item 7: "Your drafts" told only a name and a time, so two drafts for "Lee, Jordan"
// looked alike and could only be discarded one by one. Before the fix the list had no date of
// birth, MRN or section column and no way to choose several drafts: every assertion below on
// those columns and on "Discard selected" failed.
import { expect, test, type Page } from '@playwright/test';

import { emptyIntakeFormValues } from '@/lib/intake/form/values';

import { signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff, withDb, type SeededStaff } from './support/staff';

async function seedDraft(
  author: SeededStaff,
  patient: { firstName: string; lastName: string; dateOfBirth: string; mrn: string },
  section: string,
  minutesAgo: number,
): Promise<string> {
  const values = emptyIntakeFormValues();
  const data = { formVersion: 2, section, values: { ...values, patient: { ...values.patient, ...patient } } };
  const { rows } = await withDb((client) =>
    client.query<{ id: string }>(
      `INSERT INTO "IntakeDraft" (id, "authorId", "createdAt", "updatedAt", data)
       VALUES (gen_random_uuid(), $1, now(), now() - make_interval(mins => $2), $3) RETURNING id`,
      [author.id, minutesAgo, JSON.stringify(data)],
    ),
  );
  return rows[0]!.id;
}

const draftRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

test.describe('issue 12.7: drafts that can be told apart and discarded together', () => {
  test('look-alike drafts show date of birth, MRN and section reached; two are discarded together by keyboard', async ({
    page,
  }) => {
    const coordinator = await seedStaff('INTAKE');
    await seedDraft(
      coordinator,
      { firstName: 'Jordan', lastName: 'Lee', dateOfBirth: '1986-04-02', mrn: 'A-100' },
      'withdrawal',
      30,
    );
    await seedDraft(
      coordinator,
      { firstName: 'Jordan', lastName: 'Lee', dateOfBirth: '1991-11-20', mrn: 'B-200' },
      'mentalHealth',
      20,
    );
    await seedDraft(
      coordinator,
      { firstName: 'Ana', lastName: 'Núñez', dateOfBirth: '1979-01-15', mrn: '' },
      'patient',
      10,
    );
    await signInWithKeyboard(page, coordinator, '/intake');

    const table = page.getByRole('table', { name: 'Your drafts, newest first' });
    for (const column of ['Patient', 'Date of birth', 'MRN', 'Section reached', 'Last saved'])
      await expect(table.getByRole('columnheader', { name: column })).toBeVisible();
    await expect(draftRow(page, 'A-100')).toContainText('1986-04-02');
    await expect(draftRow(page, 'A-100')).toContainText('Withdrawal');
    await expect(draftRow(page, 'B-200')).toContainText('1991-11-20');
    await expect(draftRow(page, 'B-200')).toContainText('Mental health');
    await expect(draftRow(page, 'Núñez')).toContainText('not yet'); // no MRN typed yet

    const discardSelected = page.getByRole('button', { name: /Discard selected/ });
    await expect(discardSelected).toBeDisabled();

    // Keyboard: focus each row's checkbox and press Space.
    for (const mrn of ['A-100', 'B-200']) {
      await draftRow(page, mrn).getByRole('checkbox').focus();
      await page.keyboard.press('Space');
    }
    await expect(discardSelected).toHaveText('Discard selected (2)');
    await discardSelected.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Delete these 2 drafts and their answers?')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Discard 2 drafts' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('status')).toHaveText('2 drafts discarded.');
    await expect(draftRow(page, 'A-100')).toHaveCount(0);
    await expect(draftRow(page, 'B-200')).toHaveCount(0);
    await expect(draftRow(page, 'Núñez')).toHaveCount(1);
    await page.reload();
    await expect(draftRow(page, 'Lee, Jordan')).toHaveCount(0);
    await expect(draftRow(page, 'Núñez, Ana')).toHaveCount(1);
  });

  test('mouse: "Keep them" discards nothing; select all then discard empties the list', async ({ page }) => {
    const coordinator = await seedStaff('INTAKE');
    await seedDraft(
      coordinator,
      { firstName: 'Zoë', lastName: "O'Brien", dateOfBirth: '2001-06-30', mrn: 'C-1' },
      'substances',
      5,
    );
    await seedDraft(
      coordinator,
      { firstName: 'Hans', lastName: 'Strauß', dateOfBirth: '1960-02-29', mrn: 'C-2' },
      'review',
      4,
    );
    await signInWithKeyboard(page, coordinator, '/intake');

    await page.getByRole('checkbox', { name: 'Select every draft' }).click();
    await page.getByRole('button', { name: 'Discard selected (2)' }).click();
    await page.getByRole('button', { name: 'Keep them' }).click();
    await expect(draftRow(page, 'C-1')).toHaveCount(1);
    await expect(draftRow(page, 'C-2')).toHaveCount(1);

    await page.getByRole('button', { name: 'Discard selected (2)' }).click();
    await page.getByRole('button', { name: 'Discard 2 drafts' }).click();
    await expect(page.getByText('No drafts.')).toBeVisible();
  });
});
