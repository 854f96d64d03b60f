/**
 * REST success envelopes across Twenty versions (see docs/twenty-client.md):
 * - lists: `{data:{<plural>:[…]}, pageInfo, totalCount}` (v1.x → 2.x, rest-api-find-many.handler.ts);
 *   E1 builds proxied GraphQL and could answer a connection `{edges:[{node}]}`; metadata lists on
 *   main-2026 are `{data:[…], pageInfo, totalCount}`; the deprecated `/rest/webhooks` and
 *   `groupBy` answer a bare array.
 * - one record / mutations: `{data:{<singular>|create<Singular>|update…|delete…:{…}}}`;
 *   batch create `{data:{create<Plural>:[…]}}`.
 */
export type TwentyRecord = Record<string, unknown> & { id?: string };

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage?: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface RecordPage<T = TwentyRecord> {
  records: T[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const fromConnection = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value.edges))
    return value.edges.map((edge) => (isObject(edge) && 'node' in edge ? edge.node : edge));
  return null;
};

/** The payload under `data`: the named key, else the only key. */
const payload = (body: unknown, key?: string): unknown => {
  if (Array.isArray(body)) return body;
  if (!isObject(body)) return undefined;
  const data = 'data' in body ? body.data : body;
  if (!isObject(data)) return data;
  if (key && key in data) return data[key];
  const keys = Object.keys(data).filter((name) => name !== 'pageInfo' && name !== 'totalCount');
  return keys.length === 1 ? data[keys[0]!] : data;
};

const readPageInfo = (value: unknown): PageInfo => {
  const info = isObject(value) ? value : {};
  return {
    hasNextPage: info.hasNextPage === true,
    ...(typeof info.hasPreviousPage === 'boolean' ? { hasPreviousPage: info.hasPreviousPage } : {}),
    startCursor: typeof info.startCursor === 'string' ? info.startCursor : null,
    endCursor: typeof info.endCursor === 'string' ? info.endCursor : null,
  };
};

export const unwrapList = <T = TwentyRecord>(body: unknown, plural?: string): RecordPage<T> => {
  const inner = payload(body, plural);
  const records = (fromConnection(inner) ?? []) as T[];
  const outer = isObject(body) ? body : {};
  const data = isObject(outer.data) ? outer.data : {};
  const connection = isObject(inner) ? inner : {};
  const pageInfo = outer.pageInfo ?? data.pageInfo ?? connection.pageInfo;
  const total = outer.totalCount ?? data.totalCount ?? connection.totalCount;
  return {
    records,
    pageInfo: readPageInfo(pageInfo),
    totalCount: typeof total === 'number' ? total : null,
  };
};

export const unwrapOne = <T = TwentyRecord>(body: unknown, key?: string): T =>
  payload(body, key) as T;

export const unwrapMany = <T = TwentyRecord>(body: unknown, key?: string): T[] => {
  const inner = payload(body, key);
  return (fromConnection(inner) ?? []) as T[];
};
