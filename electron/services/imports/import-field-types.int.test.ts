import ExcelJS from 'exceljs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { SOURCE_MODEL } from '../replica/replica-testing';
import { syncSchema } from '../replica/sync-schema';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { encode } from './sources/testing/source-files';
import { importWithEngine, tempFolder } from './testing/import-fixtures';

// Every importable field type from CSV (every encoding, quoted newlines, malformed rows) and XLSX
// into a custom object with a field of each type, read back over REST; and 10,000 rows.
describe('importing every field type', () => {
  let workspace: WorkspaceProcess;
  let client: TwentyClient;
  let files: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    workspace = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']);
    client = createTwentyClient({
      baseUrl: workspace.url,
      apiKey: workspace.apiKey,
      rateLimit: null,
    });
    await syncSchema(client, SOURCE_MODEL, 'mirror');
    await client.rest.createMany('companies', [
      { name: 'Maker One', domainName: { primaryLinkUrl: 'maker.one' } },
    ]);
    await client.rest.createMany('people', [
      { name: { firstName: 'Cham', lastName: 'Pion' }, emails: { primaryEmail: 'champ@x.com' } },
    ]);
    files = await tempFolder('import-types');
  }, 180_000);
  afterAll(async () => {
    await workspace?.dispose();
    await files?.remove();
  });

  const HEADERS = [
    'Title',
    'Serial',
    'Count',
    'Active',
    'Launched',
    'Day',
    'Stage',
    'Tags',
    'Score',
    'Price',
    'Currency',
    'Emails',
    'Website',
    'Hotline',
    'Inventor first',
    'Inventor last',
    'Street',
    'City',
    'Country',
    'Manual',
    'Spec',
    'Labels',
    'Maker domain',
    'Champion email',
  ];
  const mapping = {
    version: 1,
    object: 'gadget',
    options: { timeZone: 'Europe/Paris', phoneCountry: 'FR' },
    fields: {
      title: { kind: 'column', column: 'Title' },
      serial: { kind: 'column', column: 'Serial' },
      count: { kind: 'column', column: 'Count', transforms: [{ type: 'number', locale: 'fr' }] },
      active: { kind: 'column', column: 'Active' },
      launchedAt: {
        kind: 'column',
        column: 'Launched',
        transforms: [{ type: 'date', format: 'DD/MM/YYYY HH:mm' }],
      },
      launchDay: { kind: 'column', column: 'Day' },
      stage: { kind: 'column', column: 'Stage' },
      tags: { kind: 'column', column: 'Tags', transforms: [{ type: 'list', separator: ';' }] },
      score: { kind: 'column', column: 'Score' },
      price: {
        kind: 'columns',
        parts: { amountMicros: { column: 'Price' }, currencyCode: { column: 'Currency' } },
      },
      contactEmails: { kind: 'column', column: 'Emails' },
      website: { kind: 'column', column: 'Website' },
      hotline: { kind: 'column', column: 'Hotline' },
      inventor: {
        kind: 'columns',
        parts: { firstName: { column: 'Inventor first' }, lastName: { column: 'Inventor last' } },
      },
      origin: {
        kind: 'columns',
        parts: {
          addressStreet1: { column: 'Street' },
          addressCity: { column: 'City' },
          addressCountry: { column: 'Country' },
        },
      },
      manual: { kind: 'column', column: 'Manual' },
      spec: { kind: 'column', column: 'Spec' },
      labels: { kind: 'column', column: 'Labels' },
      maker: { kind: 'lookup', column: 'Maker domain', object: 'company', by: 'domainName' },
      champion: { kind: 'lookup', column: 'Champion email', object: 'person', by: 'emails' },
    },
    dedupe: { key: 'serial' },
  };
  const row = (serial: string, title: string) => [
    title,
    serial,
    '1 234',
    'yes',
    '05/03/2024 14:30',
    '2024-03-05',
    'live',
    'Red; Blue',
    '4',
    '1 200,50',
    'EUR',
    'Ada <ADA@Example.com>, b@example.com',
    'https://www.example.com/docs/',
    '+33 6 12 34 56 78',
    'Ada',
    'Lovelace',
    '12 rue de la Paix',
    'Paris',
    'fr',
    'Line one\nLine **two**',
    '{"a":[1,2]}',
    'x, y',
    'https://maker.one',
    'CHAMP@x.com',
  ];
  const expectGadget = async (serial: string, title: string) => {
    const page = await client.rest.list('gadgets', { filter: `serial[eq]:"${serial}"`, depth: 1 });
    expect(page.records, serial).toHaveLength(1);
    const gadget = page.records[0]!;
    expect(gadget).toMatchObject({
      title,
      serial,
      count: 1234,
      active: true,
      launchedAt: '2024-03-05T13:30:00.000Z',
      launchDay: '2024-03-05',
      stage: 'LIVE',
      tags: ['RED', 'BLUE'],
      score: 'RATING_4',
      price: { amountMicros: 1_200_500_000, currencyCode: 'EUR' },
      contactEmails: { primaryEmail: 'ada@example.com', additionalEmails: ['b@example.com'] },
      website: { primaryLinkUrl: 'https://www.example.com/docs' },
      hotline: {
        primaryPhoneNumber: '612345678',
        primaryPhoneCountryCode: 'FR',
        primaryPhoneCallingCode: '+33',
      },
      inventor: { firstName: 'Ada', lastName: 'Lovelace' },
      origin: {
        addressStreet1: '12 rue de la Paix',
        addressCity: 'Paris',
        addressCountry: 'France',
      },
      spec: { a: [1, 2] },
      labels: ['x', 'y'],
    });
    expect((gadget.manual as { markdown: string }).markdown).toBe('Line one\nLine **two**');
    expect((gadget.maker as { name: string }).name).toBe('Maker One');
    expect((gadget.champion as { emails: { primaryEmail: string } }).emails.primaryEmail).toBe(
      'champ@x.com',
    );
  };

  it.each([
    ['utf-8', 'Café Crème €', false],
    ['utf-8', 'Café Crème € (BOM)', true],
    ['utf-16le', 'Ünïcödé ☕', true],
    ['utf-16be', 'Ünïcödé ☕ BE', true],
    ['windows-1252', 'Café Crème € 1252', false],
    ['iso-8859-1', 'Café Crème ISO', false],
  ] as const)('CSV in %s: %s', async (encoding, title, bom) => {
    const serial = `S-${encoding}-${bom ? 'bom' : 'plain'}`;
    const text = Papa.unparse([HEADERS, row(serial, title)], { delimiter: ';', newline: '\r\n' });
    const path = await files.file(`${serial}.csv`, encode(text, encoding, bom));
    const outcome = await importWithEngine({ client, path, mapping, dir: files.dir });
    expect(outcome.validation).toMatchObject({ rows: 1, errorRows: 0 });
    expect(outcome.totals).toMatchObject({ created: 1, failed: 0 });
    await expectGadget(serial, title);
  });

  it('XLSX with typed cells (dates, numbers, booleans) on a chosen sheet and header row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['not this one']);
    const sheet = workbook.addWorksheet('Gadgets');
    sheet.addRow(['Exported from the old CRM']);
    sheet.addRow(HEADERS);
    const values: unknown[] = row('S-xlsx', 'From Excel');
    values[2] = 1234; // a number cell
    values[3] = true; // a boolean cell
    values[5] = new Date(Date.UTC(2024, 2, 5)); // a date cell
    sheet.addRow(values);
    sheet.getCell('F3').numFmt = 'yyyy-mm-dd';
    const path = join(files.dir, 'gadgets.xlsx');
    await workbook.xlsx.writeFile(path);
    const xlsxMapping = structuredClone(mapping) as any;
    xlsxMapping.fields.count.transforms = [];
    const outcome = await importWithEngine({
      client,
      path,
      mapping: xlsxMapping,
      source: { sheet: 'Gadgets', headerRow: 2 },
      dir: files.dir,
    });
    expect(outcome.totals).toMatchObject({ created: 1, failed: 0 });
    await expectGadget('S-xlsx', 'From Excel');
  });

  it('malformed rows fail alone with their reason; an unclosed quote is warned and written', async () => {
    const good = row('S-ok', 'Fine');
    const badEmail = row('S-bad-email', 'Bad email');
    badEmail[11] = 'nobody(at)nowhere';
    const badDate = row('S-bad-date', 'Bad date');
    badDate[4] = '31/02/2024 10:00';
    const unknownMaker = row('S-no-maker', 'No maker');
    unknownMaker[22] = 'unknown.example';
    const text = `${Papa.unparse([HEADERS, good, badEmail, badDate, unknownMaker])}\r\n"S-cut,"never closed`;
    const path = await files.file('malformed.csv', text);
    const outcome = await importWithEngine({ client, path, mapping, dir: files.dir });
    // The cut-off row is read as best it can be and written, with a warning in validation; the
    // unknown maker is a warning there (another file could bring it) and fails at the run.
    expect(outcome.validation).toMatchObject({ rows: 5, errorRows: 2, warningRows: 2 });
    expect(outcome.totals).toMatchObject({ created: 2, failed: 3 });
    const reasons = new Map(outcome.results.map((result) => [result.line, result]));
    expect(reasons.get(2)).toMatchObject({ status: 'created' });
    expect(reasons.get(3)!.reason).toContain("'nobody(at)nowhere' is not an e-mail address");
    expect(reasons.get(4)!.reason).toContain("'31/02/2024 10:00' is not a date");
    expect(reasons.get(5)!.reason).toContain(
      'No company has domainName.primaryLinkUrl "unknown.example"',
    );
    expect(reasons.get(6)!.status).toBe('created');
    await expectGadget('S-ok', 'Fine');
  });

  it('creates the select options a value map asks for before writing', async () => {
    const path = await files.csv('stages.csv', [
      ['Serial', 'Stage'],
      ['S-opt-1', 'Retired'],
      ['S-opt-2', 'live'],
      ['S-opt-3', 'Retired'],
    ]);
    const outcome = await importWithEngine({
      client,
      path,
      mapping: {
        version: 1,
        object: 'gadget',
        fields: {
          serial: { kind: 'column', column: 'Serial' },
          stage: {
            kind: 'column',
            column: 'Stage',
            transforms: [{ type: 'valueMap', map: {}, createMissingOptions: true }],
          },
        },
      },
      dir: files.dir,
    });
    expect(outcome.validation).toMatchObject({ errorRows: 0, warningRows: 2 });
    expect(outcome.totals).toMatchObject({ created: 3, failed: 0 });
    const page = await client.rest.list('gadgets', {
      filter: 'serial[like]:"S-opt-%"',
      orderBy: 'serial',
    });
    expect(page.records.map((record) => record.stage)).toEqual(['RETIRED', 'LIVE', 'RETIRED']);
    const model = await client.metadataGraphql<{
      objects: {
        edges: {
          node: {
            nameSingular: string;
            fields: {
              edges: {
                node: { name: string; options: { value: string; label: string }[] | null };
              }[];
            };
          };
        }[];
      };
    }>({
      query:
        '{ objects(paging: { first: 100 }) { edges { node { nameSingular fields(paging: { first: 100 }) { edges { node { name options } } } } } } }',
    });
    const stage = model.objects.edges
      .find((edge) => edge.node.nameSingular === 'gadget')!
      .node.fields.edges.find((edge) => edge.node.name === 'stage')!.node;
    expect(stage.options!.map((option) => option.value)).toEqual(['NEW', 'LIVE', 'RETIRED']);
    expect(stage.options!.at(-1)!.label).toBe('Retired');
  });

  it('10,000 rows in batches of 200', async () => {
    const rows = [['Title', 'Serial', 'Count']];
    for (let i = 0; i < 10_000; i++) rows.push([`Bulk ${i}`, `B-${i}`, String(i)]);
    const path = await files.csv('bulk.csv', rows);
    const outcome = await importWithEngine({
      client,
      path,
      mapping: {
        version: 1,
        object: 'gadget',
        fields: {
          title: { kind: 'column', column: 'Title' },
          serial: { kind: 'column', column: 'Serial' },
          count: { kind: 'column', column: 'Count' },
        },
      },
      dir: files.dir,
    });
    expect(outcome.totals).toMatchObject({ created: 10_000, failed: 0 });
    const page = await client.rest.list('gadgets', { filter: 'serial[like]:"B-%"', limit: 1 });
    expect(page.totalCount).toBe(10_000);
    const last = await client.rest.list('gadgets', { filter: 'serial[eq]:"B-9999"' });
    expect(last.records[0]).toMatchObject({ title: 'Bulk 9999', count: 9999 });
  }, 120_000);
});
