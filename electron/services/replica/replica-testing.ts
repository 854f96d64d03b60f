import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { parseSchemaDocument } from '../../../shared/schema/schema-document';
import { describeWorkspace } from './describe-workspace';
import type { TwentyClient, TwentyRecord } from '../twenty-client';
import { clientSource, ANY_DELETED_STATE, scanIds } from './record-source';
import type { Journal } from './replica-journal';
import type { ReplicaObject } from './replica-objects';
import { syncSchema } from './sync-schema';

/**
 * Fixtures of the replica integration tests: a source model with a field of every creatable type
 * and relations (to itself, to another custom object, to person and company), its records, and
 * the field-by-field comparison of two workspaces through a journal's id maps.
 */
const RELATION = (targetObject: string, inverseName: string, inverseLabel: string) => ({
  type: 'MANY_TO_ONE' as const,
  targetObject,
  inverseName,
  inverseLabel,
});

export const SOURCE_MODEL = parseSchemaDocument({
  format: 'atelier.schema',
  version: 1,
  objects: [
    {
      nameSingular: 'gadget',
      namePlural: 'gadgets',
      labelSingular: 'Gadget',
      labelPlural: 'Gadgets',
      fields: [
        { name: 'title', label: 'Title', type: 'TEXT' },
        { name: 'serial', label: 'Serial', type: 'TEXT', isUnique: true },
        { name: 'count', label: 'Count', type: 'NUMBER' },
        { name: 'active', label: 'Active', type: 'BOOLEAN' },
        { name: 'launchedAt', label: 'Launched at', type: 'DATE_TIME' },
        { name: 'launchDay', label: 'Launch day', type: 'DATE' },
        {
          name: 'stage',
          label: 'Stage',
          type: 'SELECT',
          options: [
            { label: 'New', value: 'NEW', color: 'green', position: 0 },
            { label: 'Live', value: 'LIVE', color: 'blue', position: 1 },
          ],
        },
        {
          name: 'tags',
          label: 'Tags',
          type: 'MULTI_SELECT',
          options: [
            { label: 'Red', value: 'RED', color: 'red', position: 0 },
            { label: 'Blue', value: 'BLUE', color: 'blue', position: 1 },
          ],
        },
        { name: 'score', label: 'Score', type: 'RATING' },
        { name: 'price', label: 'Price', type: 'CURRENCY' },
        { name: 'contactEmails', label: 'Contact emails', type: 'EMAILS' },
        { name: 'website', label: 'Website', type: 'LINKS' },
        { name: 'hotline', label: 'Hotline', type: 'PHONES' },
        { name: 'inventor', label: 'Inventor', type: 'FULL_NAME' },
        { name: 'origin', label: 'Origin', type: 'ADDRESS' },
        { name: 'manual', label: 'Manual', type: 'RICH_TEXT' },
        {
          name: 'drawings',
          label: 'Drawings',
          type: 'FILES',
          settings: { maxNumberOfValues: 3 },
        },
        { name: 'spec', label: 'Spec', type: 'RAW_JSON' },
        { name: 'labels', label: 'Labels', type: 'ARRAY' },
        {
          name: 'maker',
          label: 'Maker',
          type: 'RELATION',
          relation: RELATION('company', 'gadgets', 'Gadgets'),
        },
        {
          name: 'champion',
          label: 'Champion',
          type: 'RELATION',
          relation: RELATION('person', 'championedGadgets', 'Championed gadgets'),
        },
        {
          name: 'parent',
          label: 'Parent',
          type: 'RELATION',
          relation: RELATION('gadget', 'children', 'Children'),
        },
      ],
    },
    {
      nameSingular: 'widget',
      namePlural: 'widgets',
      labelSingular: 'Widget',
      labelPlural: 'Widgets',
      fields: [
        {
          name: 'gadget',
          label: 'Gadget',
          type: 'RELATION',
          relation: RELATION('gadget', 'widgets', 'Widgets'),
        },
      ],
    },
    {
      nameSingular: 'person',
      standard: true,
      fields: [{ name: 'nickname', label: 'Nickname', type: 'TEXT' }],
    },
  ],
});

