/**
 * REST request lines as Twenty routes them (core-api.md §1.1, metadata-api.md §2): core records
 * under `/rest/<plural>`, the data model under `/rest/metadata/<objects|fields>`, with the query
 * parameters each operation reads.
 */
export type RestApi = 'core' | 'metadata';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type RestOperation =
  | 'findMany'
  | 'findOne'
  | 'createOne'
  | 'createMany'
  | 'updateOne'
  | 'updateMany'
  | 'deleteOne'
  | 'deleteMany'
  | 'restoreOne'
  | 'restoreMany'
  | 'findDuplicates'
  | 'merge';

export interface RestRequestSpec {
  api: RestApi;
  /** Core: the object's plural name; metadata: 'objects' or 'fields'. */
  object: string;
  operation: RestOperation;
  id?: string;
  filter?: string;
  orderBy?: string;
  limit?: number;
  startingAfter?: string;
  endingBefore?: string;
  depth?: 0 | 1;
  /** deleteOne/deleteMany: soft-delete instead of Twenty's default destroy. */
  softDelete?: boolean;
  /** createOne/createMany. */
  upsert?: boolean;
}

export type RestParam = Exclude<keyof RestRequestSpec, 'api' | 'object' | 'operation' | 'id'>;
type Param = RestParam;

export interface RestRoute {
  method: HttpMethod;
  /** Path after `/rest/` for object `o` and id `i`. */
  path: (object: string, id: string) => string;
  needsId: boolean;
  params: Param[];
}

const LIST_PARAMS: Param[] = [
  'filter',
  'orderBy',
  'limit',
  'startingAfter',
  'endingBefore',
  'depth',
];

const CORE_ROUTES: Record<RestOperation, RestRoute> = {
  findMany: { method: 'GET', path: (o) => o, needsId: false, params: LIST_PARAMS },
  findOne: { method: 'GET', path: (o, i) => `${o}/${i}`, needsId: true, params: ['depth'] },
  createOne: { method: 'POST', path: (o) => o, needsId: false, params: ['upsert'] },
  createMany: { method: 'POST', path: (o) => `batch/${o}`, needsId: false, params: ['upsert'] },
  updateOne: { method: 'PATCH', path: (o, i) => `${o}/${i}`, needsId: true, params: [] },
  updateMany: { method: 'PATCH', path: (o) => o, needsId: false, params: ['filter'] },
  deleteOne: {
    method: 'DELETE',
    path: (o, i) => `${o}/${i}`,
    needsId: true,
    params: ['softDelete'],
  },
  deleteMany: {
    method: 'DELETE',
    path: (o) => o,
    needsId: false,
    params: ['filter', 'softDelete'],
  },
  restoreOne: { method: 'PATCH', path: (o, i) => `${o}/${i}/restore`, needsId: true, params: [] },
  restoreMany: { method: 'PATCH', path: (o) => `${o}/restore`, needsId: false, params: ['filter'] },
  findDuplicates: { method: 'POST', path: (o) => `${o}/duplicates`, needsId: false, params: [] },
  merge: { method: 'PATCH', path: (o) => `${o}/merge`, needsId: false, params: [] },
};

const METADATA_OPERATIONS: RestOperation[] = [
  'findMany',
  'findOne',
  'createOne',
  'updateOne',
  'deleteOne',
];
const METADATA_PARAMS: Partial<Record<RestOperation, Param[]>> = {
  findMany: ['limit', 'startingAfter', 'endingBefore'],
};

export const REST_QUERY_NAMES: Record<Param, string> = {
  filter: 'filter',
  orderBy: 'order_by',
  limit: 'limit',
  startingAfter: 'starting_after',
  endingBefore: 'ending_before',
  depth: 'depth',
  softDelete: 'soft_delete',
  upsert: 'upsert',
};

/** Percent-encoding, but `:` and `,` left readable (brackets stay encoded: curl globs them). */
const encodeQueryValue = (value: string): string =>
  encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** The operations an API serves over REST, in the order a picker lists them. */
export const restOperationsOf = (api: RestApi): RestOperation[] =>
  api === 'metadata' ? [...METADATA_OPERATIONS] : (Object.keys(CORE_ROUTES) as RestOperation[]);

