import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../twenty-client';
import { startFaultProxy, type FaultProxy } from '../twenty-client/testing/fault-proxy';
import { findUsages, type Usage } from './impact';

/** The impact check against the local workspace over real HTTP (PGlite, no demo data). */
let ws: WorkspaceProcess;
let client: TwentyClient;
const ids: Record<string, string> = {};

const metadata = async (query: string, variables?: Record<string, unknown>) =>
  client.metadataGraphql<Record<string, any>>({ query, ...(variables ? { variables } : {}) });

const createObject = async (singular: string, plural: string) =>
  (
    await metadata(
      `mutation($input: CreateOneObjectInput!) { createOneObject(input: $input) { id } }`,
      {
        input: {
          object: {
            nameSingular: singular,
            namePlural: plural,
            labelSingular: singular[0]!.toUpperCase() + singular.slice(1),
            labelPlural: plural[0]!.toUpperCase() + plural.slice(1),
            icon: 'IconBox',
          },
        },
      },
    )
  ).createOneObject.id as string;

const createField = async (field: Record<string, unknown>) =>
  (
    await metadata(
      `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
      { input: { field } },
    )
  ).createOneField.id as string;

const createView = async (input: Record<string, unknown>) =>
  (
    await metadata(`mutation($input: CreateViewInput!) { createView(input: $input) { id } }`, {
      input,
    })
  ).createView.id as string;

const kinds = (usages: Usage[]) => usages.map((usage) => `${usage.kind}: ${usage.description}`);

beforeAll(async () => {
  ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
  client = createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null });
  ids.rocket = await createObject('rocket', 'rockets');
  ids.mission = await createObject('mission', 'missions');
  ids.fuel = await createField({
    objectMetadataId: ids.rocket,
    type: 'SELECT',
    name: 'fuel',
    label: 'Fuel',
    options: [
      { label: 'LOX', value: 'LOX', color: 'blue', position: 0 },
      { label: 'RP-1', value: 'RP1', color: 'red', position: 1 },
    ],
  });
  ids.thrust = await createField({
    objectMetadataId: ids.rocket,
    type: 'NUMBER',
    name: 'thrust',
    label: 'Thrust',
  });
  ids.launchedAt = await createField({
    objectMetadataId: ids.rocket,
    type: 'DATE_TIME',
    name: 'launchedAt',
    label: 'Launched at',
  });
  await createField({
    objectMetadataId: ids.mission,
    type: 'RELATION',
    name: 'rocket',
    label: 'Rocket',
    relationCreationPayload: {
      type: 'MANY_TO_ONE',
      targetObjectMetadataId: ids.rocket,
      targetFieldLabel: 'Missions',
      targetFieldIcon: 'IconRocket',
    },
  });
  ids.board = await createView({
    name: 'Fuel board',
    icon: 'IconLayoutKanban',
    objectMetadataId: ids.rocket,
    type: 'KANBAN',
    mainGroupByFieldMetadataId: ids.fuel,
    kanbanAggregateOperation: 'SUM',
    kanbanAggregateOperationFieldMetadataId: ids.thrust,
  });
  ids.calendar = await createView({
    name: 'Launches',
    icon: 'IconCalendar',
    objectMetadataId: ids.rocket,
    type: 'CALENDAR',
    calendarLayout: 'MONTH',
    calendarFieldMetadataId: ids.launchedAt,
  });
  await metadata(
    `mutation($input: CreateViewFilterInput!) { createViewFilter(input: $input) { id } }`,
    {
      input: { viewId: ids.board, fieldMetadataId: ids.fuel, operand: 'IS', value: ['LOX'] },
    },
  );
  await metadata(
    `mutation($input: CreateViewSortInput!) { createViewSort(input: $input) { id } }`,
    {
      input: { viewId: ids.calendar, fieldMetadataId: ids.thrust, direction: 'DESC' },
    },
  );
  for (const [description, operations] of [
    ['CRM sync', ['rocket.created', 'person.updated']],
    ['', ['*.*']],
    ['People only', ['person.*']],
  ] as const)
    await metadata(
      `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`,
      {
        input: { targetUrl: 'https://example.com/hook', operations, description },
      },
    );
}, 60_000);

afterAll(async () => {
  client?.close();
  await ws?.dispose();
});

describe('findUsages', () => {
  it('lists the views, relations and webhooks that use an object', async () => {
    const { usages, notes } = await findUsages(client, { objectName: 'rocket' });
    expect(notes).toEqual([]);
    expect(kinds(usages)).toEqual([
      'view: View "All Rockets" shows it',
      'view: View "Fuel board" shows it',
      'view: View "Launches" shows it',
      'relation: Field "Rocket" (mission.rocket) points to it',
      'webhook: Webhook "CRM sync" listens to rocket.created',
      'webhook: Webhook "https://example.com/hook" listens to *.*',
    ]);
    expect(usages[1]!.id).toBe(ids.board);
  });

  it('lists what uses a field: columns, filters, groups, aggregates, calendars, identifiers', async () => {
    const fuel = await findUsages(client, { objectName: 'rocket', fieldName: 'fuel' });
    expect(kinds(fuel.usages)).toEqual([
      'viewField: View "All Rockets" shows it',
      'viewFilter: View "Fuel board" filters on it',
      'viewGroup: View "Fuel board" is grouped by it',
      'webhook: Webhook "CRM sync" receives it with rocket.created',
      'webhook: Webhook "https://example.com/hook" receives it with *.*',
    ]);
    const thrust = await findUsages(client, { objectName: 'rocket', fieldName: 'thrust' });
    expect(kinds(thrust.usages).slice(0, 3)).toEqual([
      'viewField: View "All Rockets" shows it',
      'kanbanAggregate: View "Fuel board" totals it on its kanban columns',
      'viewSort: View "Launches" sorts by it',
    ]);
    const launchedAt = await findUsages(client, { objectName: 'rocket', fieldName: 'launchedAt' });
    expect(kinds(launchedAt.usages)).toContain(
      'calendarField: View "Launches" places records on its calendar by it',
    );
    const name = await findUsages(client, { objectName: 'rocket', fieldName: 'name' });
    expect(name.usages).toContainEqual({
      kind: 'labelIdentifier',
      description: 'It is the record label of Rocket',
      id: ids.rocket,
    });
    const missions = await findUsages(client, { objectName: 'rocket', fieldName: 'missions' });
    expect(kinds(missions.usages)).toContain(
      'relation: It is one side of a relation with mission.rocket',
    );
  });

  it('finds the filters and groups that hold option values', async () => {
    const lox = await findUsages(client, {
      objectName: 'rocket',
      fieldName: 'fuel',
      optionValues: ['LOX'],
    });
    expect(kinds(lox.usages)).toEqual([
      'viewFilter: View "Fuel board" filters on "LOX"',
      'viewGroup: View "Fuel board" has a group for "LOX"',
    ]);
    const rp1 = await findUsages(client, {
      objectName: 'rocket',
      fieldName: 'fuel',
      optionValues: ['RP1'],
    });
    expect(kinds(rp1.usages)).toEqual(['viewGroup: View "Fuel board" has a group for "RP1"']);
  });

  it('says what it could not read instead of failing', async () => {
    let proxy: FaultProxy | undefined;
    let proxied: TwentyClient | undefined;
    try {
      proxy = await startFaultProxy(ws.url);
      proxied = createTwentyClient({
        baseUrl: proxy.url,
        apiKey: ws.apiKey,
        rateLimit: null,
        retries: 0,
      });
      proxy.schedule({ kind: 'respond', status: 500, body: { message: 'boom' } }, (request) =>
        request.body.includes('AtelierViews'),
      );
      const { usages, notes } = await findUsages(proxied, { objectName: 'rocket' });
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/^Views could not be read: /);
      expect(usages.map((usage) => usage.kind)).toEqual(['relation', 'webhook', 'webhook']);
    } finally {
      proxied?.close();
      await proxy?.close();
    }
  });

  it('reports an unknown object or field as a note', async () => {
    expect(await findUsages(client, { objectName: 'nothing' })).toEqual({
      usages: [],
      notes: ['There is no object "nothing"'],
    });
  });
});
