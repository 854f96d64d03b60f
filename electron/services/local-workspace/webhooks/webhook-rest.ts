import type { IncomingMessage, ServerResponse } from 'node:http';
import { coerceInputValue, GraphQLInputObjectType } from 'graphql';
import { readJsonBody, sendJson } from '../http/http-io';
import { openSettingsRestRequest, settingsRestPattern } from '../http/settings-rest-route';
import { metadataSchema } from '../metadata-api/metadata-graphql-endpoint';
import {
  metadataCursorPage,
  parseMetadataRestPagination,
} from '../metadata-api/metadata-rest-pagination';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { badRequest, sendWebhookRestError } from './rest-errors';
import { requireWebhookPermission } from './webhook-resolvers';
import type { CreateWebhookValues, UpdateWebhookValues, WebhookRow } from './webhook-service';

/**
 * Twenty's WebhookController, mounted on `/rest/metadata/webhooks` and on the deprecated
 * `/rest/webhooks` (main-2026 `webhook.controller.ts`, `legacy-metadata-route-deprecation.interceptor.ts`):
 * GET list (metadata path: `{data, pageInfo, totalCount}`; legacy path: a bare array), GET /:id
 * (the webhook, or an empty 200 answer), POST (201), PATCH /:id, DELETE /:id → `true`.
 */

/** REST JSON of a webhook (`from-flat-webhook-to-webhook-dto.util.ts`, workspaceId included). */
export const toWebhookRest = (row: WebhookRow) => ({
  id: row.id,
  targetUrl: row.targetUrl,
  operations: row.operations,
  description: row.description,
  secret: row.secret,
  workspaceId: row.workspaceId,
  applicationId: row.applicationId,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  deletedAt: row.deletedAt,
});

/** `paginate-metadata-ordered-items.util.ts`: the cursor is an id within the ordered list. */
export const paginateOrdered = <T extends { id: string }>(items: T[], query: URLSearchParams) => {
  const pagination = parseMetadataRestPagination(query);
  const cursor = pagination.afterId ?? pagination.beforeId;
  const index = cursor === undefined ? undefined : items.findIndex((item) => item.id === cursor);
  const fetched =
    index === -1
      ? []
      : pagination.backward
        ? items
            .slice(0, index ?? items.length)
            .reverse()
            .slice(0, pagination.limit + 1)
        : items.slice((index ?? -1) + 1, (index ?? -1) + pagination.limit + 2);
  const { page, pageInfo } = metadataCursorPage(fetched, pagination);
  return { data: page, pageInfo, totalCount: items.length };
};

/** Validates a REST body against the metadata API's GraphQL input type of the same operation. */
export const coerceBody = (body: unknown, typeName: string): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('Request body must be a JSON object');
  const type = metadataSchema().getType(typeName);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`Missing input type ${typeName}`);
  const problems: string[] = [];
  const value = coerceInputValue(body, type, (path, _invalid, error) => {
    problems.push(path.length ? `${error.message} (at ${path.join('.')})` : error.message);
  });
  if (problems.length > 0) throw badRequest(problems[0]!);
  return value as Record<string, unknown>;
};

const WEBHOOKS = { name: 'webhooks', pattern: settingsRestPattern('webhooks') };

/** Answers the webhook REST routes; false when `path` is not one of them. */
export const handleWebhookRest = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  path: string,
  query: URLSearchParams,
): Promise<boolean> => {
  if (!WEBHOOKS.pattern.test(path)) return false;
  try {
    const opened = await openSettingsRestRequest(
      req,
      res,
      runtime,
      path,
      WEBHOOKS,
      requireWebhookPermission,
    );
    if (opened === null || opened === 'answered') return true;
    const { legacy, id, method } = opened;
    const { webhooks } = runtime;
    if (method === 'GET' && id === undefined) {
      const items = webhooks.list().map(toWebhookRest);
      sendJson(res, 200, legacy ? items : paginateOrdered(items, query));
    } else if (method === 'GET') {
      const row = webhooks.get(id!);
      // Nest answers a null handler result with an empty 200 body.
      if (row) sendJson(res, 200, toWebhookRest(row));
      else res.writeHead(200, { 'Content-Length': '0' }).end();
    } else if (method === 'POST') {
      const raw = await readJsonBody(req);
      // The column default ["*.*"] applies when a REST body leaves operations out.
      const body =
        raw && typeof raw === 'object' && !Array.isArray(raw) && !('operations' in raw)
          ? { ...raw, operations: ['*.*'] }
          : raw;
      const input = coerceBody(body, 'CreateWebhookInput') as unknown as CreateWebhookValues;
      sendJson(res, 201, toWebhookRest(await webhooks.create(input)));
    } else if (method === 'PATCH') {
      const update = coerceBody(
        (await readJsonBody(req)) ?? {},
        'UpdateWebhookInputUpdates',
      ) as UpdateWebhookValues;
      sendJson(res, 200, toWebhookRest(await webhooks.update(id!, update)));
    } else {
      await webhooks.delete(id!);
      sendJson(res, 200, true);
    }
  } catch (error) {
    sendWebhookRestError(res, error);
  }
  return true;
};
