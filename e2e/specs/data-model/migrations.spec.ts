import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';

/**
 * What Twenty's settings cannot do, done as migrations on a second workspace: a text field turned
 * into a number (preview of what converts, values copied, the field swapped) and a select option
 * merged into another (its records move instead of being blanked).
 */
const REMOTE = 'Staging';

test('change a field type and merge select options without losing the values', async ({
  page,
  remoteWorkspace,
}) => {
  test.setTimeout(180_000);
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${remoteWorkspace.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        authorization: `Bearer ${remoteWorkspace.apiKey}`,
        'content-type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await response.json()) as any;
    expect(response.ok, JSON.stringify(json)).toBe(true);
    return json;
  };
  const metadata = (query: string, variables: unknown) =>
    api('/metadata', { query, variables }).then((json) => {
      expect(json.errors).toBeUndefined();
      return json.data;
    });

  // The workspace as an admin finds it: a text "Tier" and a select "Stage" on companies.
  const objects = await metadata(
    `{ objects(paging: { first: 200 }) { edges { node { id nameSingular } } } }`,
    {},
  );
  const company = objects.objects.edges.find((e: any) => e.node.nameSingular === 'company').node;
  const createField = `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`;
  await metadata(createField, {
    input: { field: { objectMetadataId: company.id, type: 'TEXT', name: 'tier', label: 'Tier' } },
  });
  await metadata(createField, {
    input: {
      field: {
        objectMetadataId: company.id,
        type: 'SELECT',
        name: 'stage',
        label: 'Stage',
        options: ['Lead', 'Prospect', 'Client'].map((label, position) => ({
          label,
          value: label.toUpperCase(),
          color: 'blue',
          position,
        })),
      },
    },
  });
  const rows = [
    { name: 'Acme migrations', tier: '3', stage: 'LEAD' },
    { name: 'Globex migrations', tier: 'gold', stage: 'PROSPECT' },
    { name: 'Initech migrations', tier: '12', stage: 'CLIENT' },
  ];
  const ids: string[] = [];
  for (const row of rows) ids.push((await api('/rest/companies', row)).data.createCompany.id);

  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.add({
    name: REMOTE,
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });
  await connections.shell.switchWithMenu(REMOTE);
  await connections.shell.goByShortcut('Data model');
  const companyNode = page
    .getByTestId('object-node')
    .and(page.getByLabel('Company', { exact: true }));
  await expect(companyNode).toBeVisible({ timeout: 45_000 });
  const editor = page.getByRole('complementary', { name: 'Editor' });
  const openField = async (label: string) => {
    await companyNode.locator('header').click();
    await editor.getByRole('list', { name: 'Fields' }).getByText(label, { exact: true }).click();
  };

  await openField('Tier');
  await editor.getByRole('button', { name: 'Change type…' }).click();
  const typeDialog = page.getByRole('dialog', { name: 'Change the type of Tier' });
  await typeDialog.getByLabel('New type').selectOption('NUMBER');
  const preview = typeDialog.getByTestId('type-preview');
  await expect(preview).toContainText('1 lost', { timeout: 30_000 });
  await expect(preview).toContainText('"gold"');
  await typeDialog.getByRole('button', { name: 'Change type in draft' }).click();

  await openField('Stage');
  await editor.getByLabel('Merge Prospect into').selectOption({ label: 'into Lead' });
  await expect(editor.getByLabel('Label of option 2')).toHaveValue('Client');

  await page.getByRole('button', { name: 'Review plan' }).click();
  const review = page.getByRole('dialog', { name: `Change plan for ${REMOTE}` });
  const steps = review.getByTestId('plan-step');
  await expect(steps.filter({ hasText: 'copyFieldValues' })).toHaveCount(1, { timeout: 30_000 });
  await expect(steps.filter({ hasText: 'moveOptionValues' })).toHaveCount(1);
  await expect(review.getByText(/3 of \d+ record\(s\) hold a value here/).first()).toBeVisible();
  await review.getByRole('checkbox', { name: /I understand/ }).check();
  await review.getByRole('button', { name: /^Apply \d+ operation/ }).click();
  await expect(review.getByTestId('apply-report')).toHaveText(/Applied all/, { timeout: 120_000 });

  const after = await Promise.all(ids.map((id) => api(`/rest/companies/${id}`)));
  expect(after.map((json) => json.data.company.tier)).toEqual([3, null, 12]);
  expect(after.map((json) => json.data.company.stage)).toEqual(['LEAD', 'LEAD', 'CLIENT']);
});
