import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';
import { clickWord, setQuery } from '../../pages/playground-page';

/**
 * The help around a query: the schema docs opened at what is under the cursor (F12), searched
 * and used to insert a field; and the warning before a run the rate limit would hold back.
 */
const shots = join('test-results', 'screenshots', 'schema-docs');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

const QUERY = `query Companies {
  companies(first: 3) {
    edges {
      node {
        id
        domainName { primaryLinkUrl }
      }
    }
  }
}`;

const openPlayground = async (page: Page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const connections = new ConnectionsPage(page);
  await connections.shell.goByShortcut('Query playground');
  await expect(page.getByTestId('editor-graphql')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('Reading the schema…')).toHaveCount(0, { timeout: 30_000 });
  return connections;
};

test('F12 opens the schema docs at the field under the cursor; search and insert', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  // Hover docs from the workspace's schema, on the starter query.
  await expect(async () => {
    await page
      .getByTestId('editor-graphql')
      .first()
      .locator('.view-line span', { hasText: /^domainName$/ })
      .first()
      .hover();
    await expect(page.getByText('Company.domainName: Links')).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  await setQuery(page, QUERY);

  await clickWord(page, 'domainName');
  await page.keyboard.press('F12');
  const docs = page.getByRole('complementary', { name: 'Schema' });
  await expect(docs).toBeVisible();
  await expect(docs.getByRole('listitem', { name: 'domainName' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await shot(page, '1-f12-domainName');

  // Search any name of the workspace's schema and open it.
  await docs.getByRole('combobox', { name: 'Search the schema' }).fill('createCompany');
  await docs
    .getByRole('option', { name: /createCompany/ })
    .first()
    .click();
  await expect(docs.getByRole('listitem', { name: 'createCompany' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // Insert a root field into an empty editor: a whole operation that runs.
  await setQuery(page, '# empty');
  const editor = page.getByTestId('editor-graphql').first();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await docs.getByRole('button', { name: 'Schema', exact: true }).click();
  await docs
    .getByRole('listitem', { name: 'Object Company' })
    .getByRole('button', { name: 'Insert companies' })
    .click();
  await expect(editor).toContainText('query {');
  await expect(editor).toContainText('companies(first: 10)');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('result-status')).toHaveText('200', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^Table \(\d+\)/ })).toBeVisible();
  await shot(page, '2-inserted-and-run');
});

test('a run the rate limit would hold back asks first', async ({ page, remoteWorkspace }) => {
  test.setTimeout(120_000);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.fillAddForm({
    name: 'Slow',
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });
  const dialog = connections.addDialog;
  await dialog.getByText('Rate limit').click();
  await dialog.getByLabel('Long window requests').fill('2');
  await connections.submitAdd();
  await expect(connections.card('Slow')).toBeVisible();
  await connections.shell.switchWithMenu('Slow');
  await openPlayground(page);
  await setQuery(page, QUERY);

  const run = page.getByRole('button', { name: 'Run', exact: true });
  const meter = page.getByTestId('rate-meter');
  // The connection test and the schema reads spent some; run until the minute window is empty.
  for (let i = 0; i < 3; i += 1) {
    if (/0\/2 per 1 min/.test((await meter.textContent()) ?? '')) break;
    await run.click();
    await expect(run).toHaveText(/Run$/, { timeout: 30_000 });
  }
  await expect(meter).toContainText('0/2 per 1 min', { timeout: 10_000 });
  await run.click();
  const warning = page.getByRole('dialog', { name: "This run would go over Slow's rate limit" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('none is left of 2 per 1 min');
  await shot(page, '3-rate-limit-warning');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toBeHidden();
  await expect(meter).toContainText('0/2 per 1 min');
});
