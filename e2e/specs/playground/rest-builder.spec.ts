import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { openPlaygroundOn } from '../../pages/playground-page';

/**
 * The REST builder as an admin uses it on a second workspace: a filter and a sort composed with
 * completion (a wrong value flagged as typed, then fixed), run, and its GraphQL twin finding the
 * same records; then the same list read two records at a time, forward and back, in REST and in
 * the twin; and a create body checked against the object's fields.
 */
const REMOTE = 'Production';
const FILTER = 'annualRevenue.amountMicros[gte]:10000000000000';
const ORDER = 'name[AscNullsFirst]';

/** Accepts the suggestion labelled `label` in the open suggestion list (arrows, then Enter). */
const accept = async (page: Page, label: string) => {
  const widget = page.locator('.suggest-widget.visible');
  await expect(widget.locator('.monaco-list-row', { hasText: label }).first()).toBeVisible({
    timeout: 10_000,
  });
  for (let step = 0; step < 30; step++) {
    const focused = (
      await widget.locator('.monaco-list-row.focused .label-name').textContent()
    )?.trim();
    if (focused === label) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(widget.locator('.monaco-list-row.focused .label-name')).toHaveText(label);
  await page.keyboard.press('Enter');
};

/** The ids of the records the result table shows, top to bottom. */
const tableIds = async (page: Page): Promise<string[]> => {
  const table = page.getByRole('table', { name: 'Records' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.indexOf('id');
  expect(index, 'an id column').toBeGreaterThanOrEqual(0);
  return table
    .locator('.record-row:not(.head)')
    .evaluateAll(
      (rows, column) => rows.map((row) => row.children[column]?.textContent ?? ''),
      index,
    );
};

const showTable = async (page: Page) => {
  await page.getByRole('button', { name: /^Table/ }).click();
  await expect(page.getByRole('table', { name: 'Records' })).toBeVisible();
};

/** A query line's text (a long one wraps over several view lines). */
const lineText = (line: Locator) => line.locator('.view-lines');

test('build a REST filter with completion, run it and its GraphQL twin, page through', async ({
  page,
  remoteWorkspace,
}) => {
  test.setTimeout(180_000);
  const screenshots = join(test.info().project.outputDir, 'screenshots');
  await mkdir(screenshots, { recursive: true });
  const shoot = async (name: string) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(screenshots, `${colorScheme}-${name}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  // What the workspace holds, asked directly: the filtered list in order, and how many in all.
  const restDirect = async (path: string) => {
    const response = await fetch(`${remoteWorkspace.url}/rest${path}`, {
      headers: { authorization: `Bearer ${remoteWorkspace.apiKey}` },
    });
    return (await response.json()) as any;
  };
  const expected: string[] = (
    await restDirect(
      `/companies?filter=${encodeURIComponent(FILTER)}&order_by=${encodeURIComponent(ORDER)}`,
    )
  ).data.companies.map((company: any) => company.id);
  const all = (await restDirect('/companies?limit=1')).totalCount as number;
  expect(expected.length).toBeGreaterThanOrEqual(5);
  expect(expected.length).toBeLessThan(all);

  await openPlaygroundOn(page, {
    name: REMOTE,
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });

  await page.getByRole('button', { name: 'New query tab' }).click();
  await page.getByLabel('Query name').fill('Big companies');
  await page.getByRole('button', { name: 'REST', exact: true }).click();
  const builder = page.getByRole('region', { name: 'REST builder' });
  // Completion starts once the workspace's model is read (the object then shows its label).
  await expect(builder.getByLabel('Object').locator('option:checked')).toHaveText(
    'Companies (/companies)',
    { timeout: 30_000 },
  );
  await expect(builder.getByLabel('Operation')).toHaveValue('findMany');
  // The starter path's limit, read back into the builder.
  await expect(builder.getByLabel('Limit')).toHaveValue('10');
  await builder.getByLabel('Limit').fill('');

  // The filter: a partial field name, its sub-field, a comparator, all picked from suggestions.
  const filter = page.getByTestId('query-line-filter');
  await filter.click();
  await page.keyboard.type('annu');
  await accept(page, 'annualRevenue');
  await accept(page, 'amountMicros');
  await page.keyboard.type('gt');
  await accept(page, 'gte');
  await page.keyboard.type('lots');
  await expect(lineText(filter)).toHaveText('annualRevenue.amountMicros[gte]:lots');
  const problems = builder.getByRole('list', { name: 'Filter problems' });
  await expect(problems).toHaveText("'lots' is not a number");
  await expect(filter.locator('.squiggly-error')).toBeVisible();
  await shoot('rest-builder-problem');
  for (let i = 0; i < 'lots'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('10000000000000');
  await expect(problems).toHaveCount(0);
  await expect(filter.locator('.squiggly-error')).toHaveCount(0);

  // The sort: a field, then `[` opens the directions.
  const order = page.getByTestId('query-line-orderBy');
  await order.click();
  await page.keyboard.type('na');
  await accept(page, 'name');
  await page.keyboard.type('[');
  await accept(page, 'AscNullsFirst');
  await expect(lineText(order)).toHaveText(ORDER);
  await shoot('rest-builder-completion');

  // The builder wrote the request line.
  const path = page.getByLabel('Path');
  await expect(path).toHaveValue(
    `/companies?filter=${FILTER.replace(/\[/g, '%5B').replace(/\]/g, '%5D')}&order_by=${ORDER.replace('[', '%5B').replace(']', '%5D')}`,
  );

  await page.keyboard.press('ControlOrMeta+Enter');
  const status = page.getByTestId('result-status');
  await expect(status).toHaveText('200', { timeout: 30_000 });
  await expect(page.getByTestId('page-position')).toHaveText(
    `Page 1 · records 1–${expected.length} of ${expected.length}`,
  );
  await showTable(page);
  expect(await tableIds(page)).toEqual(expected);

  // Its GraphQL twin, in a tab of its own, finds the same records in the same order.
  await page.getByLabel('Copy as').selectOption('graphql');
  await expect(page.getByTestId('editor-graphql').first()).toContainText('CompanyList');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(status).toHaveText('200', { timeout: 30_000 });
  await showTable(page);
  expect(await tableIds(page)).toEqual(expected);

  // Two at a time: the path line edited by hand is read back into the builder.
  await page.getByRole('tab', { name: 'Big companies', exact: true }).click();
  await path.fill(`${await path.inputValue()}&limit=3`);
  await expect(builder.getByLabel('Limit')).toHaveValue('3');
  await builder.getByLabel('Limit').fill('2');
  await expect(path).toHaveValue(/&limit=2$/);
  await page.getByRole('button', { name: /^Run/ }).click();
  const position = page.getByTestId('page-position');
  const total = expected.length;
  await expect(position).toHaveText(`Page 1 · records 1–2 of ${total}`, { timeout: 30_000 });
  await showTable(page);
  expect(await tableIds(page)).toEqual(expected.slice(0, 2));
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Next page' }).click();
  await expect(position).toHaveText(`Page 2 · records 3–4 of ${total}`, { timeout: 30_000 });
  expect(await tableIds(page)).toEqual(expected.slice(2, 4));
  await shoot('rest-builder-page-2');
  await pages.getByRole('button', { name: 'Previous page' }).click();
  await expect(position).toHaveText(`Page 1 · records 1–2 of ${total}`, { timeout: 30_000 });
  expect(await tableIds(page)).toEqual(expected.slice(0, 2));
  // The request line is still the first page's: paging is a view over it.
  await expect(path).not.toHaveValue(/starting_after|ending_before/);

  // The twin pages too (it takes `$after`).
  await page.getByLabel('Copy as').selectOption('graphql');
  await expect(
    page.getByRole('tab', { name: 'Big companies (GraphQL)', exact: true }).nth(1),
  ).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(position).toHaveText(`Page 1 · records 1–2 of ${total}`, { timeout: 30_000 });
  await pages.getByRole('button', { name: 'Next page' }).click();
  await expect(position).toHaveText(`Page 2 · records 3–4 of ${total}`, { timeout: 30_000 });
  await showTable(page);
  expect(await tableIds(page)).toEqual(expected.slice(2, 4));

  // A create body is checked against the object's fields as it is typed.
  await page.getByRole('button', { name: 'New query tab' }).click();
  await page.getByRole('button', { name: 'REST', exact: true }).click();
  await builder.getByLabel('Operation').selectOption('createOne');
  await expect(page.getByLabel('Method')).toHaveValue('POST');
  await expect(path).toHaveValue('/companies');
  const body = page.getByTestId('editor-json').first();
  await body.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{ "name": "Acme", "nmae": "typo", "address": "Main St" ');
  await expect(body.locator('.squiggly-error')).toHaveCount(2, { timeout: 15_000 });
  await body.locator('.view-line span', { hasText: /^"nmae"$/ }).hover();
  await expect(
    page.locator('.monaco-hover').getByText('Property nmae is not allowed.'),
  ).toBeVisible();
  await shoot('rest-builder-body');
});
