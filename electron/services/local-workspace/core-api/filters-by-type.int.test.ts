import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Each filter operator on each field type that supports it, over REST and GraphQL, against known records. */
type Item = Record<string, any> & { key: string };

const ITEMS: Item[] = [
  {
    key: 'a',
    title: 'Alpha',
    score: 1,
    done: true,
    dueAt: '2026-01-01T10:00:00.000Z',
    day: '2026-01-01',
    tier: 'GOLD',
    tags: ['RED', 'BLUE'],
    stars: 'RATING_5',
    ref: '00000000-0000-4000-8000-00000000000a',
    words: ['north', 'east'],
    meta: { kind: 'x' },
    budget: { amountMicros: 5000000, currencyCode: 'USD' },
    owner: { firstName: 'Ada', lastName: 'Byron' },
    contact: { primaryEmail: 'ada@alpha.example' },
    site: { primaryLinkUrl: 'https://alpha.example' },
    line: { primaryPhoneNumber: '600000001' },
    place: { addressCity: 'Paris' },
  },
  {
    key: 'b',
    title: 'Beta',
    score: 5,
    done: false,
    dueAt: '2026-03-01T10:00:00.000Z',
    day: '2026-03-01',
    tier: 'SILVER',
    tags: ['BLUE'],
    stars: 'RATING_3',
    ref: '00000000-0000-4000-8000-00000000000b',
    words: ['south'],
    meta: { kind: 'y' },
    budget: { amountMicros: 1000000, currencyCode: 'EUR' },
    owner: { firstName: 'Bob', lastName: 'Smith' },
    contact: { primaryEmail: 'bob@beta.example' },
    site: { primaryLinkUrl: 'https://beta.example' },
    line: { primaryPhoneNumber: '600000002' },
    place: { addressCity: 'Lyon' },
  },
  {
    key: 'c',
    title: null,
    score: 9,
    done: false,
    dueAt: null,
    day: null,
    tier: null,
    tags: [],
    stars: 'RATING_1',
    ref: null,
    words: [],
    meta: null,
    budget: { amountMicros: 9000000, currencyCode: 'USD' },
    owner: { firstName: 'Cy', lastName: 'Byron' },
    contact: { primaryEmail: null },
    site: { primaryLinkUrl: null },
    line: { primaryPhoneNumber: null },
    place: { addressCity: 'Paris' },
  },
];

