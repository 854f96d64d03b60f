import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { ShellPage } from '../../pages/shell-page';

/**
 * Many-to-many the way Twenty models it, made in one step: a junction object with a many-to-one
 * to each side, and each side's new field set to list the other side's records (Twenty's
 * junction setting), planned, applied and read back from the local workspace.
 */
const node = (page: Page, label: string) =>
  page.getByTestId('object-node').and(page.getByLabel(label, { exact: true }));

const panel = (page: Page) => page.getByRole('complementary', { name: 'Editor' });

const openJunctionField = async (page: Page, label: string) => {
  await node(page, 'Company contact').locator('header').click();
  await panel(page).getByRole('list', { name: 'Fields' }).getByText(label, { exact: true }).click();
};

test('a many-to-many between two objects in one step, shown as one on both sides', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  await shell.goByShortcut('Data model');
  await expect(node(page, 'Company')).toBeVisible({ timeout: 45_000 });

  await node(page, 'Company').locator('header').click();
  await panel(page).getByRole('button', { name: 'Add relation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New relation from Company' });
  await dialog.getByLabel('To object').selectOption('person');
  await dialog.getByLabel('Kind').selectOption('MANY_TO_MANY');
  await dialog.getByLabel('Junction object').fill('Company contact');
  await dialog.getByRole('button', { name: 'Add to draft' }).click();

  await expect(node(page, 'Company contact')).toHaveAttribute('data-mark', 'added');
  await openJunctionField(page, 'Company');
  const lists = panel(page).getByLabel('Company contacts on company lists');
  await expect(lists).toHaveValue('person');
  await expect(lists.locator('option:checked')).toHaveText(
    'person records through Person (many-to-many)',
  );

  await page.getByRole('button', { name: 'Review plan' }).click();
  const review = page.getByRole('dialog', { name: /Change plan for/ });
  const steps = review.getByTestId('plan-step');
  await expect(steps.first()).toBeVisible({ timeout: 30_000 });
  // The junction, its two relations, then each side linked once both relations exist.
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(3)).toContainText('as many-to-many through');
  await expect(steps.nth(4)).toContainText('as many-to-many through');
  await review.getByRole('button', { name: /^Apply \d+ operation/ }).click();
  await expect(review.getByTestId('apply-report')).toHaveText(/Applied all 5 operation/, {
    timeout: 120_000,
  });
  await review.getByRole('button', { name: 'Close' }).click();

  // Read back from the workspace: the link is Twenty's setting, not the draft's memory.
  await page.reload();
  await shell.goByShortcut('Data model');
  await expect(node(page, 'Company contact')).toBeVisible({ timeout: 45_000 });
  await expect(node(page, 'Company contact')).not.toHaveAttribute('data-mark', /.+/);
  await openJunctionField(page, 'Person');
  await expect(panel(page).getByLabel('Company contacts on person lists')).toHaveValue('company');
  await page.screenshot({
    path: join(test.info().project.outputDir, 'screenshots', 'light-many-to-many.png'),
  });

  // Unlinking one side is a one-step plan.
  await panel(page).getByLabel('Company contacts on person lists').selectOption('');
  await page.getByRole('button', { name: 'Review plan' }).click();
  await expect(steps).toHaveCount(1, { timeout: 30_000 });
  await expect(steps.first()).toContainText('as the plain list of companyContact records again');
});