export interface SeededIds {
  companies: string[];
  people: string[];
  gadgets: string[];
  widgets: string[];
}

const gadget = (i: number): TwentyRecord => ({
  name: `Gadget ${i}`,
  title: `Title ${i}`,
  serial: `SN-${i}`,
  count: i * 1.5,
  active: i % 2 === 0,
  launchedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T10:20:30.000Z`,
  launchDay: `2025-12-${String((i % 28) + 1).padStart(2, '0')}`,
  stage: i % 2 ? 'LIVE' : 'NEW',
  tags: i % 3 ? ['RED', 'BLUE'] : ['BLUE'],
  score: `RATING_${(i % 5) + 1}`,
  price: { amountMicros: 1_000_000 * i, currencyCode: 'EUR' },
  contactEmails: { primaryEmail: `g${i}@example.com`, additionalEmails: [`h${i}@example.com`] },
  website: {
    primaryLinkUrl: `https://g${i}.example.com`,
    primaryLinkLabel: 'Site',
    secondaryLinks: [],
  },
  hotline: {
    primaryPhoneNumber: `6123456${String(i).padStart(2, '0')}`,
    primaryPhoneCountryCode: 'FR',
    primaryPhoneCallingCode: '+33',
    additionalPhones: [],
  },
  inventor: { firstName: 'Ada', lastName: `Lovelace ${i}` },
  origin: {
    addressStreet1: `${i} rue de la Paix`,
    addressStreet2: '',
    addressCity: 'Paris',
    addressPostcode: '75002',
    addressState: '',
    addressCountry: 'France',
    addressLat: 48.8698,
    addressLng: 2.3311,
  },
  manual: { blocknote: `[{"type":"paragraph","content":"Manual ${i}"}]`, markdown: `Manual ${i}` },
  drawings: [{ fileId: randomUUID(), label: `drawing-${i}.pdf`, extension: 'pdf' }],
  spec: { size: i, nested: { ok: true } },
  labels: [`l${i}`, 'common'],
  position: i,
  createdBy: { source: 'IMPORT' },
});

/** Custom model + 65 companies (two pages), people, 61 gadgets, widgets, a note with targets. */
export const seedSource = async (client: TwentyClient): Promise<SeededIds> => {
  await syncSchema(client, SOURCE_MODEL, 'mirror');
  const ids = (records: TwentyRecord[]) => records.map((record) => String(record.id));
  const companies = ids(
    await client.rest.createMany(
      'companies',
      Array.from({ length: 65 }, (_, i) => ({
        name: `Company ${i}`,
        domainName: { primaryLinkUrl: `https://company${i}.example.com` },
        annualRevenue: { amountMicros: i * 1_000_000, currencyCode: 'USD' },
      })),
    ),
  );
  const people = ids(
    await client.rest.createMany(
      'people',
      Array.from({ length: 5 }, (_, i) => ({
        name: { firstName: `First${i}`, lastName: `Last${i}` },
        emails: { primaryEmail: `person${i}@example.com`, additionalEmails: [] },
        nickname: `Nick ${i}`,
        companyId: companies[i % 3]!,
      })),
    ),
  );
  const gadgets = ids(
    await client.rest.createMany(
      'gadgets',
      Array.from({ length: 61 }, (_, i) => gadget(i)),
    ),
  );
  // Links after the fact: to a standard object, to another custom one, to itself.
  await client.rest.createMany(
    'gadgets',
    gadgets.slice(0, 20).map((id, i) => ({
      id,
      makerId: companies[i]!,
      championId: people[i % 5]!,
      parentId: i > 0 ? gadgets[i - 1]! : null,
    })),
    { upsert: true },
  );
  const widgets = ids(
    await client.rest.createMany('widgets', [
      { name: 'Widget A', gadgetId: gadgets[0]! },
      { name: 'Widget B', gadgetId: gadgets[59]! },
      { name: 'Widget C', gadgetId: null },
    ]),
  );
  const [note] = await client.rest.createMany('notes', [
    { title: 'Kick-off', bodyV2: { blocknote: null, markdown: 'Hello' } },
  ]);
  await client.rest.createMany('noteTargets', [
    { noteId: note!.id, targetPersonId: people[0]! },
    { noteId: note!.id, targetCompanyId: companies[0]! },
  ]);
  await client.rest.createMany('opportunities', [
    {
      name: 'Big deal',
      amount: { amountMicros: 5_000_000_000, currencyCode: 'USD' },
      companyId: companies[1]!,
      pointOfContactId: people[1]!,
      stage: 'MEETING',
    },
  ]);
  return { companies, people, gadgets, widgets };
};

