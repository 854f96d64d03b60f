import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../../fixtures/test';
import { setQuery, openPlaygroundOn } from '../../pages/playground-page';

/**
 * Twenty's global search from the playground, as an admin tries it before wiring a search box:
 * completion knows `search`, the answer ranks records of several objects, and the table shows them.
 */
test('run Twenty’s global search in the playground', async ({ page, remoteWorkspace }) => {
  test.setTimeout(180_000);
  await openPlaygroundOn(page, {
    name: 'Search',
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });
  await expect(page.getByText('Reading the schema…')).toHaveCount(0, { timeout: 30_000 });
  await setQuery(
    page,
    'query Find {\n  search(searchInput: "aurora", limit: 10) {\n    edges {\n      node {\n        objectLabelSingular\n        label\n        imageUrl\n        tsRankCD\n      }\n    }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n',
  );
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0, { timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('result-status')).toHaveText('200', { timeout: 30_000 });
  await page.getByRole('button', { name: /^Table/ }).click();
  await expect(page.getByRole('columnheader', { name: 'label', exact: true })).toBeVisible();
  // The company named Aurora ranks first; people whose e-mail domain is the company's follow.
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('Aurora Grid Energy');
  await expect(firstRow).toContainText('Company');
  await expect(page.getByRole('row').filter({ hasText: 'Person' }).first()).toBeVisible();
  const screenshots = join(test.info().project.outputDir, 'screenshots', 'playground');
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'global-search.png') });
});
