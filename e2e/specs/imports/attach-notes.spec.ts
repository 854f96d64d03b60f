import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCAL_WORKSPACE_ACCOUNT, readKeychain } from '../../fixtures/keychain';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';
import { ImportPage } from '../../pages/import-page';

/**
 * Companies and notes about them in one import: the notes file's "Company domain" column (two
 * domains in some cells) is mapped to "Attach to (Relations)" — a lookup of companies by domain
 * through the noteTarget junction — and after the run each note is attached to its companies.
 */
const shots = join('test-results', 'screenshots', 'imports');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};

const COMPANIES = [
  ['Acme Anvils', 'acme-anvils.com'],
  ['Globex Atelier', 'globex-atelier.com'],
  ['Initech Atelier', 'initech-atelier.com'],
];
const NOTES = [
  ['Kick-off meeting', 'Scope agreed', 'acme-anvils.com; globex-atelier.com'],
  ['Renewal call', 'Wants a discount', 'globex-atelier.com'],
  ['Security review', 'Questionnaire sent', 'initech-atelier.com;acme-anvils.com'],
  ['Internal memo', 'About nobody', ''],
];
const csv = (header: string[], rows: string[][]) =>
  `${[header, ...rows].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n')}\n`;

test('companies and notes in one import: each note attached to its companies', async ({
  page,
  atelier,
}) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'atelier-attach-notes-e2e-'));
  try {
    const companiesPath = join(dir, 'companies.csv');
    const notesPath = join(dir, 'notes.csv');
    await writeFile(companiesPath, csv(['Name', 'Domain'], COMPANIES));
    await writeFile(notesPath, csv(['Title', 'Body', 'Company domain'], NOTES));

    const connections = new ConnectionsPage(page);
    await connections.open();
    await connections.waitForLocalRunning();
    const url = /"Local workspace ready","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(
      atelier.output(),
    )?.[1];
    const key = readKeychain(atelier.keychainService, LOCAL_WORKSPACE_ACCOUNT);
    expect(url, 'the local workspace URL in the host output').toBeTruthy();
    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.status, path).toBe(200);
      return response.json();
    };

    const imports = new ImportPage(page);
    await imports.open();
    await imports.newImport('Companies and their notes');
    await imports.addFile(companiesPath, 'companies.csv');
    await imports.addFile(notesPath, 'notes.csv');
    await imports.chooseObject('companies.csv', 'company');
    await imports.chooseObject('notes.csv', 'note');

    await imports.step('Mapping').click();
    await imports.mappingOf('companies.csv');
    await expect(imports.preview()).toContainText('globex-atelier.com');
    await imports.mappingOf('notes.csv');
    await expect(imports.preview()).toContainText('Kick-off meeting');

    // "Attach to (Relations)": by lookup only, to the objects noteTarget links to.
    await imports.showOtherFields();
    const attach = imports.field('Attach to (Relations)');
    const kind = attach.getByLabel('Source of Attach to (Relations)');
    await expect(kind.locator('option')).toHaveText(['Not imported', 'Lookup']);
    // Attachments and timeline activities point back through morphs of their own: not offered.
    await expect(imports.field('Attach to (Attachments)')).toHaveCount(0);
    await expect(imports.field('Attach to (Timeline Activities)')).toHaveCount(0);
    await kind.selectOption('lookup');
    await attach
      .getByLabel('Column for Attach to (Relations)', { exact: true })
      .selectOption('Company domain');
    const object = attach.getByLabel('Object of Attach to (Relations)');
    await expect(object).toHaveValue('company');
    const objects = await object.locator('option').allTextContents();
    expect(objects).toEqual(expect.arrayContaining(['company', 'person', 'opportunity']));
    expect(objects).not.toContain('workspace member');
    await expect(attach.getByLabel('Match Attach to (Relations) by')).toHaveValue('domainName');
    await expect(attach.getByLabel('Separator of Attach to (Relations)')).toHaveValue(';');
    await expect(attach.getByRole('alert')).toHaveCount(0);
    await expect(imports.preview()).toContainText(
      'attached to company by domainName: acme-anvils.com, globex-atelier.com',
    );
    await shot(page, 'attach-notes-1-mapping');

    await imports.saveAndValidate();
    await expect(imports.count('errorRows')).toHaveText('0');
    await imports.mappingOf('notes.csv');
    await shot(page, 'attach-notes-2-validated');

    await imports.goToStep('Run');
    await page.getByRole('button', { name: 'Run import' }).click();
    await expect(imports.state).toHaveText('Done', { timeout: 120_000 });
    await shot(page, 'attach-notes-3-done');

    // Each note attached to its companies, through noteTarget.
    const listed = await get('/rest/noteTargets?depth=1&limit=100');
    const targets = (listed.data?.noteTargets ?? []) as Array<{
      note?: { title?: string } | null;
      targetCompany?: { name?: string } | null;
    }>;
    const attached = targets
      .filter((target) => NOTES.some(([title]) => target.note?.title === title))
      .map((target) => `${target.note?.title} → ${target.targetCompany?.name}`)
      .sort();
    expect(attached).toEqual([
      'Kick-off meeting → Acme Anvils',
      'Kick-off meeting → Globex Atelier',
      'Renewal call → Globex Atelier',
      'Security review → Acme Anvils',
      'Security review → Initech Atelier',
    ]);
    const notes = await get('/rest/notes?limit=100');
    expect(
      (notes.data?.notes as Array<{ title: string }>).filter((note) =>
        NOTES.some(([title]) => note.title === title),
      ),
    ).toHaveLength(NOTES.length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
