import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/http-io';
import { fieldsOfObject } from '../metadata/metadata-types';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { baseSchema } from './base-schema';
import { computeSchemaComponents, computeWebhooks, type ObjectWithFields } from './components';
import { computeMetadataSchemaComponents } from './metadata-components';
import {
  capitalize,
  type ItemNames,
  type JsonObject,
  type OpenApiDocument,
} from './open-api-types';
import { computeParameterComponents } from './parameters';
import {
  computeBatchPath,
  computeDuplicatesResultPath,
  computeGroupByResultPath,
  computeManyResultPath,
  computeMergeManyResultPath,
  computeRestoreManyResultPath,
  computeRestoreOneResultPath,
  computeSchemaTags,
  computeSingleResultPath,
  dashboardDuplicatePath,
} from './paths';
import {
  get400ErrorResponses,
  get401ErrorResponses,
  getCreateOneResponse201,
  getDeleteResponse200,
  getFindManyResponse200,
  getFindOneResponse200,
  getRequestBody,
  getUpdateOneResponse200,
  getUpdateRequestBody,
} from './responses';

/**
 * Twenty's OpenApiService (core-modules/open-api/open-api.service.ts) and OpenApiController:
 * `GET [/rest]/open-api/core|metadata`, public; the bearer token only decides whether the
 * workspace's paths are added (`?token=` never authenticates, it only appears in the text).
 */
export const OPEN_API_PATHS: Record<string, 'core' | 'metadata'> = {
  '/open-api/core': 'core',
  '/rest/open-api/core': 'core',
  '/open-api/metadata': 'metadata',
  '/rest/open-api/metadata': 'metadata',
};

const METADATA_ITEMS: ItemNames[] = [
  ['object', 'objects'],
  ['field', 'fields'],
  ['webhook', 'webhooks'],
  ['apiKey', 'apiKeys'],
  ['view', 'views'],
  ['viewField', 'viewFields'],
  ['viewFilter', 'viewFilters'],
  ['viewSort', 'viewSorts'],
  ['viewGroup', 'viewGroups'],
  ['viewFilterGroup', 'viewFilterGroups'],
  ['pageLayout', 'pageLayouts'],
  ['pageLayoutTab', 'pageLayoutTabs'],
  ['pageLayoutWidget', 'pageLayoutWidgets'],
].map(([nameSingular, namePlural]) => ({ nameSingular: nameSingular!, namePlural: namePlural! }));

const errorRefs = {
  '400': { $ref: '#/components/responses/400' },
  '401': { $ref: '#/components/responses/401' },
};

const isAuthenticated = async (runtime: WorkspaceRuntime, req: IncomingMessage) => {
  try {
    await runtime.tokens.authenticate(req.headers.authorization);
    return true;
  } catch {
    return false;
  }
};

export const generateCoreSchema = (
  runtime: WorkspaceRuntime,
  serverUrl: string,
  token: string | undefined,
  authenticated: boolean,
): OpenApiDocument => {
  const schema = baseSchema('core', serverUrl, token);
  if (!authenticated) return schema;
  const state = runtime.metadata.snapshot;
  const items: ObjectWithFields[] = [...state.objects.values()]
    .sort((a, b) => a.namePlural.localeCompare(b.namePlural))
    .map((object) => ({ object, fields: fieldsOfObject(state, object.id) }));
  if (!items.length) return schema;
  const objects = items.map((item) => item.object);
  for (const item of objects) {
    schema.paths[`/${item.namePlural}`] = computeManyResultPath(item);
    schema.paths[`/batch/${item.namePlural}`] = computeBatchPath(item);
    schema.paths[`/${item.namePlural}/{id}`] = computeSingleResultPath(item);
    schema.paths[`/${item.namePlural}/duplicates`] = computeDuplicatesResultPath(item);
    schema.paths[`/restore/${item.namePlural}/{id}`] = computeRestoreOneResultPath(item);
    schema.paths[`/restore/${item.namePlural}`] = computeRestoreManyResultPath(item);
    schema.paths[`/${item.namePlural}/merge`] = computeMergeManyResultPath(item);
    schema.paths[`/${item.namePlural}/groupBy`] = computeGroupByResultPath(item);
  }
  schema.paths['/dashboards/{id}/duplicate'] = dashboardDuplicatePath();
  const webhooks: Record<string, JsonObject> = {};
  for (const item of objects) {
    for (const action of ['created', 'updated', 'deleted'] as const)
      webhooks[`${capitalize(item.nameSingular)} ${capitalize(action)}`] = computeWebhooks(
        action,
        item,
      );
  }
  schema.webhooks = webhooks;
  schema.components = {
    ...schema.components,
    schemas: computeSchemaComponents(items, state.objects),
    parameters: computeParameterComponents(),
    responses: { '400': get400ErrorResponses(), '401': get401ErrorResponses() },
  };
  schema.tags = computeSchemaTags(objects);
  return schema;
};

