import type { IncomingMessage, ServerResponse } from 'node:http';
import { notFoundRoute } from '../http/http-io';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { DELIVERIES_PATH, handleWebhookDeliveriesRoute } from './delivery-log-route';
import { handleWebhookRest } from './webhook-rest';

/**
 * Webhooks of the local workspace: Twenty's storage, metadata GraphQL fields and REST routes,
 * delivery of record events with Twenty's payload and signature, and our delivery log.
 */
export { listWebhookDeliveries, type WebhookDelivery } from './delivery-log';
export { startWebhookDelivery, type RunningWebhookDelivery } from './webhook-delivery';
export { webhookResolvers } from './webhook-resolvers';
export { WebhookService, type WebhookRow } from './webhook-service';

/** Serves `/rest/metadata/webhooks`, `/rest/webhooks` and `/atelier/webhook-deliveries`. */
export const routeWebhookRequest = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  url: URL,
  path: string,
): Promise<boolean> => {
  if (path === DELIVERIES_PATH) {
    if (req.method === 'GET')
      await handleWebhookDeliveriesRoute(req, res, runtime, url.searchParams);
    else notFoundRoute(res, req.method ?? 'GET', url.pathname);
    return true;
  }
  return handleWebhookRest(req, res, runtime, path, url.searchParams);
};
