import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCAL_WORKSPACE_ACCOUNT, readKeychain } from '../../fixtures/keychain';
import { expect, test } from '../../fixtures/test';
import { ConnectionsPage } from '../../pages/connections-page';
import { ImportPage } from '../../pages/import-page';

/**
 * The migration wizard as an admin uses it on a 5,000-row export of people with a few bad cells
 * (three bad e-mails, one impossible date): map it (suggested), validate, fix one e-mail in the
 * grid and exclude another row, download the error report, run with the progress moving, see
 * the counts, download the per-row results.
 */
const shots = join('test-results', 'screenshots', 'imports');
const shot = async (page: Page, name: string) => {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Edsger', 'Barbara', 'Donald'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Dijkstra', 'Liskov'];
const ROWS = 5000;
/** Data rows (0-based) with a bad cell; a row's line in the file is its index + 2. */
const BAD_EMAIL = [10, 250, 3000];
const BAD_DATE = 42;
const line = (index: number) => index + 2;

const peopleCsv = (): string => {
  const rows = ['First Name,Last Name,Email,Phone,Job Title,Birthday'];
  for (let i = 0; i < ROWS; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const email = BAD_EMAIL.includes(i)
      ? `${first.toLowerCase()}${i}-at-example.com`
      : `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`;
    const phone = `+33 6 ${String(10 + (i % 90))} ${String(10 + ((i * 3) % 90))} ${String(10 + ((i * 7) % 90))} ${String(10 + ((i * 11) % 90))}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const birthday = i === BAD_DATE ? '31/02/1985x' : `${day}/${month}/19${50 + (i % 50)}`;
    rows.push([first, last, email, phone, 'Engineer', birthday].join(','));
  }
  return `${rows.join('\n')}\n`;
};

/** A DATE field on people, made through the local workspace's metadata API as an admin would in Twenty. */
const addBirthdayField = async (baseUrl: string, apiKey: string) => {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const objects = await (
    await fetch(`${baseUrl}/rest/metadata/objects?limit=200`, { headers })
  ).json();
  const person = (Array.isArray(objects.data) ? objects.data : objects.data.objects).find(
    (o: any) => o.nameSingular === 'person',
  );
  const created = await fetch(`${baseUrl}/rest/metadata/fields`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      objectMetadataId: person.id,
      name: 'birthday',
      label: 'Birthday',
      type: 'DATE',
    }),
  });
  expect(created.status, await created.clone().text()).toBeLessThan(300);
};

test('import 5,000 people: fix and exclude in the grid, error report, run, results', async ({
  page,
  atelier,
}) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'atelier-import-e2e-'));
  try {
    const csvPath = join(dir, 'people.csv');
    await writeFile(csvPath, peopleCsv());

    const connections = new ConnectionsPage(page);
    await connections.open();
    await connections.waitForLocalRunning();
    const url = /"Local workspace ready","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(
      atelier.output(),
    )?.[1];
    const key = readKeychain(atelier.keychainService, LOCAL_WORKSPACE_ACCOUNT);
    expect(url, 'the local workspace URL in the host output').toBeTruthy();
    await addBirthdayField(url!, key!);

    const imports = new ImportPage(page);
    await imports.open();
    await imports.newImport('People from the CRM export');
    await imports.addFile(csvPath, 'people.csv');
    const card = imports.fileCard('people.csv');
    await expect(card.getByTestId('file-summary')).toContainText('CSV');
    await expect(card.getByTestId('file-summary')).toContainText('6 columns');
    await expect(card.getByRole('table', { name: 'Sample of people.csv' })).toContainText(
      'ada.lovelace0@example.com',
    );
    // The birthday field was added after the app read the model: read it again.
    await imports.readFieldsAgain();
    await imports.chooseObject('people.csv', 'person');
    await shot(page, '1-files');

    await imports.step('Mapping').click();
    await expect(imports.preview()).toBeVisible();
    // Suggested from the headers and values: the name from two columns, the date format sniffed.
    await expect(imports.field('Name').getByLabel('Source of Name')).toHaveValue('columns');
    await expect(imports.field('Birthday').getByLabel('Source of Birthday')).toHaveValue('column');
    await expect(imports.field('Birthday')).toContainText('Dates as DD/MM/YYYY');
    await expect(imports.preview()).toContainText('ada.lovelace0@example.com');
    await shot(page, '2-mapping');

    await imports.saveAndValidate();
    await expect(imports.count('rows')).toHaveText('5,000');
    await expect(imports.count('errorRows')).toHaveText('4');
    await expect(imports.grid).toBeVisible();
    for (const index of BAD_EMAIL)
      await expect(imports.row(line(index))).toContainText('is not an e-mail address');
    await expect(imports.row(line(BAD_DATE))).toContainText('is not a date');
    await shot(page, '3-review');

    // Fix one e-mail in place; exclude another row.
    await imports.fixCell('Email', line(BAD_EMAIL[0]!), 'edsger.fixed@example.com');
    await expect(imports.row(line(BAD_EMAIL[0]!))).toContainText('Fixed');
    await imports.exclude(line(BAD_EMAIL[1]!));
    await expect(imports.count('errorRows')).toHaveText('2');
    await expect(imports.count('excludedRows')).toHaveText('1');
    await shot(page, '4-fixed');

    const report = await imports.download('Download error report');
    expect(report.name).toMatch(/errors\.csv$/);
    const reportLines = report.text.trim().split('\n');
    expect(reportLines[0]).toBe('file,line,column,field,value,severity,message,row');
    expect(report.text).toContain(
      `people.csv,${line(BAD_DATE)},Birthday,birthday,31/02/1985x,error`,
    );
    expect(report.text).toMatch(
      new RegExp(`people\\.csv,${line(BAD_EMAIL[1]!)},Email,.*,excluded`),
    );
    expect(report.text).toContain(`people.csv,${line(BAD_EMAIL[2]!)},Email`);
    expect(report.text, 'a fixed row is no longer reported').not.toContain(
      `people.csv,${line(BAD_EMAIL[0]!)},`,
    );

    await imports.goToStep('Run');
    await expect(page.getByRole('region', { name: 'What the run writes' })).toContainText(
      '4,997 of 5,000 rows',
    );
    await page.getByRole('button', { name: 'Run import' }).click();
    await expect(imports.runProgress).toBeVisible();
    // The progress moves: rows done grow while the run goes on.
    await expect.poll(() => imports.rowsDone(), { timeout: 60_000 }).toBeGreaterThan(0);
    const seen = await imports.rowsDone();
    await shot(page, '5-running');
    await expect
      .poll(
        async () =>
          (await imports.state.textContent()) === 'Done' ? Infinity : imports.rowsDone(),
        {
          timeout: 120_000,
        },
      )
      .toBeGreaterThan(seen);
    await expect(imports.state).toHaveText('Done', { timeout: 180_000 });

    const results = page.getByRole('region', { name: 'Results' });
    await expect(imports.count('created', results)).toHaveText('4,997');
    await expect(imports.count('failed', results)).toHaveText('2');
    await expect(imports.count('skipped', results)).toHaveText('1');
    await expect(page.getByRole('table', { name: 'Results' })).toContainText('created');
    await shot(page, '6-done');

    const resultFile = await imports.download('Download results');
    expect(resultFile.name).toMatch(/results\.csv$/);
    const resultLines = resultFile.text.trim().split('\n');
    expect(resultLines[0]).toBe('file,line,status,record id,reason');
    expect(resultLines).toHaveLength(ROWS + 1);
    expect(resultLines.filter((row) => row.includes(',created,'))).toHaveLength(4997);
    expect(resultLines.filter((row) => row.includes(',failed,'))).toHaveLength(2);

    // The results filter by status.
    await page
      .getByRole('region', { name: 'Results by row' })
      .getByLabel('Status')
      .selectOption('failed');
    await expect(page.getByTestId('results-range')).toHaveText('1–2 of 2');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
