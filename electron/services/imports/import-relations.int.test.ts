import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSchemaDocument } from '../../../shared/schema/schema-document';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { syncSchema } from '../replica/sync-schema';
import { createTwentyClient, type TwentyClient, type TwentyRecord } from '../twenty-client';
import { rollbackImport } from './run/rollback-import';
import {
  importFilesWithEngine,
  importWithEngine,
  snapshotRecords,
  tempFolder,
} from './testing/import-fixtures';

// Relations across three files in one run (companies, then people, then opportunities, whatever
// order they are given in), and upserts by each kind of key: a unique field, an externalId-like
// custom field that is not unique, and a composite's sub-field (e-mail).
describe('imports across files and by key', () => {
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
    await syncSchema(
      client,
      parseSchemaDocument({
        format: 'atelier.schema',
        version: 1,
        objects: [
          {
            nameSingular: 'asset',
            namePlural: 'assets',
            labelSingular: 'Asset',
            labelPlural: 'Assets',
            fields: [
              { name: 'tag', label: 'Tag', type: 'TEXT', isUnique: true },
              { name: 'externalId', label: 'External id', type: 'TEXT' },
              { name: 'note', label: 'Note', type: 'TEXT' },
            ],
          },
        ],
      }),
      'additive',
    );
    files = await tempFolder('import-relations');
  }, 180_000);
  afterAll(async () => {
    await workspace?.dispose();
    await files?.remove();
  });

  it('five files in dependency order: linked by domain and e-mail, notes and tasks attached to their targets, then rolled back', async () => {
    const before = {
      companies: await snapshotRecords(client, 'companies'),
      people: await snapshotRecords(client, 'people'),
      opportunities: await snapshotRecords(client, 'opportunities'),
    };
    const opportunities = await files.csv('opportunities.csv', [
      ['Deal', 'Amount', 'Close', 'Stage', 'Account', 'Contact'],
      ['Big deal', '$50,000', '2025-06-30', 'Proposal', 'acme.com', 'ada@acme.com'],
      ['Small deal', '€900', '2025-07-01', 'meeting', 'globex.com', 'grace@globex.com'],
    ]);
    const people = await files.csv('people.csv', [
      ['First', 'Last', 'Email', 'Company'],
      ['Ada', 'Lovelace', 'ada@acme.com', 'https://acme.com'],
      ['Grace', 'Hopper', 'grace@globex.com', 'globex.com'],
    ]);
    const companies = await files.csv('companies.csv', [
      ['Name', 'Domain'],
      ['Acme', 'acme.com'],
      ['Globex', 'www.globex.com'],
    ]);
    const notes = await files.csv('notes.csv', [
      ['Title', 'Body', 'About companies', 'About people'],
      ['Kick-off', 'Met **both** teams', 'acme.com; globex.com', 'ada@acme.com'],
      ['Renewal', 'Call in June', 'globex.com', ''],
    ]);
    const tasks = await files.csv('tasks.csv', [
      ['Task', 'Due', 'Status', 'Deal contact'],
      ['Send the proposal', '2025-06-01', 'To do', 'ada@acme.com'],
    ]);
    const outcome = await importFilesWithEngine({
      client,
      dir: files.dir,
      files: [
        {
          path: opportunities,
          mapping: {
            version: 1,
            object: 'opportunity',
            fields: {
              name: { kind: 'column', column: 'Deal' },
              amount: { kind: 'column', column: 'Amount' },
              closeDate: { kind: 'column', column: 'Close' },
              stage: { kind: 'column', column: 'Stage' },
              company: { kind: 'lookup', column: 'Account', object: 'company', by: 'domainName' },
              pointOfContact: { kind: 'lookup', column: 'Contact', object: 'person', by: 'emails' },
            },
          },
        },
        {
          path: people,
          mapping: {
            version: 1,
            object: 'person',
            fields: {
              name: {
                kind: 'columns',
                parts: { firstName: { column: 'First' }, lastName: { column: 'Last' } },
              },
              emails: { kind: 'column', column: 'Email' },
              company: { kind: 'lookup', column: 'Company', object: 'company', by: 'domainName' },
            },
          },
        },
        {
          path: companies,
          mapping: {
            version: 1,
            object: 'company',
            fields: {
              name: { kind: 'column', column: 'Name' },
              domainName: { kind: 'column', column: 'Domain' },
            },
          },
        },
        {
          path: notes,
          mapping: {
            version: 1,
            object: 'note',
            fields: {
              title: { kind: 'column', column: 'Title' },
              bodyV2: { kind: 'column', column: 'Body' },
              noteTargets: {
                kind: 'lookup',
                column: 'About companies',
                object: 'company',
                by: 'domainName',
                transforms: [{ type: 'list', separator: ';' }],
              },
            },
          },
        },
        {
          path: tasks,
          mapping: {
            version: 1,
            object: 'task',
            fields: {
              title: { kind: 'column', column: 'Task' },
              dueAt: { kind: 'column', column: 'Due' },
              status: { kind: 'column', column: 'Status' },
              taskTargets: {
                kind: 'lookup',
                column: 'Deal contact',
                object: 'person',
                by: 'emails',
              },
            },
          },
        },
      ],
    });
    // Companies, then people, then opportunities; notes (companies) and tasks (people) after
    // what they point at.
    expect(outcome.order).toEqual(['file2', 'file1', 'file0', 'file3', 'file4']);
    for (const id of ['file0', 'file1', 'file2', 'file3'])
      expect(outcome.totals.get(id)).toMatchObject({ created: 2, failed: 0 });
    expect(outcome.totals.get('file4')).toMatchObject({ created: 1, failed: 0 });
    // Lookups of later files found the earlier files' records without asking the workspace
    // again, and nothing was created for them.
    expect([...outcome.totals.values()].every((totals) => totals.parentsCreated === 0)).toBe(true);

    const deals = await client.rest.list('opportunities', { depth: 1, orderBy: 'name' });
    const byName = new Map(deals.records.map((deal: TwentyRecord) => [deal.name, deal]));
    const big = byName.get('Big deal')!;
    expect(big).toMatchObject({
      amount: { amountMicros: 50_000_000_000, currencyCode: 'USD' },
      stage: 'PROPOSAL',
      closeDate: '2025-06-30T00:00:00.000Z',
    });
    expect((big.company as TwentyRecord).name).toBe('Acme');
    expect(((big.pointOfContact as TwentyRecord).name as { firstName: string }).firstName).toBe(
      'Ada',
    );
    const small = byName.get('Small deal')!;
    expect(small).toMatchObject({ stage: 'MEETING', amount: { currencyCode: 'EUR' } });
    expect((small.company as TwentyRecord).name).toBe('Globex');
    const grace = (
      await client.rest.list('people', {
        filter: 'emails.primaryEmail[eq]:"grace@globex.com"',
        depth: 1,
      })
    ).records[0]!;
    expect((grace.company as TwentyRecord).name).toBe('Globex');

    // Notes and tasks attached to their targets through noteTarget / taskTarget.
    const noteTargets = await client.rest.list('noteTargets', { depth: 1, limit: 50 });
    const attached = noteTargets.records
      .map(
        (target) =>
          `${(target.note as TwentyRecord).title} → ${(target.targetCompany as TwentyRecord | null)?.name}`,
      )
      .sort();
    expect(attached).toEqual(['Kick-off → Acme', 'Kick-off → Globex', 'Renewal → Globex']);
    const taskTargets = await client.rest.list('taskTargets', { depth: 1 });
    expect(taskTargets.records).toHaveLength(1);
    expect(
      ((taskTargets.records[0]!.targetPerson as TwentyRecord).name as { firstName: string })
        .firstName,
    ).toBe('Ada');

    await rollbackImport({
      steps: outcome.order,
      client,
      journalPath: outcome.journalPath,
    });
    expect(await snapshotRecords(client, 'opportunities')).toEqual(before.opportunities);
    expect((await client.rest.list('noteTargets', { limit: 1 })).totalCount).toBe(0);
    expect((await client.rest.list('notes', { limit: 1 })).totalCount).toBe(0);
    expect((await client.rest.list('tasks', { limit: 1 })).totalCount).toBe(0);
    expect(await snapshotRecords(client, 'people')).toEqual(before.people);
    expect(await snapshotRecords(client, 'companies')).toEqual(before.companies);
  }, 120_000);

  it.each([
    ['a unique field', 'tag', 'Tag'],
    ['an externalId custom field (not unique)', 'externalId', 'External'],
  ])('upserts by %s', async (_kind, key, column) => {
    const prefix = key === 'tag' ? 'T' : 'X';
    await client.rest.createMany('assets', [
      { name: `${prefix} one`, tag: `${prefix}-1`, externalId: `${prefix}-1`, note: 'before' },
      { name: `${prefix} two`, tag: `${prefix}-2`, externalId: `${prefix}-2`, note: 'before' },
    ]);
    const path = await files.csv(`assets-${key}.csv`, [
      ['Tag', 'External', 'Note'],
      [`${prefix}-2`, `${prefix}-2`, 'after'],
      [`${prefix}-3`, `${prefix}-3`, 'new'],
      [`${prefix}-2`, `${prefix}-2`, 'duplicate in the file'],
    ]);
    const outcome = await importWithEngine({
      client,
      path,
      mode: 'upsert',
      mapping: {
        version: 1,
        object: 'asset',
        fields: {
          [key]: { kind: 'column', column },
          note: { kind: 'column', column: 'Note' },
        },
        dedupe: { key, duplicates: 'first' },
      },
      dir: files.dir,
    });
    expect(outcome.validation).toMatchObject({ existingRows: 1, duplicateRows: 1 });
    expect(outcome.totals).toMatchObject({ created: 1, updated: 1, skipped: 1, failed: 0 });
    const assets = await client.rest.list('assets', {
      filter: `${key}[like]:"${prefix}-%"`,
      orderBy: key,
    });
    expect(assets.records.map((asset) => [asset[key], asset.note])).toEqual([
      [`${prefix}-1`, 'before'],
      [`${prefix}-2`, 'after'],
      [`${prefix}-3`, 'new'],
    ]);
  });

  it('update mode by e-mail changes only the mapped field and skips unknown keys', async () => {
    await client.rest.createMany('people', [
      {
        name: { firstName: 'Up', lastName: 'Date' },
        emails: { primaryEmail: 'up@date.test' },
        jobTitle: 'Old',
      },
    ]);
    const path = await files.csv('titles.csv', [
      ['Email', 'Title'],
      ['UP@date.test', 'New'],
      ['nobody@date.test', 'Ghost'],
    ]);
    const outcome = await importWithEngine({
      client,
      path,
      mode: 'update',
      mapping: {
        version: 1,
        object: 'person',
        fields: {
          emails: { kind: 'column', column: 'Email' },
          jobTitle: { kind: 'column', column: 'Title' },
        },
        dedupe: { key: 'emails.primaryEmail' },
      },
      dir: files.dir,
    });
    expect(outcome.totals).toMatchObject({ updated: 1, skipped: 1, created: 0 });
    expect(outcome.results.find((result) => result.line === 3)!.reason).toBe(
      'No record has emails.primaryEmail "nobody@date.test"',
    );
    const person = (
      await client.rest.list('people', { filter: 'emails.primaryEmail[eq]:"up@date.test"' })
    ).records[0]!;
    expect(person).toMatchObject({ jobTitle: 'New', name: { firstName: 'Up', lastName: 'Date' } });
  });
});
