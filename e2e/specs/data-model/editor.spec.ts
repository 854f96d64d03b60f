import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CREATABLE_FIELD_TYPES } from '../../../shared/domain/field-type-catalog';
import { expect, test } from '../../fixtures/test';
import { stableBox } from '../../pages/geometry';
import { ShellPage } from '../../pages/shell-page';

/**
 * The editor as an admin uses it on the local workspace: a new object with one field of every
 * type Twenty lets a user create, select options reordered by dragging, a relation drawn by
 * dragging from one object to another, the plan reviewed and applied, and all of it still there
 * after a reload (read back from the workspace, not from the draft).
 */
const node = (page: Page, label: string) =>
  page.getByTestId('object-node').and(page.getByLabel(label, { exact: true }));

const panel = (page: Page) => page.getByRole('complementary', { name: 'Editor' });

/** Opens a field of an object in the side panel, through the panel's field list. */
const openField = async (page: Page, object: string, label: string) => {
  await node(page, object).locator('header').click();
  await panel(page).getByRole('list', { name: 'Fields' }).getByText(label, { exact: true }).click();
};

const dragBy = async (page: Page, from: Locator, to: Locator) => {
  const a = await stableBox(from);
  const b = await stableBox(to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 6, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
};

test('design an object with every field type and a relation, review and apply the plan', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const shell = new ShellPage(page);
  await shell.goByShortcut('Data model');
  await expect(node(page, 'Company')).toBeVisible({ timeout: 45_000 });

  await mkdir(join(test.info().project.outputDir, 'screenshots'), { recursive: true });
  await page.getByRole('button', { name: 'New object' }).click();
  const editor = panel(page);
  await expect(editor.getByRole('heading', { name: 'New object' })).toBeVisible();
  await editor.getByLabel('Singular label').fill('Vendor');
  await editor.getByLabel('Plural label').fill('Vendors');
  await editor.getByLabel('Plural label').press('Enter');
  await expect(editor.getByLabel('API name (singular)')).toHaveValue('vendor');
  await expect(node(page, 'Vendor')).toHaveAttribute('data-mark', 'added');

  // Twenty's rules as typed: a reserved name is refused with Twenty's message.
  await editor.getByLabel('Sync API names with labels').uncheck();
  await editor.getByLabel('API name (singular)').fill('event');
  await expect(editor.getByText('This name is reserved.', { exact: false })).toBeVisible();
  // Kept in the draft, it blocks the review until it is fixed.
  await editor.getByLabel('API name (singular)').press('Enter');
  await expect(page.getByTestId('draft-problems')).toHaveText('1 problem(s)');
  await expect(page.getByRole('button', { name: 'Review plan' })).toBeDisabled();
  await page.screenshot({
    path: join(test.info().project.outputDir, 'screenshots', 'light-draft-problem.png'),
  });
  await editor.getByLabel('API name (singular)').fill('vendor');
  await editor.getByLabel('API name (singular)').press('Enter');
  await expect(page.getByTestId('draft-problems')).toHaveCount(0);
  await editor.getByLabel('Sync API names with labels').check();
  await expect(editor.getByRole('alert')).toHaveCount(0);

  // One field of each creatable type (relations come by dragging, below).
  const types = CREATABLE_FIELD_TYPES.filter((info) => info.type !== 'RELATION');
  for (const info of types) {
    await node(page, 'Vendor').locator('header').click();
    await editor.getByLabel('New field type').selectOption(info.type);
    await editor.getByLabel('New field label').fill(`My ${info.label}`);
    await editor.getByRole('button', { name: 'Add field' }).click();
    await expect(editor.getByRole('heading', { name: `My ${info.label}` })).toBeVisible();
  }

  // Type settings: decimals on the number, and options on the select, reordered by dragging.
  await openField(page, 'Vendor', 'My Number');
  await editor.getByLabel('Decimals').fill('2');
  await editor.getByLabel('Decimals').blur();
  await openField(page, 'Vendor', 'My Select');
  await editor.getByRole('button', { name: 'Add option' }).click();
  await editor.getByRole('button', { name: 'Add option' }).click();
  await editor.getByLabel('Label of option 3').fill('Gold tier');
  await editor.getByLabel('Label of option 3').blur();
  await expect(editor.getByLabel('API value of option 3')).toHaveValue('GOLD_TIER');
  await dragBy(
    page,
    editor.getByRole('button', { name: 'Move Gold tier', exact: true }),
    editor.getByRole('button', { name: 'Move Option 1', exact: true }),
  );
  await expect(editor.getByLabel('Label of option 1')).toHaveValue('Gold tier');

  // A relation drawn from Vendor to Company.
  const vendorHandle = page
    .locator('.react-flow__node')
    .filter({ has: node(page, 'Vendor') })
    .locator('.react-flow__handle.source');
  const companyHandle = page
    .locator('.react-flow__node')
    .filter({ has: node(page, 'Company') })
    .locator('.react-flow__handle.target');
  // The panel covers the right of the diagram: closed (and seen closed) before the drag.
  await expect(async () => {
    await page.getByRole('button', { name: 'Close the editor' }).click({ timeout: 2000 });
    await expect(panel(page)).toBeHidden({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole('button', { name: 'fit view' }).click();
  await dragBy(page, vendorHandle, companyHandle);
  const relation = page.getByRole('dialog', { name: 'New relation from Vendor' });
  await expect(relation).toBeVisible();
  await expect(relation.getByLabel('To object')).toHaveValue('company');
  await expect(relation.getByLabel('Field on Vendor')).toHaveValue('Company');
  await relation.getByRole('button', { name: 'Add to draft' }).click();
  await expect(node(page, 'Vendor').getByText('N:1 company')).toBeVisible();

  // Undo takes back the relation, redo brings it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Vendor').getByText('N:1 company')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(node(page, 'Vendor').getByText('N:1 company')).toBeVisible();

  const screenshots = join(test.info().project.outputDir, 'screenshots');
  await mkdir(screenshots, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(screenshots, `${colorScheme}-data-model-draft.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The draft survives a reload before it is applied.
  await page.reload();
  await shell.goByShortcut('Data model');
  await expect(node(page, 'Vendor')).toHaveAttribute('data-mark', 'added', { timeout: 45_000 });

  await page.getByRole('button', { name: 'Review plan' }).click();
  const review = page.getByRole('dialog', { name: /Change plan for/ });
  const steps = review.getByTestId('plan-step');
  await expect(steps.first()).toBeVisible({ timeout: 30_000 });
  // The object, its fields of every type and the relation: one operation each.
  await expect(steps).toHaveCount(1 + types.length + 1);
  await expect(steps.first()).toContainText('createOneObject');
  await review.screenshot({ path: join(screenshots, 'light-plan-review.png') });
  await review.getByRole('button', { name: /^Apply \d+ operation/ }).click();
  await expect(review.getByTestId('apply-report')).toHaveText(/Applied all \d+ operation/, {
    timeout: 120_000,
  });
  await review.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('draft-count')).toHaveText('No changes');

  // Read back from the workspace after a reload: no draft, every field there.
  await page.reload();
  await shell.goByShortcut('Data model');
  await expect(node(page, 'Vendor')).toBeVisible({ timeout: 45_000 });
  await expect(node(page, 'Vendor')).not.toHaveAttribute('data-mark', /.+/);
  await node(page, 'Vendor').locator('header').click();
  const fields = panel(page).getByRole('list', { name: 'Fields' });
  for (const info of types)
    await expect(fields.getByText(`My ${info.label}`, { exact: true })).toBeVisible();
  await expect(fields.locator('li[data-mark]')).toHaveCount(0);
  await expect(fields.getByText('Company', { exact: true })).toBeVisible();
  await openField(page, 'Vendor', 'My Select');
  await expect(panel(page).getByLabel('Label of option 1')).toHaveValue('Gold tier');
  await openField(page, 'Vendor', 'My Number');
  await expect(panel(page).getByLabel('Decimals')).toHaveValue('2');
});
