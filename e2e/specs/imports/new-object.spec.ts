import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCAL_WORKSPACE_ACCOUNT, readKeychain } from '../../fixtures/keychain';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';
import { ImportPage } from '../../pages/import-page';

/**
 * A file whose object does not exist yet: "New object from this file…" proposes Vendors with a
 * field per column typed from the values (1–5 under "Rating" as a rating), the admin fixes a
 * clash, reviews the data-model plan, creates the object, and the file is imported into
 * it with each column mapped to its new field — including a category seen only after the sample.
 */
const shots = join('test-results', 'screenshots', 'imports');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

const ROWS = 60;
const NAMES = ['Acme Supplies', 'Globex', 'Initech', 'Umbrella Parts', 'Stark Logistics'];
/** The first 50 rows (the sample the types come from) hold three categories; later rows a fourth. */
const category = (i: number) =>
  i < 50 ? ['Hardware', 'Software', 'Logistics'][i % 3]! : 'Services';

const vendorsCsv = (): string => {
  const rows = ['Name,Website,Email,Rating,Category,Since,Revenue'];
  for (let i = 0; i < ROWS; i++) {
    const n = i + 1;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const revenue = `"$${(12_500 + i * 1_000).toLocaleString('en-US')}.00"`;
    rows.push(
      [
        `${NAMES[i % NAMES.length]} ${n}`,
        `https://vendor${n}.example.com`,
        `sales@vendor${n}.example.com`,
        String(1 + (i % 5)),
        category(i),
        `${day}/${month}/${2010 + (i % 14)}`,
        revenue,
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
};

const api = (baseUrl: string, apiKey: string) => {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  return {
    async get(path: string) {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      expect(response.status, path).toBe(200);
      return response.json();
    },
    async post(path: string, body: unknown) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.json();
    },
  };
};

/** The local workspace, running, and its API as an admin would call it. */
const localWorkspace = async (page: Page, output: () => string) => {
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.waitForLocalRunning();
  const url = /"Local workspace ready","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output())?.[1];
  expect(url, 'the local workspace URL in the host output').toBeTruthy();
  return url!;
};

test('a new object from a file: proposed, planned, created, then imported into', async ({
  page,
  atelier,
}) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'atelier-new-object-e2e-'));
  try {
    const csvPath = join(dir, 'vendors.csv');
    await writeFile(csvPath, vendorsCsv());

    const url = await localWorkspace(page, atelier.output);
    const key = readKeychain(atelier.keychainService, LOCAL_WORKSPACE_ACCOUNT);
    const { get } = api(url, key!);

    const imports = new ImportPage(page);
    await imports.open();
    await imports.newImport('Vendors from the spreadsheet');
    await imports.addFile(csvPath, 'vendors.csv');
    await expect(page.getByLabel('Object for vendors.csv')).not.toHaveValue('vendor');

    // The proposal: labels from the file name, a type per column from its values.
    const dialog = await imports.openNewObject('vendors.csv');
    await expect(dialog.getByLabel('Singular label')).toHaveValue('Vendor');
    await expect(dialog.getByLabel('Plural label')).toHaveValue('Vendors');
    await expect(dialog.getByLabel('API name (singular)')).toHaveValue('vendor');
    await expect(dialog.getByLabel('API name (plural)')).toHaveValue('vendors');
    const types: Record<string, string> = {
      Website: 'LINKS',
      Email: 'EMAILS',
      Rating: 'RATING',
      Category: 'SELECT',
      Since: 'DATE',
      Revenue: 'CURRENCY',
    };
    for (const [column, type] of Object.entries(types))
      await expect(dialog.getByLabel(`Type of ${column}`)).toHaveValue(type);
    await expect(imports.newObjectColumn(dialog, 'Name')).toContainText(
      "Fills the object's own Name field",
    );
    await expect(dialog.getByLabel('Options of Category')).toHaveText(
      /Hardware.*Software.*Logistics/,
    );
    await shot(page, 'new-object-1-proposed');

    // A name another object has is refused before any plan is made.
    const review = dialog.getByRole('button', { name: 'Review plan' });
    await dialog.getByLabel('Singular label').fill('Company');
    await dialog.getByLabel('Plural label').fill('Companies');
    await expect(dialog.getByText('Object already exists').first()).toBeVisible();
    await expect(review).toBeDisabled();
    await shot(page, 'new-object-2-clash');
    await dialog.getByLabel('Singular label').fill('Vendor');
    await dialog.getByLabel('Plural label').fill('Vendors');

    // Field names are checked as typed, with the data-model editor's rules.
    await dialog.getByLabel('API name of Email').fill('createdAt');
    await expect(imports.newObjectColumn(dialog, 'Email')).toContainText(
      'Name "createdAt" is not available as it is already used by another field',
    );
    await expect(review).toBeDisabled();
    await dialog.getByLabel('API name of Email').fill('email');
    await expect(review).toBeEnabled();

    await review.click();
    const steps = dialog.getByTestId('plan-step');
    await expect(steps).toHaveCount(7);
    await expect(steps.first()).toContainText('createOneObject');
    await expect(dialog.locator('[data-testid="plan-step"][data-destructive]')).toHaveCount(0);
    await shot(page, 'new-object-3-plan');

    await dialog.getByRole('button', { name: 'Create object' }).click();
    await expect(dialog.getByTestId('apply-report')).toHaveText('Applied all 7 operation(s).', {
      timeout: 60_000,
    });
    await expect(dialog.locator('[data-testid="plan-step"][data-status="applied"]')).toHaveCount(7);
    await expect(dialog.getByTestId('new-object-used')).toContainText(
      'vendors.csv now goes into Vendors',
    );
    await shot(page, 'new-object-4-created');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByLabel('Object for vendors.csv')).toHaveValue('vendor');

    // The object in the workspace, with the field types chosen.
    const objects = await get('/rest/metadata/objects?limit=200');
    const vendor = (Array.isArray(objects.data) ? objects.data : objects.data.objects).find(
      (object: any) => object.nameSingular === 'vendor',
    );
    expect(vendor, 'the vendor object').toBeTruthy();
    const fieldTypes = Object.fromEntries(
      vendor.fields.map((field: any) => [field.name, field.type]),
    );
    expect(fieldTypes).toMatchObject({
      name: 'TEXT',
      website: 'LINKS',
      email: 'EMAILS',
      rating: 'RATING',
      category: 'SELECT',
      since: 'DATE',
      revenue: 'CURRENCY',
    });

    // The mapping: each column into its new field.
    await imports.step('Mapping').click();
    await expect(imports.preview()).toBeVisible();
    for (const label of ['Name', 'Website', 'Email', 'Rating', 'Category', 'Since', 'Revenue'])
      await expect(imports.field(label).getByLabel(`Source of ${label}`)).toHaveValue('column');
    await expect(imports.preview()).toContainText('sales@vendor1.example.com');
    await shot(page, 'new-object-5-mapping');

    await imports.saveAndValidate();
    await expect(imports.count('rows')).toHaveText('60');
    await expect(imports.count('errorRows')).toHaveText('0');
    await imports.goToStep('Run');
    await page.getByRole('button', { name: 'Run import' }).click();
    await expect(imports.state).toHaveText('Done', { timeout: 120_000 });
    const results = page.getByRole('region', { name: 'Results' });
    await expect(imports.count('created', results)).toHaveText('60');
    await shot(page, 'new-object-6-imported');

    // The records, as Twenty returns them.
    const listed = await get('/rest/vendors?limit=100');
    const records: any[] = listed.data.vendors;
    expect(records).toHaveLength(ROWS);
    const third = records.find((record) => record.name === `${NAMES[2]} 3`);
    expect(third).toMatchObject({
      website: { primaryLinkUrl: 'https://vendor3.example.com' },
      email: { primaryEmail: 'sales@vendor3.example.com' },
      rating: 'RATING_3',
      category: 'LOGISTICS',
      since: '2012-03-03',
      revenue: { amountMicros: 14_500_000_000, currencyCode: 'USD' },
    });
    // A category first seen past the sample became an option at the run.
    expect(records.filter((record) => record.category === 'SERVICES')).toHaveLength(ROWS - 50);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a step Twenty refuses: the plan stops there with its message, nothing half made', async ({
  page,
  atelier,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'atelier-new-object-e2e-'));
  try {
    const csvPath = join(dir, 'suppliers.csv');
    await writeFile(csvPath, 'Name,Email\nNorthwind,orders@northwind.example.com\n');
    const url = await localWorkspace(page, atelier.output);
    const key = readKeychain(atelier.keychainService, LOCAL_WORKSPACE_ACCOUNT);
    const { post } = api(url, key!);

    const imports = new ImportPage(page);
    await imports.open();
    await imports.newImport('Suppliers');
    await imports.addFile(csvPath, 'suppliers.csv');
    const dialog = await imports.openNewObject('suppliers.csv');
    await dialog.getByRole('button', { name: 'Review plan' }).click();
    await expect(dialog.getByTestId('plan-step')).toHaveCount(2);

    // Someone makes the same object in Twenty between the review and the apply.
    await post('/rest/metadata/objects', {
      nameSingular: 'supplier',
      namePlural: 'suppliers',
      labelSingular: 'Supplier',
      labelPlural: 'Suppliers',
    });
    await dialog.getByRole('button', { name: 'Create object' }).click();
    const report = dialog.getByTestId('apply-report');
    await expect(report).toContainText('Stopped at step 1', { timeout: 30_000 });
    await expect(report).toContainText('An object with this name already exists');
    await expect(report).toContainText('0 applied, 1 not run');
    await expect(dialog.getByTestId('plan-step').first()).toHaveAttribute('data-status', 'failed');
    await expect(dialog.getByText('Nothing was created')).toBeVisible();
    await shot(page, 'new-object-7-failed');

    // Back to the proposal: the model was read again, so the clash shows before any plan.
    await dialog.getByRole('button', { name: 'Back to the fields' }).click();
    await expect(dialog.getByText('Object already exists').first()).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Review plan' })).toBeDisabled();
    await dialog.getByLabel('Singular label').fill('Vendor supplier');
    await dialog.getByLabel('Plural label').fill('Vendor suppliers');
    await expect(dialog.getByRole('button', { name: 'Review plan' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Object for suppliers.csv')).toHaveValue('');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a read-only connection: the object is not offered for creation', async ({
  page,
  atelier,
  remoteWorkspace,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'atelier-new-object-e2e-'));
  const REMOTE = 'Archive CRM';
  const connections = new ConnectionsPage(page);
  try {
    const csvPath = join(dir, 'partners.csv');
    await writeFile(csvPath, 'Name,Website\nContoso,https://contoso.example.com\n');
    await localWorkspace(page, atelier.output);
    await connections.add({
      name: REMOTE,
      baseUrl: remoteWorkspace.url,
      apiKey: remoteWorkspace.apiKey,
    });
    await connections.card(REMOTE).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${REMOTE}` });
    await edit.getByLabel('Read-only in Atelier', { exact: false }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await connections.shell.switchWithMenu(REMOTE);

    const imports = new ImportPage(page);
    await imports.open();
    await imports.newImport('Partners');
    await imports.addFile(csvPath, 'partners.csv');
    const dialog = await imports.openNewObject('partners.csv');
    await expect(dialog.getByRole('alert').first()).toHaveText(
      `“${REMOTE}” is read-only in Atelier: turn read-only off in Connections to create objects there.`,
    );
    await expect(dialog.getByRole('button', { name: 'Review plan' })).toBeDisabled();
    await shot(page, 'new-object-8-read-only');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await connections.open();
    await connections.shell.switchWithMenu('Local workspace');
    await connections.remove(REMOTE);
    await rm(dir, { recursive: true, force: true });
  }
});
