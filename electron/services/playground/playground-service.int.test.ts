import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, graphqlSync, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../shared/contract/playground';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTestServices } from '../testing/test-services';

// The playground's main side through the contract, against the local workspace and a second
// Twenty-compatible server over real HTTP: answers as they came, the key never in them, mutations
// elsewhere only when confirmed, schemas kept for offline use, the rate-limit meter.
describe('playground over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  let remote: WorkspaceProcess;
  let remoteId: string;
  const call = async (method: string, input: unknown): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  const run = (connectionId: string, request: unknown, confirmMutation = false) =>
    call('playground.run', { connectionId, request, confirmMutation }) as Promise<RunOutput>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-playground-'));
    services = createTestServices(dataDir, keychain);
    remote = await startWorkspaceProcess('pglite', ['--no-demo-data']);
    await services.localReady;
    const added = await call('workspaces.addConnection', {
      name: 'Remote',
      baseUrl: remote.url,
      apiKey: remote.apiKey,
    });
    remoteId = added.id;
  }, 120_000);
  afterAll(async () => {
    await services?.stop();
    await remote?.dispose();
    await keychain.delete('local-workspace');
    if (remoteId) await keychain.delete(`connection:${remoteId}`).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("returns Twenty's answer as it came: status, headers, body, size and timing", async () => {
    const answer = await run('local', {
      kind: 'graphql',
      api: 'core',
      query: 'query People { people(first: 2) { edges { node { id name { firstName } } } } }',
    });
    expect(answer.exchange.status).toBe(200);
    expect(answer.exchange.headers['content-type']).toMatch(/application\/json/);
    expect(answer.exchange.body).toMatchObject({ data: { people: { edges: expect.any(Array) } } });
    expect(answer.exchange.sizeBytes).toBe(Buffer.byteLength(JSON.stringify(answer.exchange.body)));
    expect(answer.exchange.durationMs).toBeGreaterThan(0);
    expect(answer).toMatchObject({ mutation: false, cost: 1 });
    expect(JSON.stringify(answer)).not.toContain(remote.apiKey);

    // Twenty's errors are the answer, not an exception: code and place in the query kept.
    const wrong = await run('local', {
      kind: 'graphql',
      api: 'core',
      query: '{ people { edges { node { nope } } } }',
    });
    const error = (wrong.exchange.body as any).errors[0];
    expect(error.message).toContain('nope');
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.locations[0]).toEqual({ line: 1, column: 27 });

    const rest = await run('local', {
      kind: 'rest',
      api: 'core',
      method: 'GET',
      path: '/companies?limit=1&filter=name[like]:%25zz-none%25',
    });
    expect(rest.exchange.status).toBe(200);
    expect((rest.exchange.body as any).data.companies).toEqual([]);
    const bad = await run('local', {
      kind: 'rest',
      api: 'core',
      method: 'GET',
      path: '/companies?filter=name[nope]:x',
    });
    expect(bad.exchange.status).toBe(400);
    expect((bad.exchange.body as any).messages[0]).toContain('nope');
  });

  it('runs a mutation on another workspace only once the admin confirmed it', async () => {
    const create = {
      kind: 'rest',
      api: 'core',
      method: 'POST',
      path: '/companies',
      body: { name: 'Playground Ltd' },
    };
    await expect(run(remoteId, create)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'This request can change data in "Remote": confirm it to run it',
    });
    const list = async () =>
      (
        (await run(remoteId, { kind: 'rest', api: 'core', method: 'GET', path: '/companies' }))
          .exchange.body as any
      ).data.companies.map((c: any) => c.name);
    expect(await list()).not.toContain('Playground Ltd');
    const created = await run(remoteId, create, true);
    expect(created).toMatchObject({ mutation: true, exchange: { status: 201 } });
    expect(await list()).toContain('Playground Ltd');
    // Read-only in Atelier: refused even when confirmed; reads still run.
    await call('workspaces.updateConnection', { id: remoteId, readOnly: true });
    await expect(run(remoteId, create, true)).rejects.toMatchObject({
      code: 'PERMISSION',
      message:
        '"Remote" is read-only in Atelier: turn read-only off in Connections to change data there',
    });
    expect((await list()).filter((name: string) => name === 'Playground Ltd')).toHaveLength(1);
    await call('workspaces.updateConnection', { id: remoteId, readOnly: false });
    // The local workspace is the admin's own sandbox: no confirmation there.
    const local = await run('local', { ...create, body: { name: 'Sandbox Ltd' } });
    expect(local.exchange.status).toBe(201);
  });

  it("meters the key's rate-limit windows as requests are sent", async () => {
    const before = await call('playground.rateLimit', { connectionId: remoteId });
    expect(before.buckets.map((b: any) => [b.limit, b.windowMs])).toEqual([
      [100, 1000],
      [100, 60000],
    ]);
    const after = await run(remoteId, {
      kind: 'graphql',
      api: 'core',
      query: '{ a: companies(first: 1) { totalCount } b: people(first: 1) { totalCount } }',
    });
    expect(after.cost).toBe(2);
    expect(after.rateLimit.buckets[1]!.remaining).toBeLessThanOrEqual(
      before.buckets[1].remaining - 2,
    );
  });
  it('saves queries as plain files, flags those a rename broke, and keeps a searchable history', async () => {
    const connectionId = 'local';
    // A custom field both saved queries use.
    const created = await run(connectionId, {
      kind: 'graphql',
      api: 'metadata',
      query: `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      variables: {
        input: {
          field: {
            objectMetadataId: (
              await call('dataModel.getModel', { connectionId })
            ).model.objects.find((o: any) => o.nameSingular === 'company').id,
            type: 'TEXT',
            name: 'segment',
            label: 'Segment',
          },
        },
      },
    });
    expect((created.exchange.body as any).errors).toBeUndefined();
    await call('playground.introspect', { connectionId, api: 'core', refresh: true });
    await call('dataModel.getModel', { connectionId, refresh: true });

    const graphql = {
      kind: 'graphql',
      api: 'core',
      query:
        'query Segments($n: Int) {\n  companies(first: $n) { edges { node { name segment } } }\n}\n',
      variables: { n: 3 },
    };
    const rest = {
      kind: 'rest',
      api: 'core',
      method: 'GET',
      path: '/companies?filter=segment[eq]:smb&order_by=segment[AscNullsFirst]',
      headers: { 'x-trace': 'on' },
    };
    await call('playground.saveQuery', { connectionId, name: 'Segments', request: graphql });
    await call('playground.saveQuery', { connectionId, name: 'SMB companies', request: rest });
    await expect(
      call('playground.saveQuery', { connectionId, name: 'Segments', request: rest }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const folder = join(dataDir, 'queries', connectionId);
    expect(await readFile(join(folder, 'Segments.graphql'), 'utf8')).toBe(graphql.query);
    expect(JSON.parse(await readFile(join(folder, 'Segments.variables.json'), 'utf8'))).toEqual({
      n: 3,
    });
    expect(await readFile(join(folder, 'SMB companies.http'), 'utf8')).toBe(
      'GET /rest/companies?filter=segment[eq]:smb&order_by=segment[AscNullsFirst]\nx-trace: on\n',
    );
    const fresh = await call('playground.listSaved', { connectionId });
    expect(fresh.queries.map((q: any) => [q.name, q.checked, q.problems])).toEqual([
      ['Segments', true, []],
      ['SMB companies', true, []],
    ]);
    expect(fresh.queries[0].request).toMatchObject({ query: graphql.query, variables: { n: 3 } });

    // Before the data-model editor renames or deletes, it lists the saved queries in the way.
    const usagesOf = async (objectName: string, fieldName?: string) =>
      (
        await call('schema.findUsages', {
          connectionId,
          objectName,
          ...(fieldName ? { fieldName } : {}),
        })
      ).usages
        .filter((u: any) => u.kind === 'savedQuery')
        .map((u: any) => u.description);
    expect(await usagesOf('company', 'segment')).toEqual([
      'Saved query "Segments" (Segments.graphql) uses `segment`',
      'Saved query "SMB companies" (SMB companies.http) uses `segment`',
    ]);
    expect(await usagesOf('company', 'name')).toEqual([
      'Saved query "Segments" (Segments.graphql) uses `name`',
    ]);
    expect(await usagesOf('company')).toHaveLength(2);
    expect(await usagesOf('person')).toEqual([]);

    // The field is renamed in the workspace: both saved queries are flagged once it is read again.
    const segment = (await call('dataModel.getModel', { connectionId })).model.objects
      .find((o: any) => o.nameSingular === 'company')
      .fields.find((f: any) => f.name === 'segment');
    await run(connectionId, {
      kind: 'graphql',
      api: 'metadata',
      query: `mutation($id: UUID!) { updateOneField(input: { id: $id, update: { name: "tier", label: "Tier" } }) { id } }`,
      variables: { id: segment.id },
    });
    await call('playground.introspect', { connectionId, api: 'core', refresh: true });
    await call('dataModel.getModel', { connectionId, refresh: true });
    const after = await call('playground.listSaved', { connectionId });
    const problems = Object.fromEntries(after.queries.map((q: any) => [q.name, q.problems]));
    expect(problems.Segments).toEqual([
      { message: 'Cannot query field "segment" on type "Company".', line: 2, column: 46 },
    ]);
    expect(problems['SMB companies'].map((p: any) => p.message).join('\n')).toMatch(
      /filter: .*segment/,
    );

    const history = await call('playground.history', { connectionId, search: 'updateOneField' });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 200, failure: null });
    const all = await call('playground.history', { connectionId });
    expect(all[0].request.query).toContain('updateOneField');
    expect(all.length).toBeGreaterThanOrEqual(3);

    await call('playground.removeQuery', { connectionId, name: 'Segments' });
    expect(
      (await call('playground.listSaved', { connectionId })).queries.map((q: any) => q.name),
    ).toEqual(['SMB companies']);
  });

  it('keeps the introspected schema and serves it when the workspace is unreachable', async () => {
    const live = await call('playground.introspect', { connectionId: remoteId, api: 'core' });
    expect(live.source).toBe('live');
    const schema = buildClientSchema(live.schema as unknown as IntrospectionQuery);
    expect(schema.getQueryType()?.getFields().companies).toBeDefined();
    expect(graphqlSync({ schema, source: '{ __typename }' }).errors).toBeUndefined();
    const onDisk = JSON.parse(
      await readFile(join(dataDir, 'introspection-core', `${remoteId}.json`), 'utf8'),
    );
    expect(onDisk.schema.__schema.queryType.name).toBe('Query');
    const metadata = await call('playground.introspect', {
      connectionId: remoteId,
      api: 'metadata',
    });
    expect(
      buildClientSchema(metadata.schema as unknown as IntrospectionQuery)
        .getQueryType()
        ?.getFields().objects,
    ).toBeDefined();

    // The last test: the remote stays down (afterAll removes it).
    await remote.stop();
    {
      const offline = await call('playground.introspect', {
        connectionId: remoteId,
        api: 'core',
        refresh: true,
      });
      expect(offline.source).toBe('cache');
      expect(offline.problem).toMatch(/reach/i);
      expect(offline.schema).toEqual(live.schema);
    }
  });
});
