import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson } from '../http/http-io';
import { openSettingsRestRequest, settingsRestPattern } from '../http/settings-rest-route';
import { paginateOrdered } from '../webhooks/webhook-rest';
import { sendWebhookRestError } from '../webhooks/rest-errors';
import { requireAccessToken, requireApiKeysPermission } from '../metadata-api/metadata-resolvers';
import type { WorkspaceRuntime } from '../workspace-runtime';

/**
 * API keys over REST, as Twenty's `api-key-metadata.controller.ts` / `api-key-rest.controller.ts`:
 * `/rest/metadata/apiKeys` answers lists in the metadata page envelope, the deprecated
 * `/rest/apiKeys` a bare array (with the webhook controller's deprecation headers). Reading needs the
 * API keys & webhooks settings permission; creating, changing and revoking also a signed-in
 * user's session token, as on `/metadata`. Active keys only are listed.
 */
const API_KEYS = { name: 'apiKeys', pattern: settingsRestPattern('apiKeys') };

const body = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export const handleApiKeyRest = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  path: string,
  query: URLSearchParams,
): Promise<boolean> => {
  if (!API_KEYS.pattern.test(path)) return false;
  try {
    const opened = await openSettingsRestRequest(
      req,
      res,
      runtime,
      path,
      API_KEYS,
      requireApiKeysPermission,
    );
    if (opened === null || opened === 'answered') return true;
    const { legacy, id, method, context } = opened;
    const { apiKeys } = runtime;
    if (method === 'GET' && id === undefined) {
      const active = (await apiKeys.list()).filter((key) => key.revokedAt === null);
      sendJson(res, 200, legacy ? active : paginateOrdered(active, query));
      return true;
    }
    if (method === 'GET') {
      const row = await apiKeys.get(id!);
      // Nest answers a null handler result with an empty 200 body.
      if (row) sendJson(res, 200, row);
      else res.writeHead(200, { 'Content-Length': '0' }).end();
      return true;
    }
    await requireAccessToken(context);
    if (method === 'POST') {
      const input = body(await readJsonBody(req));
      sendJson(res, 201, await apiKeys.create(input));
    } else if (method === 'PATCH') {
      sendJson(res, 200, await apiKeys.update({ ...body(await readJsonBody(req)), id: id! }));
    } else {
      sendJson(res, 200, await apiKeys.revoke(id!));
    }
  } catch (error) {
    sendWebhookRestError(res, error);
  }
  return true;
};