export const generateMetadataSchema = (
  serverUrl: string,
  token: string | undefined,
  authenticated: boolean,
): OpenApiDocument => {
  const schema = baseSchema('metadata', serverUrl, token);
  if (!authenticated) return schema;
  for (const item of METADATA_ITEMS) {
    const name = capitalize(item.nameSingular);
    schema.paths[`/${item.namePlural}`] = {
      get: {
        tags: [item.namePlural],
        summary: `Find Many ${item.namePlural}`,
        parameters: ['limit', 'startingAfter', 'endingBefore'].map((p) => ({
          $ref: `#/components/parameters/${p}`,
        })),
        responses: { '200': getFindManyResponse200(item, true), ...errorRefs },
      },
      post: {
        tags: [item.namePlural],
        summary: `Create One ${item.nameSingular}`,
        operationId: `createOne${name}`,
        requestBody: getRequestBody(name),
        // '200' (not 201) with the create response: as Twenty.
        responses: { '200': getCreateOneResponse201(item, true), ...errorRefs },
      },
    };
    const idPath = [{ $ref: '#/components/parameters/idPath' }];
    schema.paths[`/${item.namePlural}/{id}`] = {
      delete: {
        tags: [item.namePlural],
        summary: `Delete One ${item.nameSingular}`,
        operationId: `deleteOne${name}`,
        parameters: idPath,
        responses: { '200': getDeleteResponse200(item, true), ...errorRefs },
      },
      get: {
        tags: [item.namePlural],
        summary: `Find One ${item.nameSingular}`,
        parameters: idPath,
        responses: { '200': getFindOneResponse200(item), ...errorRefs },
      },
      patch: {
        tags: [item.namePlural],
        summary: `Update One ${item.nameSingular}`,
        operationId: `updateOne${name}`,
        parameters: idPath,
        requestBody: getUpdateRequestBody(name),
        responses: { '200': getUpdateOneResponse200(item, true), ...errorRefs },
      },
    };
  }
  schema.components = {
    ...schema.components,
    schemas: computeMetadataSchemaComponents(METADATA_ITEMS),
    parameters: computeParameterComponents(true),
    responses: { '400': get400ErrorResponses(), '401': get401ErrorResponses() },
  };
  schema.tags = computeSchemaTags(METADATA_ITEMS);
  return schema;
};

/** Answers the open-api routes; returns false when `path` is not one of them. */
export const routeOpenApi = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  url: URL,
  path: string,
): Promise<boolean> => {
  const kind = OPEN_API_PATHS[path];
  if (!kind || (req.method ?? 'GET') !== 'GET') return false;
  // Twenty: SERVER_URL, else `${request.protocol}://${request.get('host')}`; we have no
  // SERVER_URL, and the local server speaks plain HTTP.
  const serverUrl = `http://${req.headers.host ?? 'localhost'}`;
  const tokenParam = url.searchParams.get('token');
  const token = tokenParam ?? undefined;
  const authenticated = await isAuthenticated(runtime, req);
  const document =
    kind === 'core'
      ? generateCoreSchema(runtime, serverUrl, token, authenticated)
      : generateMetadataSchema(serverUrl, token, authenticated);
  sendJson(res, 200, document);
  return true;
};
