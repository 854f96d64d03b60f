import type { IncomingMessage, ServerResponse } from 'node:http';
import { controllerMethod, readJsonBody, sendJson } from '../http/http-io';
import { paginateOrdered } from '../webhooks/webhook-rest';
import { sendWebhookRestError } from '../webhooks/rest-errors';
import { requireAccessToken, requireApiKeysPermission } from '../metadata-api/metadata-resolvers';
import type { RequestContext, WorkspaceRuntime } from '../workspace-runtime';

/**
 * API keys over REST, as Twenty's `api-key-metadata.controller.ts` / `api-key-rest.controller.ts`:
 * `/rest/metadata/apiKeys` answers lists in the metadata page envelope, the deprecated
 * `/rest/apiKeys` a bare array (with the webhook controller's deprecation headers). Reading needs the
 * API keys & webhooks settings permission; creating, changing and revoking also a signed-in
 * user's session token, as on `/metadata`. Active keys only are listed.
 */
const API_KEY_PATH = /^\/rest\/(metadata\/)?apiKeys(?:\/([^/]+))?$/;
const DEPRECATION_DATE = '@1786320000'; // 2026-08-10, as the webhook alias

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
  const match = API_KEY_PATH.exec(path);
  if (!match) return false;
  const legacy = match[1] === undefined;
  const id = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const method = controllerMethod(req, res, path, id !== undefined);
  if (method === null) return true;
  try {
    const auth = await runtime.tokens.authenticate(req.headers.authorization);
    const context: RequestContext = { runtime, auth };
    await requireApiKeysPermission(context);
    if (legacy) {
      res.setHeader('Deprecation', DEPRECATION_DATE);
      res.setHeader(
        'Link',
        `</rest/metadata/apiKeys${id === undefined ? '' : `/${id}`}>; rel="successor-version"`,
      );
    }
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
