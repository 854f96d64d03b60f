import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/http-io';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { listWebhookDeliveries } from './delivery-log';
import { badRequest, sendWebhookRestError } from './rest-errors';
import { requireWebhookPermission } from './webhook-resolvers';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * GET /atelier/webhook-deliveries?limit=50&webhookId=<uuid> — our own route (not Twenty's): the
 * delivery log, newest first, as `{ deliveries: [...] }`. Needs a token whose role may manage
 * webhooks; errors use the REST error shape of the webhook routes.
 */
export const DELIVERIES_PATH = '/atelier/webhook-deliveries';

export const handleWebhookDeliveriesRoute = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  query: URLSearchParams,
): Promise<void> => {
  try {
    const auth = await runtime.tokens.authenticate(req.headers.authorization);
    await requireWebhookPermission({ runtime, auth });
    const rawLimit = query.get('limit');
    const limit = rawLimit === null ? undefined : Number(rawLimit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw badRequest(`limit '${rawLimit}' is invalid. Should be a positive integer`);
    const webhookId = query.get('webhookId') ?? undefined;
    if (webhookId !== undefined && !UUID.test(webhookId))
      throw badRequest(`webhookId '${webhookId}' is not a UUID`);
    const deliveries = await listWebhookDeliveries(runtime, {
      ...(limit !== undefined ? { limit } : {}),
      ...(webhookId ? { webhookId: webhookId.toLowerCase() } : {}),
    });
    sendJson(res, 200, { deliveries });
  } catch (error) {
    sendWebhookRestError(res, error);
  }
};
