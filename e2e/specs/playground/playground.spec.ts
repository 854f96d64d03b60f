import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../../fixtures/test';
import { setQuery, openPlaygroundOn } from '../../pages/playground-page';

/**
 * The query playground as an admin uses it on a second workspace: completion offers a custom
 * field created a moment ago (after the schema is read again), a query runs and its records show
 * as a table, Twenty's error shows with its code and place, and a mutation there asks first.
 */
const REMOTE = 'Production';

test('complete, run and read errors in the playground', async ({ page, remoteWorkspace }) => {
  test.setTimeout(180_000);
  const connections = await openPlaygroundOn(page, {
    name: REMOTE,
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });
  await expect(page.getByText('Reading the schema…')).toHaveCount(0, { timeout: 30_000 });

  // A custom field created on the workspace a moment ago, outside the app.
  const api = async (body: unknown) => {
    const response = await fetch(`${remoteWorkspace.url}/metadata`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${remoteWorkspace.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as any;
    expect(json.errors, JSON.stringify(json.errors)).toBeUndefined();
    return json.data;
  };
  const objects = await api({
    query: '{ objects(paging: { first: 200 }) { edges { node { id nameSingular } } } }',
  });
  const company = objects.objects.edges.find((e: any) => e.node.nameSingular === 'company').node;
  await api({
    query:
      'mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }',
    variables: {
      input: {
        field: {
          objectMetadataId: company.id,
          type: 'TEXT',
          name: 'loyaltyTier',
          label: 'Loyalty tier',
        },
      },
    },
  });
  await page.getByRole('button', { name: 'Read the schema again' }).click();

  await setQuery(
    page,
    'query Loyal {\n  companies(first: 5) {\n    edges {\n      node {\n        name\n        loyal\n      }\n    }\n  }\n}\n',
  );
  // The cursor after "loyal", then completion.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let line = 0; line < 5; line++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.monaco-editor .suggest-widget');
  await expect(suggestions.getByText('loyaltyTier')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-graphql').first()).toContainText('loyaltyTier');
  // Validated against the schema read again: the new field is no error.
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0, { timeout: 10_000 });

  await page.keyboard.press('ControlOrMeta+Enter');
  const status = page.getByTestId('result-status');
  await expect(status).toHaveText('200', { timeout: 30_000 });
  await page.getByRole('button', { name: /^Table/ }).click();
  await expect(page.getByRole('columnheader', { name: 'loyaltyTier' })).toBeVisible();
  await expect(page.getByTestId('rate-meter')).toContainText('/100 per 1 s');
  const screenshots = join(test.info().project.outputDir, 'screenshots');
  await mkdir(screenshots, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(screenshots, `${colorScheme}-playground.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Saved as a file; renamed in the workspace, the saved query is flagged once the schema is read.
  await page.getByLabel('Query name').fill('Loyal companies');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = page.getByRole('list', { name: 'Saved queries' });
  await expect(saved.getByText('Loyal companies')).toBeVisible();
  const loyalty = (
    await api({
      query: `{ objects(paging: { first: 200 }) { edges { node { nameSingular fieldsList { id name } } } } }`,
    })
  ).objects.edges
    .find((e: any) => e.node.nameSingular === 'company')
    .node.fieldsList.find((f: any) => f.name === 'loyaltyTier');
  await api({
    query:
      'mutation($id: UUID!) { updateOneField(input: { id: $id, update: { name: "loyaltyLevel", label: "Loyalty level" } }) { id } }',
    variables: { id: loyalty.id },
  });
  await page.getByRole('button', { name: 'Read the schema again' }).click();
  await expect(saved.getByRole('note')).toHaveText(
    'Cannot query field "loyaltyTier" on type "Company". Did you mean "loyaltyLevel"?',
    { timeout: 15_000 },
  );
  await page.screenshot({ path: join(screenshots, 'light-playground-saved.png') });

  // A REST list built as a URL returns the same records as its GraphQL twin.
  await page.getByRole('button', { name: 'New query tab' }).click();
  await page.getByRole('button', { name: 'REST', exact: true }).click();
  await page
    .getByLabel('Path')
    .fill('/companies?filter=name[like]:%25a%25&order_by=name[AscNullsFirst]&limit=20');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(status).toHaveText('200', { timeout: 30_000 });
  const restCount = await page.getByRole('button', { name: /^Table/ }).textContent();
  expect(restCount).toMatch(/Table \((\d+)\)/);
  await page.getByLabel('Copy as').selectOption('graphql');
  await expect(page.getByTestId('editor-graphql').first()).toContainText('CompanyList');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByRole('button', { name: /^Table/ })).toHaveText(restCount!, {
    timeout: 30_000,
  });
  // And back: the GraphQL query's REST twin, in a tab of its own, lists the same records.
  await page.getByLabel('Copy as').selectOption('rest');
  await expect(page.getByLabel('Path')).toHaveValue(/^\/companies\?filter=/);
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.getByRole('button', { name: /^Table/ })).toHaveText(restCount!, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'GraphQL', exact: true }).click();

  // Twenty's error: its code, its message, and a link to the place in the query.
  await setQuery(page, '{\n  companies {\n    edges { node { nope } }\n  }\n}\n');
  await page.getByRole('button', { name: /^Run/ }).click();
  const errors = page.getByRole('list', { name: 'Errors' });
  await expect(errors).toContainText('GRAPHQL_VALIDATION_FAILED');
  await expect(errors).toContainText('Cannot query field "nope" on type "Company".');
  await expect(errors.getByRole('button', { name: 'line 3, column 20' })).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'light-playground-error.png') });

  // A mutation on a workspace other than the local one asks first, naming it.
  await setQuery(page, 'mutation { createCompany(data: { name: "Asked first" }) { id } }');
  await page.getByRole('button', { name: /^Run/ }).click();
  const confirm = page.getByRole('dialog', { name: `Change data in ${REMOTE}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: `Run on ${REMOTE}` }).click();
  await expect(status).toHaveText('200', { timeout: 30_000 });
  await expect(page.getByTestId('result-meta')).toBeVisible();

  // Read-only in Atelier: set in the connection's dialog, writes are refused (main checks it first).
  await connections.open();
  await connections.card(REMOTE).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${REMOTE}` });
  await edit.getByLabel('Read-only in Atelier', { exact: false }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await connections.shell.goByShortcut('Query playground');
  await expect(page.getByText('read-only', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Run/ }).click();
  // Refused at once: there is nothing to confirm.
  await expect(page.locator('.run-failure')).toHaveText(
    `Not sent: "${REMOTE}" is read-only in Atelier: turn read-only off in Connections to change data there`,
  );
  await page.screenshot({ path: join(screenshots, 'light-playground-read-only.png') });
});
