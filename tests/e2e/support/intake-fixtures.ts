// Helpers for the intake and case end-to-end tests: keyboard-only movement, signing in through
// the real form, and cases seeded straight into the e2e database with the real rules.
import { expect, type Locator, type Page } from '@playwright/test';

import { isUrgentFlag } from '@/lib/cases/recommendation-view';
import { searchKey } from '@/lib/cases/search-key';
import { makeIntakeSchema, type Intake } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

import { withDb, type SeededStaff } from './staff';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Signs in through the sign-in page with the keyboard, landing on `path`. */
export async function signInWithKeyboard(page: Page, staff: SeededStaff, path: string): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(staff.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(staff.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(path)}$`));
}

/** True when `target` (or, for a radio group's fieldset, one of its radios) has focus. */
async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element) =>
      element === document.activeElement ||
      (element.tagName === 'FIELDSET' && element.contains(document.activeElement)),
  );
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus — what a keyboard user does. Fails if it
 * is not reached within `max` presses, so a broken tab order fails the test.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  const max = options.max ?? 60;
  for (let presses = 0; presses <= max; presses += 1) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${target} with ${max} presses of ${options.backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Tabs to a text field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/**
 * Chooses an answer in a radio group (a fieldset with a legend) by keyboard: Tab into the group,
 * then arrow keys until the wanted option is checked (Space when it is the first).
 */
export async function chooseWithKeyboard(page: Page, group: Locator, optionLabel: string | RegExp): Promise<void> {
  await tabTo(page, group);
  const option = group.getByRole('radio', { name: optionLabel, exact: typeof optionLabel === 'string' });
  const count = await group.getByRole('radio').count();
  for (let presses = 0; presses <= count; presses += 1) {
    if (await option.isChecked()) break;
    if (await hasFocus(option)) await page.keyboard.press('Space');
    else await page.keyboard.press('ArrowDown');
  }
  await expect(option).toBeChecked();
}

/** The question's radio group, found by its legend. */
export function question(page: Page, legend: string | RegExp): Locator {
  return page.getByRole('group', { name: legend });
}

/** Moves to the next section with the keyboard and waits for its heading to take focus. */
export async function nextSection(page: Page, title: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: `Next: ${title}` }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: new RegExp(`^\\d\\. ${escapeRegExp(title)}$`) }),
  ).toBeFocused();
}

/** A case written straight to the database, with the recommendation the real rules compute. */
export async function seedCase(createdBy: SeededStaff, intakeJson: unknown): Promise<{ id: string; intake: Intake }> {
  const intake = makeIntakeSchema().parse(intakeJson);
  const recommendation = recommendPlacement(intake);
  const { patient } = intake;
  const { rows } = await withDb((client) =>
    client.query<{ id: string }>(
      `INSERT INTO "Case" (id, "updatedAt", "createdById", "patientFirstName", "patientLastName", "patientDateOfBirth", "patientMrn",
         "patientFirstNameKey", "patientLastNameKey", "patientMrnKey", intake, recommendation, "rulesVersion",
         "computedLevel", "computedWm", "finalLevel", "finalWm", flags, urgent)
       VALUES (gen_random_uuid(), now(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12, $13, $14, $15) RETURNING id`,
      [
        createdBy.id,
        patient.firstName,
        patient.lastName,
        patient.dateOfBirth,
        patient.mrn ?? null,
        searchKey(patient.firstName),
        searchKey(patient.lastName),
        patient.mrn === undefined ? null : searchKey(patient.mrn),
        JSON.stringify(intake),
        JSON.stringify(recommendation),
        recommendation.rulesVersion,
        recommendation.treatmentLevel,
        recommendation.withdrawalManagement,
        [...recommendation.flags],
        recommendation.flags.some((flag) => isUrgentFlag(flag)),
      ],
    ),
  );
  const id = rows[0]!.id;
  // Its first assessment, as createCase writes it (the case page lists assessments).
  await withDb((client) =>
    client.query(
      `INSERT INTO "CaseAssessment" (id, "caseId", sequence, at, "byId", intake, recommendation, "rulesVersion",
         "computedLevel", "computedWm", "finalLevel", "finalWm", flags)
       SELECT gen_random_uuid(), c.id, 1, c."createdAt", c."createdById", c.intake, c.recommendation, c."rulesVersion",
         c."computedLevel", c."computedWm", c."computedLevel", c."computedWm", c.flags FROM "Case" c WHERE c.id = $1`,
      [id],
    ),
  );
  return { id, intake };
}

/** Need-to-know (lib/cases/access.ts): makes `staff` the case's assignee, so they may open it. */
export async function assignCase(caseId: string, staff: SeededStaff): Promise<void> {
  await withDb((client) => client.query('UPDATE "Case" SET "assignedToId" = $1 WHERE id = $2', [staff.id, caseId]));
}
