import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import { createTestServices } from '../testing/test-services';

// The model read through the contract from the local workspace, cached for offline use.
describe('dataModel over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  const call = async (method: string, input: unknown): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-model-'));
    services = createTestServices(dataDir, keychain);
    await services.localReady;
  });
  afterAll(async () => {
    await services?.stop();
    await keychain.delete('local-workspace');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads every object with its fields and relations, and caches the copy', async () => {
    const read = await call('dataModel.getModel', { connectionId: 'local' });
    expect(read).toMatchObject({ source: 'live', problem: null });
    const names = read.model.objects.map((object: any) => object.nameSingular);
    expect(names).toEqual(expect.arrayContaining(['person', 'company', 'opportunity']));
    const person = read.model.objects.find((object: any) => object.nameSingular === 'person');
    const company = person.fields.find((field: any) => field.name === 'company');
    expect(company).toMatchObject({
      type: 'RELATION',
      relation: { type: 'MANY_TO_ONE', targetObject: 'company', targetField: 'people' },
    });
    expect(person.fields.some((field: any) => field.isSystem)).toBe(true);
    const cached = JSON.parse(await readFile(join(dataDir, 'models', 'local.json'), 'utf8'));
    expect(cached.model.objects).toHaveLength(read.model.objects.length);
    // A second read without refresh is the cached copy, not another request.
    expect((await call('dataModel.getModel', { connectionId: 'local' })).readAt).toBe(read.readAt);
  });

  it('tells custom objects and fields from standard ones', async () => {
    const client = await services.workspaces.client('local');
    await client.metadataGraphql({
      query: `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
      variables: {
        input: {
          object: {
            nameSingular: 'rocket',
            namePlural: 'rockets',
            labelSingular: 'Rocket',
            labelPlural: 'Rockets',
          },
        },
      },
    });
    const read = await call('dataModel.getModel', { connectionId: 'local', refresh: true });
    const byName = (name: string) =>
      read.model.objects.find((object: any) => object.nameSingular === name);
    expect(byName('rocket')).toMatchObject({ isCustom: true, labelPlural: 'Rockets' });
    expect(byName('person')).toMatchObject({ isCustom: false });
    expect(byName('rocket').fields.find((field: any) => field.name === 'name')).toBeDefined();
  });

  it('keeps diagram positions per workspace and refuses malformed ones', async () => {
    expect(await call('dataModel.getLayout', { connectionId: 'local' })).toEqual({ positions: {} });
    const layout = { positions: { person: { x: 10, y: -20.5 }, company: { x: 400, y: 0 } } };
    await call('dataModel.saveLayout', { connectionId: 'local', layout });
    expect(await call('dataModel.getLayout', { connectionId: 'local' })).toEqual(layout);
    const bad = await services.dispatcher.dispatch('dataModel.saveLayout', {
      connectionId: '../../etc',
      layout: { positions: { person: { x: 'far' } } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves the last copy, marked, when the workspace cannot be read', async () => {
    process.kill(services.localPid()!, 'SIGKILL');
    await expect
      .poll(async () => (await call('workspaces.listConnections', {})).connections[0].status.state)
      .toBe('error');
    const read = await call('dataModel.getModel', { connectionId: 'local', refresh: true });
    expect(read.source).toBe('cache');
    expect(read.problem).toMatch(/ECONNREFUSED|local workspace/);
    expect(read.model.objects.length).toBeGreaterThan(10);
  });
});
