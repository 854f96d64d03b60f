import type { RecordEvent, RecordEventBus } from '../records/record-events';
import type { SqlExecutor } from '../storage/sql-engine';
import { BoundedQueue } from './concurrency-limit';
import { DeliveryLog, RESPONSE_BODY_LIMIT } from './delivery-log';
import { createWebhookHttpClient, type WebhookHttpClient } from './post-webhook';
import {
  buildWebhookBody,
  buildWebhookHeaders,
  webhookMatches,
  webhookUpdatedFields,
  type WebhookTarget,
} from './webhook-payload';

/**
 * Webhook fan-out: listens to committed record events and POSTs one request per matching webhook,
 * outside the API request that caused the event (the listener only enqueues). Twenty's mechanics
 * (`call-webhook-jobs.job.ts`, `call-webhook.job.ts`): one attempt, 5 s timeout, no retry, success
 * = 2xx, parallel calls (20 per job there; here at most 20 in flight, the rest queued).
 */
export interface WebhookDeliveryOptions {
  timeoutMs?: number;
  concurrency?: number;
  /** Deliveries waiting beyond this are dropped (logged as failed), like Twenty's rate limiter. */
  maxPending?: number;
}

export interface WebhookDeliveryDeps {
  engine: SqlExecutor;
  events: RecordEventBus;
  webhooks: { list(): WebhookTarget[] };
}

export interface RunningWebhookDelivery {
  /** Resolves when every started delivery is finished and logged (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops listening, aborts calls in flight, drops queued ones; resolves once logs are written. */
  stop(): Promise<void>;
}

interface Job {
  webhook: WebhookTarget;
  eventName: string;
  body: string;
}

export const startWebhookDelivery = (
  deps: WebhookDeliveryDeps,
  options: WebhookDeliveryOptions = {},
): RunningWebhookDelivery => {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const concurrency = options.concurrency ?? 20;
  const queue = new BoundedQueue(concurrency, options.maxPending ?? 10_000);
  const log = new DeliveryLog(deps.engine);
  const http: WebhookHttpClient = createWebhookHttpClient(concurrency);
  const stopping = new AbortController();

  const writes = new Set<Promise<void>>();
  const writeLog = (entry: Parameters<DeliveryLog['record']>[0]): Promise<void> => {
    const write = log
      .record(entry)
      .catch((error: unknown) =>
        console.error('[local-workspace] webhook delivery log write failed:', error),
      )
      .finally(() => writes.delete(write));
    writes.add(write);
    return write;
  };

  const deliver = async ({ webhook, eventName, body }: Job): Promise<void> => {
    const started = Date.now();
    const headers = buildWebhookHeaders(webhook.secret, body, started);
    const result = await http.post(webhook.targetUrl, headers, body, {
      timeoutMs,
      responseBodyLimit: RESPONSE_BODY_LIMIT,
      signal: stopping.signal,
    });
    await writeLog({
      webhookId: webhook.id,
      targetUrl: webhook.targetUrl,
      eventName,
      statusCode: result.statusCode,
      success: result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300,
      error: result.error,
      durationMs: Date.now() - started,
      createdAt: new Date(started).toISOString(),
      requestHeaders: headers,
      requestBody: body,
      responseBody: result.responseBody,
    });
  };

  const onEvent = (event: RecordEvent): void => {
    const updatedFields = webhookUpdatedFields(event);
    if (updatedFields === null) return;
    const { nameSingular } = event.objectMetadata;
    const targets = deps.webhooks
      .list()
      .filter((webhook) => webhookMatches(webhook, nameSingular, event.action));
    if (targets.length === 0) return;
    const eventName = `${nameSingular}.${event.action}`;
    // Twenty stamps eventDate when its fan-out job runs, once per webhook.
    const eventDate = new Date();
    for (const webhook of targets) {
      const job: Job = {
        webhook: { ...webhook },
        eventName,
        body: buildWebhookBody(webhook, event, updatedFields ?? undefined, eventDate),
      };
      if (!queue.push(() => deliver(job))) {
        void writeLog({
          webhookId: webhook.id,
          targetUrl: webhook.targetUrl,
          eventName,
          statusCode: null,
          success: false,
          error: 'dropped: too many webhook deliveries waiting',
          durationMs: 0,
          createdAt: new Date().toISOString(),
          requestHeaders: {},
          requestBody: job.body,
          responseBody: null,
        });
      }
    }
  };

  const unsubscribe = deps.events.subscribe(onEvent);
  let stopped: Promise<void> | null = null;
  return {
    idle: async () => {
      await queue.onIdle();
      await Promise.all([...writes]);
    },
    stop() {
      stopped ??= (async () => {
        unsubscribe();
        queue.clear();
        stopping.abort();
        await queue.onIdle();
        await Promise.all([...writes]);
        http.close();
      })();
      return stopped;
    },
  };
};
