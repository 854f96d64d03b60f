import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Import } from '../../../shared/contract/imports';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTestServices } from '../testing/test-services';
import { createTwentyClient, type TwentyRecord } from '../twenty-client';
import { contractCaller, settled, snapshotRecords, tempFolder } from './testing/import-fixtures';

// The wizard's flow through the contract, against a second workspace over real HTTP: two files
// in dependency order with a lookup that creates missing companies, validation, fixes in the
// grid, the run, per-row results, and a rollback that leaves the workspace as it was.
describe('imports over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  let remote: WorkspaceProcess;
  let remoteId: string;
  let call: (method: string, input: unknown) => Promise<any>;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  const client = () =>
    createTwentyClient({ baseUrl: remote.url, apiKey: remote.apiKey, rateLimit: null });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-imports-'));
    files = await tempFolder('import-files');
    services = createTestServices(dataDir, keychain);
    call = contractCaller(services);
    remote = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']);
    await services.localReady;
    remoteId = (
      await call('workspaces.addConnection', {
        name: 'Production',
        baseUrl: remote.url,
        apiKey: remote.apiKey,
        rateLimit: { shortLimit: 10_000, shortTtlMs: 1000, longLimit: 100_000, longTtlMs: 60_000 },
      })
    ).id;
  }, 180_000);
  afterAll(async () => {
    await services?.stop();
    await remote?.dispose();
    for (const account of ['local-workspace', `connection:${remoteId}`])
      await keychain.delete(account).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    await files?.remove();
  });

  const companiesMapping = {
    version: 1,
    object: 'company',
    fields: {
      name: { kind: 'column', column: 'Company' },
      domainName: { kind: 'column', column: 'Website' },
      annualRevenue: { kind: 'column', column: 'Revenue' },
    },
    options: { currency: 'USD' },
    dedupe: { key: 'domainName', duplicates: 'merge' },
  };
  const peopleMapping = {
    version: 1,
    object: 'person',
    fields: {
      name: {
        kind: 'columns',
        parts: { firstName: { column: 'First' }, lastName: { column: 'Last' } },
      },
      emails: { kind: 'column', column: 'Email' },
      jobTitle: { kind: 'column', column: 'Title', transforms: [{ type: 'trim' }] },
      company: {
        kind: 'lookup',
        column: 'Company domain',
        object: 'company',
        by: 'domainName',
        createMissing: true,
      },
    },
    dedupe: { key: 'emails', duplicates: 'first' },
  };

  it('validates, takes fixes, runs two files in order, reports each row and rolls back exactly', async () => {
    const before = {
      companies: await snapshotRecords(client(), 'companies'),
      people: await snapshotRecords(client(), 'people'),
    };
    const companies = await files.csv('companies.csv', [
      ['Company', 'Website', 'Revenue'],
      ['Acme', 'https://www.acme.com/', '$1,200'],
      ['Globex', 'globex.com', 'many'],
      ['Acme Corp', 'acme.com', ''],
      ['Initech', 'initech.com', '40000'],
    ]);
    const people = await files.csv('people.csv', [
      ['First', 'Last', 'Email', 'Title', 'Company domain'],
      ['Ada', 'Lovelace', 'ada@acme.com', '  Engineer ', 'acme.com'],
      ['Grace', 'Hopper', 'grace(at)globex.com', 'Admiral', 'globex.com'],
      ['Alan', 'Turing', 'alan@initech.com', 'Mathematician', 'INITECH.com'],
      ['Ada', 'L.', 'ADA@acme.com', 'Duplicate', 'acme.com'],
      ['Katherine', 'Johnson', 'kj@nasa.gov', 'Scientist', 'nasa.gov'],
      ['Bad', 'Row', 'bad@x.com', 'Excluded', 'x.com'],
    ]);

    const created: Import = await call('imports.createImport', {
      connectionId: remoteId,
      name: 'CRM move',
      // People first on purpose: the run puts companies first (people look them up).
      steps: [
        { path: people, mapping: peopleMapping, mode: 'create' },
        { path: companies, mapping: companiesMapping, mode: 'create' },
      ],
    });
    expect(created.state).toBe('draft');
    const [peopleStep, companiesStep] = created.steps;
    expect(companiesStep!.order).toBe(0);
    expect(peopleStep!.order).toBe(1);

    await call('imports.validate', { importId: created.id });
    let validated = await settled(call, created.id);
    expect(validated.state).toBe('validated');
    const countsOf = (value: Import, id: string) => value.steps.find((s) => s.id === id)!.counts;
    expect(countsOf(validated, companiesStep!.id)).toMatchObject({
      rows: 4,
      errorRows: 1, // "many" is no amount
      duplicateRows: 1, // acme.com twice
      existingRows: 0,
    });
    expect(countsOf(validated, peopleStep!.id)).toMatchObject({
      rows: 6,
      errorRows: 1,
      duplicateRows: 1,
    });

    // The grid: the bad e-mail, fixed in place; the duplicate is flagged.
    const grid = await call('imports.problemRows', {
      importId: created.id,
      stepId: peopleStep!.id,
      filter: 'problems',
    });
    expect(grid.headers).toEqual(['First', 'Last', 'Email', 'Title', 'Company domain']);
    const bad = grid.rows.find((row: any) => row.line === 3);
    expect(bad.problems[0]).toMatchObject({ column: 'Email', severity: 'error' });
    expect(bad.problems[0].message).toContain('grace(at)globex.com');
    expect(grid.rows.find((row: any) => row.line === 5).duplicateOf).toBe(2);

    const fixed = await call('imports.fixRow', {
      importId: created.id,
      stepId: peopleStep!.id,
      line: 3,
      cells: { Email: 'grace@globex.com' },
    });
    expect(fixed).toMatchObject({ fixed: ['Email'], problems: [] });
    expect(fixed.cells.Email).toBe('grace@globex.com');
    // A row without problems can be excluded only once it is in the grid: the duplicate is.
    await expect(
      call('imports.fixRow', {
        importId: created.id,
        stepId: peopleStep!.id,
        line: 7,
        excluded: true,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    validated = await call('imports.getImport', { importId: created.id });
    expect(countsOf(validated, peopleStep!.id).errorRows).toBe(0);
    expect(validated.message).toBe('1 row has errors: fix or exclude them, or run without them');
    expect(
      (
        await call('imports.problemRows', {
          importId: created.id,
          stepId: peopleStep!.id,
          filter: 'errors',
        })
      ).total,
    ).toBe(0);

    const report = await call('imports.errorReport', { importId: created.id });
    expect(report.csv.split('\n')[0]).toBe('file,line,column,field,value,severity,message,row');
    expect(report.csv).toContain(
      "companies.csv,3,Revenue,annualRevenue.amountMicros,many,error,'many' is not an amount,",
    );
    expect(report.csv).toContain('people.csv,5,,,,duplicate,Same key as line 2,');
    expect(await readFile(report.path, 'utf8')).toBe(report.csv);

    // A remote needs the admin's confirmation; a read-only connection is never written.
    await expect(call('imports.run', { importId: created.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { needsConfirmation: true, target: 'Production' },
    });
    await call('workspaces.updateConnection', { id: remoteId, readOnly: true });
    await expect(
      call('imports.run', { importId: created.id, confirm: true }),
    ).rejects.toMatchObject({
      code: 'PERMISSION',
    });
    await call('workspaces.updateConnection', { id: remoteId, readOnly: false });

    await call('imports.run', { importId: created.id, confirm: true });
    const done = await settled(call, created.id);
    expect(done.state).toBe('done');
    expect(countsOf(done, companiesStep!.id)).toMatchObject({ created: 2, skipped: 1, failed: 1 });
    expect(countsOf(done, peopleStep!.id)).toMatchObject({
      created: 5,
      skipped: 1,
      failed: 0,
      parentsCreated: 3, // globex.com (its own row failed), nasa.gov and x.com, for the lookup
    });

    const after = await client().rest.list('people', { depth: 1, limit: 50 });
    const byEmail = new Map(
      after.records.map((person: TwentyRecord) => [(person.emails as any).primaryEmail, person]),
    );
    const ada = byEmail.get('ada@acme.com')!;
    expect(ada.jobTitle).toBe('Engineer');
    expect((ada.company as any).name).toBe('Acme'); // merged: the first row's name kept
    expect((ada.company as any).annualRevenue).toEqual({
      amountMicros: 1_200_000_000,
      currencyCode: 'USD',
    });
    expect((byEmail.get('alan@initech.com')!.company as any).name).toBe('Initech');
    expect((byEmail.get('kj@nasa.gov')!.company as any).domainName.primaryLinkUrl).toBe('nasa.gov');
    expect(byEmail.has('bad@x.com')).toBe(true);

    const results = await call('imports.resultRows', { importId: created.id, limit: 100 });
    expect(results.total).toBe(10);
    expect(results.rows.find((r: any) => r.step === 'companies.csv' && r.line === 4)).toMatchObject(
      {
        status: 'skipped',
        reason: 'Merged into line 2 (same domainName.primaryLinkUrl)',
      },
    );
    expect(results.rows.find((r: any) => r.step === 'companies.csv' && r.line === 3)).toMatchObject(
      {
        status: 'failed',
      },
    );
    expect(results.rows.find((r: any) => r.step === 'people.csv' && r.line === 2)).toMatchObject({
      status: 'created',
      id: ada.id,
    });
    const failedOnly = await call('imports.resultRows', { importId: created.id, status: 'failed' });
    expect(failedOnly.total).toBe(1);
    const csv = await call('imports.resultReport', { importId: created.id });
    expect(csv.csv.split('\n')[0]).toBe('file,line,status,record id,reason');
    expect(csv.rows).toBe(10);

    await call('imports.rollback', { importId: created.id, confirm: true });
    const rolledBack = await settled(call, created.id);
    expect(rolledBack.state).toBe('rolled-back');
    expect(await snapshotRecords(client(), 'companies')).toEqual(before.companies);
    expect(await snapshotRecords(client(), 'people')).toEqual(before.people);
  }, 120_000);

  it('upserts by e-mail and a rollback restores the previous values of updated records', async () => {
    const api = client();
    const existing = await api.rest.createMany('people', [
      {
        name: { firstName: 'Old', lastName: 'Name' },
        emails: { primaryEmail: 'keep@x.com' },
        jobTitle: 'Before',
        avatarUrl: 'https://x.test/a.png',
      },
      {
        name: { firstName: 'Trashed', lastName: 'One' },
        emails: { primaryEmail: 'trash@x.com' },
        jobTitle: 'Gone',
      },
    ]);
    await api.rest.delete('people', String(existing[1]!.id), { soft: true });
    const before = await snapshotRecords(api, 'people');

    const path = await files.csv('upsert.csv', [
      ['Email', 'Title'],
      ['KEEP@x.com', 'After'],
      ['trash@x.com', 'Back'],
      ['new@x.com', 'Fresh'],
    ]);
    const created: Import = await call('imports.createImport', {
      connectionId: remoteId,
      name: 'Titles',
      steps: [
        {
          path,
          mode: 'upsert',
          mapping: {
            version: 1,
            object: 'person',
            fields: {
              emails: { kind: 'column', column: 'Email' },
              jobTitle: { kind: 'column', column: 'Title' },
            },
            dedupe: { key: 'emails.primaryEmail' },
          },
        },
      ],
    });
    await call('imports.validate', { importId: created.id });
    const validated = await settled(call, created.id);
    expect(validated.steps[0]!.counts).toMatchObject({ rows: 3, errorRows: 0, existingRows: 2 });
    await call('imports.run', { importId: created.id, confirm: true });
    const done = await settled(call, created.id);
    expect(done.steps[0]!.counts).toMatchObject({ created: 1, updated: 2, failed: 0 });
    const kept = await api.rest.get('people', String(existing[0]!.id));
    expect(kept).toMatchObject({
      jobTitle: 'After',
      avatarUrl: 'https://x.test/a.png',
      name: { firstName: 'Old' },
    });
    const restored = await api.rest.get('people', String(existing[1]!.id));
    expect(restored).toMatchObject({ jobTitle: 'Back', deletedAt: null });

    await call('imports.rollback', { importId: created.id, confirm: true });
    expect((await settled(call, created.id)).state).toBe('rolled-back');
    expect(await snapshotRecords(api, 'people')).toEqual(before);
  }, 120_000);

  it('pauses a run and resumes it without duplicates; a dry run on the local workspace leaves nothing', async () => {
    const rows = [['Email', 'Title']];
    for (let i = 0; i < 3000; i++) rows.push([`pause${i}@x.com`, `Role ${i}`]);
    const path = await files.csv('pause.csv', rows);
    const mapping = {
      version: 1,
      object: 'person',
      fields: {
        emails: { kind: 'column', column: 'Email' },
        jobTitle: { kind: 'column', column: 'Title' },
      },
      dedupe: { key: 'emails' },
    };
    const created: Import = await call('imports.createImport', {
      connectionId: remoteId,
      name: 'Pausable',
      steps: [{ path, mapping, mode: 'create' }],
    });

    // Dry run: the same import on the local workspace, then rolled back there.
    const dry: Import = await call('imports.dryRun', { importId: created.id });
    expect(dry).toMatchObject({ connectionId: 'local', dryRunOf: created.id });
    const dryDone = await settled(call, dry.id);
    expect(dryDone.state).toBe('rolled-back');
    expect(dryDone.message).toMatch(
      /^Dry run on .*: 3000 created, 0 updated, 0 skipped, 0 failed\. Rolled back: 3000 records deleted/,
    );
    const local = await call('playground.run', {
      connectionId: 'local',
      request: {
        kind: 'rest',
        api: 'core',
        method: 'GET',
        path: '/people?limit=1&filter=emails.primaryEmail[like]:"pause%"',
      },
    });
    expect(local.exchange.body.totalCount).toBe(0);
    expect((await call('imports.resultRows', { importId: dry.id })).total).toBe(3000);

    // Validated first: the run's progress never shows the validation's line.
    await call('imports.validate', { importId: created.id });
    expect((await settled(call, created.id)).progress?.phase).toBe('Checking pause.csv');

    // Pause as soon as some batches are written, then run again.
    const seen: Import[] = [];
    const stop = services.events.listen((event, payload) => {
      const value = payload as Import;
      if (event === 'imports.onImportChanged' && value.id === created.id) seen.push(value);
    });
    await call('imports.run', { importId: created.id, confirm: true });
    for (;;) {
      const now: Import = await call('imports.getImport', { importId: created.id });
      const writing = now.progress?.phase === 'Writing records';
      if ((writing && now.progress!.done >= 400) || now.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await call('imports.pause', { importId: created.id });
    const paused = await settled(call, created.id);
    expect(paused.state).toBe('paused');
    const partial = paused.steps[0]!.counts.created;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(3000);
    expect(seen.some((value) => value.progress?.phase === 'Writing records')).toBe(true);
    expect(
      seen.filter((value) => value.state === 'running').map((value) => value.progress?.phase),
    ).not.toContain('Checking pause.csv');

    await call('imports.run', { importId: created.id, confirm: true });
    const done = await settled(call, created.id);
    stop();
    expect(done.state).toBe('done');
    expect(done.steps[0]!.counts).toMatchObject({ created: 3000, failed: 0, skipped: 0 });
    const people = await snapshotRecords(client(), 'people');
    const emails = [...people.values()]
      .map((person) => (person.emails as { primaryEmail: string }).primaryEmail)
      .filter((email) => email.startsWith('pause'));
    expect(emails).toHaveLength(3000);
    expect(new Set(emails).size).toBe(3000);
  }, 180_000);

  it('validates the file alone when asked, and reads mapping files', async () => {
    const path = await files.csv('alone.csv', [['Email'], ['someone@x.com'], ['bad(at)x']]);
    const mapping = {
      version: 1,
      object: 'person',
      fields: { emails: { kind: 'column', column: 'Email' } },
      dedupe: { key: 'emails' },
    };
    const created: Import = await call('imports.createImport', {
      connectionId: remoteId,
      name: 'File only',
      steps: [{ path, mapping }],
    });
    await call('imports.validate', { importId: created.id, checkWorkspace: false });
    const validated = await settled(call, created.id);
    expect(validated.steps[0]!.counts).toMatchObject({ rows: 2, errorRows: 1, existingRows: null });

    const good = await files.file('mapping.json', JSON.stringify(mapping));
    expect(await call('imports.readMappingFile', { path: good })).toMatchObject({
      mapping: { object: 'person', dedupe: { key: 'emails', duplicates: 'first' } },
      problems: [],
    });
    const future = await files.file('future.json', JSON.stringify({ ...mapping, version: 9 }));
    expect(await call('imports.readMappingFile', { path: future })).toEqual({
      mapping: null,
      problems: ['This mapping is version 9; this Atelier reads version 1 — update Atelier.'],
    });
  });

  it('does not warn of lookups into an object another file of the import brings', async () => {
    const companies = await files.csv('brought.csv', [
      ['Name', 'Domain'],
      ['Brought', 'brought.test'],
    ]);
    const people = await files.csv('linked.csv', [
      ['Email', 'Domain'],
      ['one@brought.test', 'brought.test'],
    ]);
    const personMapping = {
      version: 1,
      object: 'person',
      fields: {
        emails: { kind: 'column', column: 'Email' },
        company: { kind: 'lookup', column: 'Domain', object: 'company', by: 'domainName' },
      },
    };
    const alone: Import = await call('imports.createImport', {
      connectionId: remoteId,
      name: 'People alone',
      steps: [{ path: people, mapping: personMapping }],
    });
    await call('imports.validate', { importId: alone.id });
    expect((await settled(call, alone.id)).steps[0]!.counts.warningRows).toBe(1);

    const both: Import = await call('imports.createImport', {
      connectionId: remoteId,
      name: 'People with their companies',
      steps: [
        { path: people, mapping: personMapping },
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
      ],
    });
    await call('imports.validate', { importId: both.id });
    const validated = await settled(call, both.id);
    expect(validated.steps.map((step) => step.counts.warningRows)).toEqual([0, 0]);
  });

  it('refuses an update without a key and a mapping for an object the workspace lacks', async () => {
    const path = await files.csv('x.csv', [['Email'], ['a@x.com']]);
    await expect(
      call('imports.createImport', {
        connectionId: remoteId,
        name: 'No key',
        steps: [
          {
            path,
            mode: 'update',
            mapping: {
              version: 1,
              object: 'person',
              fields: { emails: { kind: 'column', column: 'Email' } },
            },
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('needs a dedupe key'),
    });
    await expect(
      call('imports.createImport', {
        connectionId: remoteId,
        name: 'Nowhere',
        steps: [{ path, mapping: { version: 1, object: 'spaceship', fields: {} } }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('no object "spaceship"') });
  });
});
