import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../../fixtures/test';
import { stableBox } from '../../pages/geometry';
import { ShellPage } from '../../pages/shell-page';

test('the diagram shows the model, finds objects, switches names and keeps dragged positions', async ({
  page,
}) => {
  const shell = new ShellPage(page);
  await shell.goByShortcut('Data model');
  const node = (label: string) => page.getByTestId('object-node').and(page.getByLabel(label));
  await expect(node('Person')).toBeVisible({ timeout: 45_000 });
  await expect(node('Company')).toBeVisible();
  await expect(page.getByText(/\d+ objects · \d+ relations/)).toBeVisible();

  // A filter that adds objects refits the view so they are all on screen.
  const counts = page.getByText(/\d+ objects · \d+ relations/);
  const before = await counts.textContent();
  await page.getByLabel('Show system').check();
  await expect(counts).not.toHaveText(before!);
  await expect(node('Attachment')).toBeInViewport({ timeout: 10_000 });
  await page.getByLabel('Show system').uncheck();
  await expect(counts).toHaveText(before!);

  await page.getByRole('button', { name: 'API names' }).click();
  await expect(node('Person').locator('header')).toHaveText('person');
  await page.getByRole('button', { name: 'Labels' }).click();
  await expect(node('Person').locator('header')).toHaveText('Person');

  await page.getByLabel('Find an object').fill('Company');
  await page.getByLabel('Find an object').press('Enter');
  await expect(node('Company')).toHaveAttribute('data-highlighted', 'true');
  await page.getByLabel('Find an object').fill('pers');
  await page.getByLabel('Find an object').press('Enter');
  await expect(node('Person')).toHaveAttribute('data-highlighted', 'true');
  await expect(node('Company')).toHaveAttribute('data-highlighted', 'false');

  // Drag Person somewhere else; after a reload it is where it was left, not where ELK puts it.
  const wrapper = (label: string) => page.locator('.react-flow__node').filter({ has: node(label) });
  const transform = (label: string) =>
    wrapper(label).evaluate((el) => (el as HTMLElement).style.transform);
  const laidOut = await transform('Person');
  const box = await stableBox(node('Person').locator('header'));
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 130, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => transform('Person')).not.toBe(laidOut);
  const dragged = await transform('Person');
  await page.reload();
  await shell.goByShortcut('Data model');
  await expect(node('Person')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => transform('Person')).toBe(dragged);

  const SCREENSHOTS = join(test.info().project.outputDir, 'screenshots');
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${colorScheme}-data-model.png`) });
  }
});