/** Method, whether the path takes an id, and the query parameters an operation reads. */
export const restRoute = (api: RestApi, operation: RestOperation): RestRoute =>
  routeOf({ api, operation });

const routeOf = (spec: Pick<RestRequestSpec, 'api' | 'operation'>): RestRoute => {
  if (spec.api === 'metadata' && !METADATA_OPERATIONS.includes(spec.operation))
    throw new Error(`The metadata REST API has no ${spec.operation}`);
  const route = CORE_ROUTES[spec.operation];
  return spec.api === 'metadata'
    ? { ...route, params: METADATA_PARAMS[spec.operation] ?? [] }
    : route;
};

export const buildRestUrl = (
  spec: RestRequestSpec,
): { method: HttpMethod; path: string; query: string; url: string } => {
  const route = routeOf(spec);
  if (route.needsId && !spec.id) throw new Error(`${spec.operation} needs a record id`);
  const base = spec.api === 'metadata' ? '/rest/metadata/' : '/rest/';
  const path = `${base}${route.path(encodeURIComponent(spec.object), encodeURIComponent(spec.id ?? ''))}`;
  const query = route.params
    .flatMap((param) => {
      const value = spec[param];
      if (value === undefined || value === '' || value === false) return [];
      return [`${REST_QUERY_NAMES[param]}=${encodeQueryValue(String(value))}`];
    })
    .join('&');
  return { method: route.method, path, query, url: query ? `${path}?${query}` : path };
};

const operationFor = (
  method: HttpMethod,
  segments: string[],
): { operation: RestOperation; object: string; id?: string } | null => {
  const [first, second, third] = segments;
  if (!first) return null;
  if (first === 'batch')
    return method === 'POST' && second && !third
      ? { operation: 'createMany', object: second }
      : null;
  if (first === 'restore' && second && method === 'PATCH')
    return third
      ? { operation: 'restoreOne', object: second, id: third }
      : { operation: 'restoreMany', object: second };
  if (third === 'restore' && second && method === 'PATCH')
    return { operation: 'restoreOne', object: first, id: second };
  if (third) return null;
  const suffixes: Record<string, [HttpMethod, RestOperation]> = {
    restore: ['PATCH', 'restoreMany'],
    duplicates: ['POST', 'findDuplicates'],
    merge: ['PATCH', 'merge'],
  };
  const suffix = second ? suffixes[second] : undefined;
  if (suffix) return suffix[0] === method ? { operation: suffix[1], object: first } : null;
  const byMethod: Record<HttpMethod, [RestOperation, RestOperation | null]> = {
    GET: ['findMany', 'findOne'],
    POST: ['createOne', null],
    PATCH: ['updateMany', 'updateOne'],
    DELETE: ['deleteMany', 'deleteOne'],
  };
  const operation = byMethod[method][second ? 1 : 0];
  if (!operation) return null;
  return second ? { operation, object: first, id: second } : { operation, object: first };
};

/** A request line back into its parts (full URL or path; PUT is Twenty's alias of PATCH). */
export const parseRestUrl = (
  url: string,
  method: HttpMethod | 'PUT' = 'GET',
): RestRequestSpec | null => {
  const withoutOrigin = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const [pathPart = '', queryPart = ''] = withoutOrigin.split('?', 2) as [string, string?];
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments[0] !== 'rest') return null;
  const api: RestApi = segments[1] === 'metadata' ? 'metadata' : 'core';
  const verb = method === 'PUT' ? 'PATCH' : method;
  const found = operationFor(verb, segments.slice(api === 'metadata' ? 2 : 1));
  if (!found) return null;
  if (api === 'metadata' && !METADATA_OPERATIONS.includes(found.operation)) return null;
  const spec: RestRequestSpec = { api, ...found };
  const params = new URLSearchParams(queryPart);
  for (const [param, name] of Object.entries(REST_QUERY_NAMES) as Array<[Param, string]>) {
    const value = params.get(name);
    if (value === null) continue;
    if (param === 'limit') spec.limit = Number(value);
    else if (param === 'depth') spec.depth = value === '1' ? 1 : 0;
    else if (param === 'softDelete' || param === 'upsert') spec[param] = value === 'true';
    else spec[param] = value;
  }
  return spec;
};