/** Every record of an object (trashed ones too when asked), by id. */
export const allRecords = async (
  client: TwentyClient,
  plural: string,
  withTrash = false,
): Promise<Map<string, TwentyRecord>> => {
  const records = new Map<string, TwentyRecord>();
  for await (const page of clientSource(client).pages(plural, {
    after: null,
    pageSize: 200,
    ...(withTrash ? { filter: ANY_DELETED_STATE } : {}),
  }))
    for (const record of page.records) records.set(String(record.id), record);
  return records;
};

/** Fields Twenty fills itself on every write: never expected equal across workspaces. */
const SERVER_OWNED = new Set(['createdAt', 'updatedAt', 'deletedAt', 'updatedBy', 'searchVector']);

/** A record as a replica must reproduce it: server-owned parts out, links through the maps. */
export const comparable = (
  object: ReplicaObject,
  record: TwentyRecord,
  mapId: (objectName: string, id: string) => string,
): TwentyRecord => {
  const out: TwentyRecord = {};
  const links = new Map(object.links.map((link) => [link.joinColumn, link.targetObject]));
  for (const [key, value] of Object.entries(record)) {
    if (key === 'deletedAt') out.trashed = value !== null;
    if (SERVER_OWNED.has(key)) continue;
    if (key === 'createdBy') out[key] = (value as { source?: unknown } | null)?.source ?? null;
    else if (key === 'id') out[key] = mapId(object.nameSingular, String(value));
    else if (links.has(key) && typeof value === 'string') out[key] = mapId(links.get(key)!, value);
    else out[key] = value;
  }
  return out;
};

export const mapThrough =
  (journal: Journal | null) =>
  (objectName: string, id: string): string =>
    journal?.objects[objectName]?.idMap[id] ?? id;

/** Objects the comparisons look at (the seeded ones). */
export const COMPARED = [
  'company',
  'person',
  'gadget',
  'widget',
  'note',
  'noteTarget',
  'opportunity',
];

/**
 * Every record of the source (its trash too) is in the target under its (mapped) id with the same
 * values, and the target has no other record but those it held before the replica wrote.
 */
export const expectReplica = async (
  source: TwentyClient,
  target: TwentyClient,
  journal: Journal | null,
) => {
  const { objects } = await describeWorkspace(source);
  const mapId = mapThrough(journal);
  for (const name of COMPARED) {
    const object = objects.find((candidate) => candidate.nameSingular === name)!;
    const [from, to] = await Promise.all([
      allRecords(source, object.namePlural, true),
      allRecords(target, object.namePlural, true),
    ]);
    const expected = [...from.values()].map((record) => comparable(object, record, mapId));
    const preexisting = new Set(journal?.objects[name]?.preexisting ?? []);
    const actual = [...to.values()]
      .filter((record) => !preexisting.has(String(record.id)))
      .map((record) => comparable(object, record, (_, id) => id));
    const byId = (a: TwentyRecord, b: TwentyRecord) => String(a.id).localeCompare(String(b.id));
    expect({ name, records: actual.sort(byId) }).toEqual({ name, records: expected.sort(byId) });
  }
};

/** Target ids of live records, for duplicate checks. */
export const liveIds = (client: TwentyClient, plural: string) =>
  scanIds(clientSource(client), plural, { pageSize: 200 });
