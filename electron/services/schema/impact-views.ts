import type { TwentyClient } from '../twenty-client';

/**
 * Views of any Twenty, in one shape for the impact check:
 * - 2.x: core metadata, `/metadata` `getViews` (type `View`, nested viewFields/viewFilters/…);
 * - 1.x: the same as `getCoreViews` (type `CoreView`);
 * - older: workspace records at core REST `/rest/views?depth=1`.
 * Columns are selected by introspection, so renamed ones (calendarFieldMetadataId →
 * startFieldMetadataId in 2.45) are read wherever they exist.
 */
export interface ViewUse {
  id: string;
  name: string;
  objectMetadataId: string;
  mainGroupByFieldMetadataId: string | null;
  kanbanAggregateOperationFieldMetadataId: string | null;
  calendarStartFieldMetadataId: string | null;
  calendarEndFieldMetadataId: string | null;
  viewFields: Array<{ id: string; fieldMetadataId: string; isVisible: boolean }>;
  viewFilters: Array<{
    id: string;
    fieldMetadataId: string;
    relationTargetFieldMetadataId: string | null;
    value: unknown;
  }>;
  viewSorts: Array<{ id: string; fieldMetadataId: string }>;
  /** `fieldMetadataId` is set on 1.x groups; 2.x groups follow mainGroupByFieldMetadataId. */
  viewGroups: Array<{ id: string; fieldValue: string; fieldMetadataId: string | null }>;
}

const TYPES = ['View', 'CoreView', 'ViewGroup', 'CoreViewGroup', 'ViewFilter', 'CoreViewFilter'];
const INTROSPECT = `{ query: __type(name: "Query") { fields { name } } ${TYPES.map(
  (name) => `${name}: __type(name: "${name}") { fields { name } }`,
).join(' ')} }`;

type Introspection = Record<string, { fields: Array<{ name: string }> } | null>;

/** The `/metadata` root fields and view types this server has (webhooks are read with it). */
export const introspectMetadata = async (
  client: TwentyClient,
  signal?: AbortSignal,
): Promise<Introspection> =>
  client.metadataGraphql<Introspection>({ query: INTROSPECT, ...(signal ? { signal } : {}) });

const VIEW_COLUMNS = [
  'mainGroupByFieldMetadataId',
  'kanbanAggregateOperationFieldMetadataId',
  'calendarFieldMetadataId',
  'calendarEndFieldMetadataId',
  'startFieldMetadataId',
  'endFieldMetadataId',
  'kanbanFieldMetadataId',
];

const buildQuery = (schema: Introspection, root: string, prefix: '' | 'Core'): string | null => {
  const names = (type: string) => new Set(schema[type]?.fields.map((field) => field.name) ?? []);
  const view = names(`${prefix}View`);
  if (!view.has('viewFields')) return null;
  const group = names(`${prefix}ViewGroup`);
  const filter = names(`${prefix}ViewFilter`);
  const pick = (have: Set<string>, wanted: string[]) => wanted.filter((name) => have.has(name));
  return `query AtelierViews { views: ${root} {
    id name objectMetadataId ${pick(view, VIEW_COLUMNS).join(' ')}
    viewFields { id fieldMetadataId ${pick(names(`${prefix}ViewField`), ['isVisible']).join(' ')} }
    viewFilters { id fieldMetadataId value ${pick(filter, ['relationTargetFieldMetadataId']).join(' ')} }
    viewSorts { id fieldMetadataId }
    viewGroups { id fieldValue ${pick(group, ['fieldMetadataId']).join(' ')} }
  } }`;
};

type Raw = Record<string, unknown>;
const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const rows = (value: unknown): Raw[] =>
  Array.isArray(value)
    ? (value as Raw[])
    : // REST depth=1 nests to-many relations as arrays or as `{ edges: [{ node }] }`.
      ((value as { edges?: Array<{ node: Raw }> } | null)?.edges?.map((edge) => edge.node) ?? []);
const live = (row: Raw) => row.deletedAt === null || row.deletedAt === undefined;

const toViewUse = (raw: Raw): ViewUse => ({
  id: String(raw.id),
  name: String(raw.name ?? ''),
  objectMetadataId: String(raw.objectMetadataId),
  mainGroupByFieldMetadataId:
    text(raw.mainGroupByFieldMetadataId) ?? text(raw.kanbanFieldMetadataId),
  kanbanAggregateOperationFieldMetadataId: text(raw.kanbanAggregateOperationFieldMetadataId),
  calendarStartFieldMetadataId: text(raw.calendarFieldMetadataId) ?? text(raw.startFieldMetadataId),
  calendarEndFieldMetadataId: text(raw.calendarEndFieldMetadataId) ?? text(raw.endFieldMetadataId),
  viewFields: rows(raw.viewFields)
    .filter(live)
    .map((row) => ({
      id: String(row.id),
      fieldMetadataId: String(row.fieldMetadataId),
      isVisible: row.isVisible !== false,
    })),
  viewFilters: rows(raw.viewFilters)
    .filter(live)
    .map((row) => ({
      id: String(row.id),
      fieldMetadataId: String(row.fieldMetadataId),
      relationTargetFieldMetadataId: text(row.relationTargetFieldMetadataId),
      value: row.value,
    })),
  viewSorts: rows(raw.viewSorts)
    .filter(live)
    .map((row) => ({ id: String(row.id), fieldMetadataId: String(row.fieldMetadataId) })),
  viewGroups: rows(raw.viewGroups)
    .filter(live)
    .map((row) => ({
      id: String(row.id),
      fieldValue: String(row.fieldValue ?? ''),
      fieldMetadataId: text(row.fieldMetadataId),
    })),
});

/** Views as workspace records (before views became core metadata): paged core REST. */
const readRecordViews = async (client: TwentyClient, signal?: AbortSignal): Promise<Raw[]> => {
  const views: Raw[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const body = await client.rest.request<{
      data?: { views?: Raw[] };
      pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
    }>({
      method: 'GET',
      path: '/views',
      query: { depth: 1, limit: 200, ...(after ? { starting_after: after } : {}) },
      ...(signal ? { signal } : {}),
    });
    views.push(...(body.data?.views ?? []));
    if (!body.pageInfo?.hasNextPage || !body.pageInfo.endCursor) break;
    after = body.pageInfo.endCursor;
  }
  return views;
};

export const readViews = async (
  client: TwentyClient,
  schema: Introspection,
  signal?: AbortSignal,
): Promise<ViewUse[]> => {
  const roots = new Set(schema.query?.fields.map((field) => field.name) ?? []);
  const [root, prefix] = roots.has('getViews')
    ? (['getViews', ''] as const)
    : roots.has('getCoreViews')
      ? (['getCoreViews', 'Core'] as const)
      : [null, null];
  if (root === null) return (await readRecordViews(client, signal)).filter(live).map(toViewUse);
  const query = buildQuery(schema, root, prefix);
  if (!query) throw new Error(`this server's ${root} does not list view columns`);
  const body = await client.metadataGraphql<{ views: Raw[] }>({
    query,
    ...(signal ? { signal } : {}),
  });
  return body.views.filter(live).map(toViewUse);
};
