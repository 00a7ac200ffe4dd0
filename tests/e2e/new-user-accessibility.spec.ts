// Issue 12 "Done when": an axe check on every intake section, the review, the case list and the
// case page reports no serious or critical violation. Sections are reached through the section
// list (whatever sections the form has), so a section added later is checked too.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';

import { seedCase, signInWithKeyboard } from './support/intake-fixtures';
import { seedStaff } from './support/staff';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} node(s)`);
}

test('every intake section and the review have no serious or critical axe violation', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  await signInWithKeyboard(page, coordinator, '/intake/new');
  const sections = page.getByRole('navigation', { name: 'Intake sections' }).getByRole('button');
  await expect(sections.first()).toBeVisible();
  const count = await sections.count();
  expect(count).toBeGreaterThan(3);

  const found: Record<string, string[]> = {};
  for (let index = 0; index < count; index += 1) {
    const button = sections.nth(index);
    const name = ((await button.textContent()) ?? `section ${index + 1}`).trim();
    await button.click();
    await expect(button).toHaveAttribute('aria-current', 'step');
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[name] = violations;
  }
  expect(found).toEqual({});
});

test('the case list and the case page have no serious or critical axe violation', async ({ page }) => {
  const coordinator = await seedStaff('INTAKE');
  const seeded = await seedCase(coordinator, klonopinDaily);
  await signInWithKeyboard(page, coordinator, '/cases');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/cases/${seeded.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
