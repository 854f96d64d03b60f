import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../data-model/read-model';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { countRecords } from './record-counts';

/** Record counts from the local workspace's core GraphQL over real HTTP (PGlite, no demo data). */
let ws: WorkspaceProcess;
let client: TwentyClient;

const metadata = (query: string, variables: Record<string, unknown>) =>
  client.metadataGraphql<Record<string, any>>({ query, variables });

beforeAll(async () => {
  ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
  client = createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null });
  const ids: string[] = [];
  for (const [singular, plural] of [
    ['probe', 'probes'],
    ['orbit', 'orbits'],
  ]) {
    const created = await metadata(
      `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
      {
        input: {
          object: {
            nameSingular: singular,
            namePlural: plural,
            labelSingular: singular,
            labelPlural: plural,
            icon: 'IconBox',
          },
        },
      },
    );
    ids.push(created.createOneObject.id);
  }
  const field = (input: Record<string, unknown>) =>
    metadata(
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      {
        input: { field: { objectMetadataId: ids[0], ...input } },
      },
    );
  await field({ type: 'NUMBER', name: 'mass', label: 'Mass' });
  await field({ type: 'LINKS', name: 'site', label: 'Site' });
  await field({
    type: 'RELATION',
    name: 'orbit',
    label: 'Orbit',
    relationCreationPayload: {
      type: 'MANY_TO_ONE',
      targetObjectMetadataId: ids[1],
      targetFieldLabel: 'Probes',
      targetFieldIcon: 'IconBox',
    },
  });
  const orbit = await client.rest.request<{ data: { createOrbit: { id: string } } }>({
    method: 'POST',
    path: '/orbits',
    body: { name: 'LEO' },
  });
  await client.rest.request({
    method: 'POST',
    path: '/batch/probes',
    body: [
      {
        name: 'A',
        mass: 10,
        site: { primaryLinkUrl: 'https://a.example' },
        orbitId: orbit.data.createOrbit.id,
      },
      { name: 'B', mass: 20 },
      { name: 'C' },
    ],
  });
}, 60_000);

afterAll(async () => {
  client?.close();
  await ws?.dispose();
});

describe('countRecords', () => {
  it('counts all records, by singular or plural name', async () => {
    expect(await countRecords(client, 'probe')).toEqual({ total: 3 });
    expect(await countRecords(client, 'probes')).toEqual({ total: 3 });
  });

  it('counts the records that hold a value: scalar, composite, many-to-one', async () => {
    expect(await countRecords(client, 'probe', 'mass')).toEqual({ total: 3, withValue: 2 });
    expect(await countRecords(client, 'probe', 'site')).toEqual({ total: 3, withValue: 1 });
    expect(await countRecords(client, 'probe', 'orbit')).toEqual({ total: 3, withValue: 1 });
  });

  it('takes a model object, and leaves withValue out where Twenty cannot filter', async () => {
    const { objects } = await readModel(client);
    const orbit = objects.find((object) => object.nameSingular === 'orbit')!;
    expect(await countRecords(client, orbit, 'probes')).toEqual({ total: 1 });
  });

  it('refuses unknown objects and fields', async () => {
    await expect(countRecords(client, 'nothing')).rejects.toThrow('There is no object "nothing"');
    await expect(countRecords(client, 'probe', 'nope')).rejects.toThrow(
      'There is no field "nope" on probe',
    );
  });
});
