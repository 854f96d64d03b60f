import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';
import { ImportPage } from '../../pages/import-page';

/**
 * A mapping loaded from a JSON file by its path (what is wrong with a file that is not one is
 * said), and a validation that skips the workspace checks, which the checkbox prices in requests.
 */
const shots = join('test-results', 'screenshots', 'imports');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

const ROWS = 450;
const peopleCsv = (): string => {
  const rows = ['First Name,Last Name,Email,Role'];
  for (let i = 0; i < ROWS; i++) rows.push(`Ada${i},Lovelace${i},ada${i}@example.com,Engineer`);
  return `${rows.join('\n')}\n`;
};

test('a mapping file by path, and a validation without the workspace checks', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'atelier-validate-options-e2e-'));
  try {
    const csvPath = join(dir, 'people.csv');
    await writeFile(csvPath, peopleCsv());
    const mappingPath = join(dir, 'people-mapping.json');
    await writeFile(
      mappingPath,
      JSON.stringify({
        version: 1,
        object: 'person',
        fields: {
          name: {
            kind: 'columns',
            parts: { firstName: { column: 'First Name' }, lastName: { column: 'Last Name' } },
          },
          emails: { kind: 'column', column: 'Email' },
          jobTitle: { kind: 'column', column: 'Role', transforms: [{ type: 'case', to: 'upper' }] },
        },
        dedupe: { key: 'emails.primaryEmail', duplicates: 'first' },
      }),
    );
    const notMapping = join(dir, 'notes.json');
    await writeFile(notMapping, JSON.stringify({ version: 1, fields: 'none' }));

    const connections = new ConnectionsPage(page);
    await connections.open();
    await connections.waitForLocalRunning();
    const imports = new ImportPage(page);
    await imports.open();
    await imports.newImport('People with their roles');
    await imports.addFile(csvPath, 'people.csv');
    await imports.chooseObject('people.csv', 'person');
    await imports.step('Mapping').click();
    await expect(imports.preview()).toBeVisible();

    // A JSON file that is no mapping: the dialog says why and stays open.
    const refused = await imports.openMappingFile(notMapping);
    await expect(refused.getByRole('alert').first()).toBeVisible();
    await shot(page, 'mapping-file-refused');
    await refused.getByRole('button', { name: 'Cancel' }).click();

    const dialog = await imports.openMappingFile(mappingPath);
    await expect(dialog).toBeHidden();
    await expect(imports.field('Job Title').getByLabel('Source of Job Title')).toHaveValue(
      'column',
    );
    await expect(imports.preview()).toContainText('ENGINEER');

    // 450 rows, one key (the e-mail, also the dedupe key): 3 batches of 200, one request each.
    await expect(imports.checkWorkspace()).toBeChecked();
    await expect(imports.checkWorkspace()).toHaveAccessibleName(
      'Check keys and lookups against the workspace (about 3 requests)',
    );
    await imports.checkWorkspace().uncheck();
    await shot(page, 'validate-without-workspace');
    await imports.saveAndValidate();
    await expect(imports.count('rows')).toHaveText('450');
    await expect(imports.count('errorRows')).toHaveText('0');
    // Counted now: the figure is no longer an estimate, and the choice stays.
    await expect(imports.checkWorkspace()).toHaveAccessibleName(
      'Check keys and lookups against the workspace (3 requests)',
    );
    await expect(imports.checkWorkspace()).not.toBeChecked();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