const CASES: Array<{ rest: string; graphql: Record<string, unknown>; expected: string[] }> = [
  { rest: 'title[eq]:Alpha', graphql: { title: { eq: 'Alpha' } }, expected: ['a'] },
  { rest: 'title[neq]:Alpha', graphql: { title: { neq: 'Alpha' } }, expected: ['b'] },
  {
    rest: 'title[in]:[Alpha,Beta]',
    graphql: { title: { in: ['Alpha', 'Beta'] } },
    expected: ['a', 'b'],
  },
  { rest: 'title[startsWith]:Al', graphql: { title: { startsWith: 'Al' } }, expected: ['a'] },
  { rest: 'title[endsWith]:ta', graphql: { title: { endsWith: 'ta' } }, expected: ['b'] },
  { rest: 'title[like]:%lph%', graphql: { title: { like: '%lph%' } }, expected: ['a'] },
  { rest: 'title[ilike]:%BET%', graphql: { title: { ilike: '%BET%' } }, expected: ['b'] },
  { rest: 'title[is]:NULL', graphql: { title: { is: 'NULL' } }, expected: ['c'] },
  { rest: 'score[eq]:5', graphql: { score: { eq: 5 } }, expected: ['b'] },
  { rest: 'score[neq]:5', graphql: { score: { neq: 5 } }, expected: ['a', 'c'] },
  { rest: 'score[in]:[1,9]', graphql: { score: { in: [1, 9] } }, expected: ['a', 'c'] },
  { rest: 'score[gt]:1', graphql: { score: { gt: 1 } }, expected: ['b', 'c'] },
  { rest: 'score[gte]:5', graphql: { score: { gte: 5 } }, expected: ['b', 'c'] },
  { rest: 'score[lt]:5', graphql: { score: { lt: 5 } }, expected: ['a'] },
  { rest: 'score[lte]:5', graphql: { score: { lte: 5 } }, expected: ['a', 'b'] },
  { rest: 'done[eq]:true', graphql: { done: { eq: true } }, expected: ['a'] },
  {
    rest: 'dueAt[gt]:2026-02-01T00:00:00Z',
    graphql: { dueAt: { gt: '2026-02-01T00:00:00Z' } },
    expected: ['b'],
  },
  {
    rest: 'dueAt[lte]:2026-03-01T10:00:00.000Z',
    graphql: { dueAt: { lte: '2026-03-01T10:00:00.000Z' } },
    expected: ['a', 'b'],
  },
  { rest: 'dueAt[is]:NOT_NULL', graphql: { dueAt: { is: 'NOT_NULL' } }, expected: ['a', 'b'] },
  { rest: 'day[lt]:2026-02-01', graphql: { day: { lt: '2026-02-01' } }, expected: ['a'] },
  { rest: 'day[eq]:2026-03-01', graphql: { day: { eq: '2026-03-01' } }, expected: ['b'] },
  { rest: 'tier[eq]:GOLD', graphql: { tier: { eq: 'GOLD' } }, expected: ['a'] },
  {
    rest: 'tier[in]:[GOLD,SILVER]',
    graphql: { tier: { in: ['GOLD', 'SILVER'] } },
    expected: ['a', 'b'],
  },
  { rest: 'tier[is]:NULL', graphql: { tier: { is: 'NULL' } }, expected: ['c'] },
  { rest: 'tags[containsAny]:[RED]', graphql: { tags: { containsAny: ['RED'] } }, expected: ['a'] },
  {
    rest: 'tags[containsAny]:[BLUE]',
    graphql: { tags: { containsAny: ['BLUE'] } },
    expected: ['a', 'b'],
  },
  {
    rest: 'stars[in]:[RATING_5,RATING_3]',
    graphql: { stars: { in: ['RATING_5', 'RATING_3'] } },
    expected: ['a', 'b'],
  },
  {
    rest: 'ref[eq]:00000000-0000-4000-8000-00000000000a',
    graphql: { ref: { eq: '00000000-0000-4000-8000-00000000000a' } },
    expected: ['a'],
  },
  { rest: 'ref[is]:NULL', graphql: { ref: { is: 'NULL' } }, expected: ['c'] },
  { rest: 'meta[like]:%"y"%', graphql: { meta: { like: '%"y"%' } }, expected: ['b'] },
  {
    rest: 'budget.amountMicros[gt]:2000000',
    graphql: { budget: { amountMicros: { gt: 2000000 } } },
    expected: ['a', 'c'],
  },
  {
    rest: 'budget.currencyCode[eq]:EUR',
    graphql: { budget: { currencyCode: { eq: 'EUR' } } },
    expected: ['b'],
  },
  {
    rest: 'owner.lastName[eq]:Byron',
    graphql: { owner: { lastName: { eq: 'Byron' } } },
    expected: ['a', 'c'],
  },
  {
    rest: 'contact.primaryEmail[ilike]:%@BETA%',
    graphql: { contact: { primaryEmail: { ilike: '%@BETA%' } } },
    expected: ['b'],
  },
  {
    rest: 'site.primaryLinkUrl[like]:%alpha%',
    graphql: { site: { primaryLinkUrl: { like: '%alpha%' } } },
    expected: ['a'],
  },
  {
    rest: 'line.primaryPhoneNumber[eq]:600000002',
    graphql: { line: { primaryPhoneNumber: { eq: '600000002' } } },
    expected: ['b'],
  },
  {
    rest: 'place.addressCity[eq]:Paris',
    graphql: { place: { addressCity: { eq: 'Paris' } } },
    expected: ['a', 'c'],
  },
];

