import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { expect, test } from '../../fixtures/test';
import { ShellPage } from '../../pages/shell-page';

/**
 * The schema as a file, as an admin copies a model between workspaces: export the local
 * workspace's model, edit the file, compare the workspace with the file, turn the difference into
 * a draft, apply its plan, and find the file's change in the workspace.
 */
test('export, edit, compare and apply a schema file', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  await shell.goByShortcut('Data model');
  const company = page.getByTestId('object-node').and(page.getByLabel('Company', { exact: true }));
  await expect(company).toBeVisible({ timeout: 45_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'YAML' }).click();
  const file = join(test.info().outputDir, 'local.schema.yaml');
  await (await download).saveAs(file);
  const exported = parse(await readFile(file, 'utf8')) as {
    format: string;
    objects: Array<{ nameSingular: string; standard?: true; fields: unknown[] }>;
  };
  expect(exported.format).toBe('atelier.schema');

  // The admin adds a custom field to Company in the file.
  const edited = structuredClone(exported);
  let host = edited.objects.find((object) => object.nameSingular === 'company');
  if (!host) edited.objects.push((host = { nameSingular: 'company', standard: true, fields: [] }));
  host.fields.push({ name: 'accountTier', label: 'Account tier', type: 'TEXT' });
  const editedFile = join(test.info().outputDir, 'edited.schema.yaml');
  await writeFile(editedFile, stringify(edited));

  await page.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare schemas' });
  await compare.getByLabel('From (changes apply here)').selectOption({ label: 'Local workspace' });
  const chooser = page.waitForEvent('filechooser');
  await compare.getByLabel('To (the model wanted)').selectOption('__file__');
  await (await chooser).setFiles(editedFile);
  const result = compare.getByTestId('compare-result');
  await expect(result).toContainText('1 change(s)');
  await expect(result).toContainText('+ field company.accountTier (TEXT)');
  await compare.getByRole('button', { name: /Make these changes a draft on/ }).click();

  await expect(page.getByTestId('draft-count')).toHaveText('1 change(s) in draft');
  await page.getByRole('button', { name: 'Review plan' }).click();
  const review = page.getByRole('dialog', { name: /Change plan for/ });
  await expect(review.getByTestId('plan-step')).toHaveCount(1, { timeout: 30_000 });
  await expect(review.getByTestId('plan-step')).toContainText(
    'Create TEXT field accountTier on company',
  );
  await review.getByRole('button', { name: 'Apply 1 operation(s)' }).click();
  await expect(review.getByTestId('apply-report')).toHaveText('Applied all 1 operation(s).', {
    timeout: 60_000,
  });
  await review.getByRole('button', { name: 'Close' }).click();

  // The workspace now matches the file.
  await page.getByRole('button', { name: 'Compare…' }).click();
  await compare.getByLabel('From (changes apply here)').selectOption({ label: 'Local workspace' });
  const again = page.waitForEvent('filechooser');
  await compare.getByLabel('To (the model wanted)').selectOption('__file__');
  await (await again).setFiles(editedFile);
  await expect(compare.getByTestId('compare-result')).toContainText('have the same custom model');
});