describe.each(testEngines())('filters by field type (%s)', (engine) => {
  let ws: WorkspaceProcess;
  const keyById = new Map<string, string>();
  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
    const object = await metadataGraphql(
      ws,
      `mutation { createOneObject(input: { object: { nameSingular: "probe", namePlural: "probes", labelSingular: "Probe", labelPlural: "Probes" } }) { id } }`,
    );
    const objectMetadataId = object.data!.createOneObject.id;
    const options = (values: string[]) =>
      values.map((value, position) => ({ label: value, value, position, color: 'blue' }));
    const fields = [
      { type: 'TEXT', name: 'title' },
      { type: 'TEXT', name: 'key' },
      { type: 'NUMBER', name: 'score' },
      { type: 'BOOLEAN', name: 'done' },
      { type: 'DATE_TIME', name: 'dueAt' },
      { type: 'DATE', name: 'day' },
      { type: 'SELECT', name: 'tier', options: options(['GOLD', 'SILVER']) },
      { type: 'MULTI_SELECT', name: 'tags', options: options(['RED', 'BLUE']) },
      { type: 'RATING', name: 'stars' },
      { type: 'UUID', name: 'ref' },
      { type: 'ARRAY', name: 'words' },
      { type: 'RAW_JSON', name: 'meta' },
      { type: 'CURRENCY', name: 'budget' },
      { type: 'FULL_NAME', name: 'owner' },
      { type: 'EMAILS', name: 'contact' },
      { type: 'LINKS', name: 'site' },
      { type: 'PHONES', name: 'line' },
      { type: 'ADDRESS', name: 'place' },
    ];
    for (const field of fields) {
      const created = await metadataGraphql(
        ws,
        `mutation($input: CreateOneFieldMetadataInput!) { createOneField(input: $input) { id } }`,
        {
          input: { field: { objectMetadataId, label: field.name, ...field } },
        },
      );
      expect(created.errors, `${field.name}: ${JSON.stringify(created.errors)}`).toBeUndefined();
    }
    const created = await rest(ws, 'POST', '/rest/batch/probes', ITEMS);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const record of created.body.data.createProbes) keyById.set(record.id, record.key);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it.each(CASES)('$rest', async ({ rest: filter, graphql, expected }) => {
    const viaRest = await rest(ws, 'GET', `/rest/probes?filter=${encodeURIComponent(filter)}`);
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(200);
    expect(viaRest.body.data.probes.map((r: any) => r.key).sort()).toEqual(expected);
    const viaGraphql = await coreGraphql(
      ws,
      `query($filter: ProbeFilterInput) { probes(filter: $filter) { edges { node { id } } } }`,
      { filter: graphql },
    );
    expect(viaGraphql.errors, JSON.stringify(viaGraphql.errors)).toBeUndefined();
    expect(viaGraphql.data!.probes.edges.map((e: any) => keyById.get(e.node.id)).sort()).toEqual(
      expected,
    );
  });

  it('supports the GraphQL-only array and JSON operators', async () => {
    const keys = async (filter: Record<string, unknown>) => {
      const response = await coreGraphql(
        ws,
        `query($filter: ProbeFilterInput) { probes(filter: $filter) { edges { node { id } } } }`,
        { filter },
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!.probes.edges.map((e: any) => keyById.get(e.node.id)).sort();
    };
    expect(await keys({ words: { containsIlike: '%SOUTH%' } })).toEqual(['b']);
    expect(await keys({ words: { isEmptyArray: true } })).toEqual(['c']);
    expect(await keys({ tags: { isEmptyArray: true } })).toEqual(['c']);
    expect(await keys({ meta: { is: 'NULL' } })).toEqual(['c']);
    // Twenty's filter validation allows only is/like on RAW_JSON and containsAny/is/isEmptyArray
    // on MULTI_SELECT (filter-operators.constant.ts).
    for (const [filter, message] of [
      [
        { meta: { containsJsonb: { kind: 'x' } } },
        'Operator "containsJsonb" is not valid for field "meta" of type RAW_JSON - Allowed operators: is, like',
      ],
      [
        { tags: { eq: 'RED' } },
        'Operator "eq" is not valid for field "tags" of type MULTI_SELECT - Allowed operators: containsAny, is, isEmptyArray',
      ],
      [
        { tags: { in: ['RED', 'BLUE'] } },
        'Operator "in" is not valid for field "tags" of type MULTI_SELECT - Allowed operators: containsAny, is, isEmptyArray',
      ],
    ] as const) {
      const refused = await coreGraphql(
        ws,
        `query($filter: ProbeFilterInput) { probes(filter: $filter) { edges { node { id } } } }`,
        { filter },
      );
      expect(refused.errors?.[0]?.message).toBe(message);
    }
    expect(await keys({ ref: { gt: '00000000-0000-4000-8000-00000000000a' } })).toEqual(['b']);
  });
});
