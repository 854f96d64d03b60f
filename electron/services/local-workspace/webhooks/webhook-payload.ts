import { createHmac, randomBytes } from 'node:crypto';
import type { RecordEvent } from '../records/record-events';

/**
 * What Twenty POSTs for one (webhook × record event), as pure functions:
 * - operations matching: `compute-webhook-operations-to-match.util.ts`,
 * - body: `transform-event-batch-to-webhook-events.ts` + `transform-event-to-webhook-event.ts`
 *   (key order matters: the signature covers the exact JSON text),
 * - headers and signature: `call-webhook.job.ts`.
 */
export interface WebhookTarget {
  id: string;
  targetUrl: string;
  operations: string[];
  secret: string;
}

/** Events excluded from wildcard subscriptions (main-2026): only an exact subscription matches. */
const WILDCARD_EXCLUDED_EVENT_NAMES = new Set(['workflowRun.updated']);

export const operationsToMatch = (nameSingular: string, action: string): string[] => {
  const exact = `${nameSingular}.${action}`;
  if (WILDCARD_EXCLUDED_EVENT_NAMES.has(exact)) return [exact];
  return [exact, `*.${action}`, `${nameSingular}.*`, '*.*'];
};

export const webhookMatches = (
  webhook: Pick<WebhookTarget, 'operations'>,
  nameSingular: string,
  action: string,
): boolean =>
  operationsToMatch(nameSingular, action).some((operation) =>
    webhook.operations.includes(operation),
  );

/** The actions the webhook fan-out forwards; `upserted` is internal (workflows) and never sent. */
const DELIVERED_ACTIONS = new Set(['created', 'updated', 'deleted', 'destroyed', 'restored']);

/**
 * `updatedFields` as Twenty's ORM event formatter computes it (the keys of the before/after diff,
 * `updatedAt` excluded): soft delete and restore change `deletedAt` only; an update that changed
 * nothing emits no event at all. Returns null when Twenty would not emit the event.
 */
export const webhookUpdatedFields = (event: RecordEvent): string[] | undefined | null => {
  if (!DELIVERED_ACTIONS.has(event.action)) return null;
  if (event.action === 'updated') {
    const changed = new Set((event.updatedFields ?? []).filter((field) => field !== 'updatedAt'));
    if (changed.size === 0) return null;
    // Twenty lists them in the record's key order (Object.keys of the after-image).
    const inRecordOrder = Object.keys(event.record).filter((key) => changed.has(key));
    return [...inRecordOrder, ...[...changed].filter((key) => !inRecordOrder.includes(key))];
  }
  if (event.action === 'deleted' || event.action === 'restored') {
    return event.updatedFields && event.updatedFields.length > 0
      ? event.updatedFields
      : ['deletedAt'];
  }
  return undefined;
};

/** The JSON text of one delivery, keys in Twenty's order (undefined keys omitted). */
export const buildWebhookBody = (
  webhook: Pick<WebhookTarget, 'id' | 'targetUrl'>,
  event: RecordEvent,
  updatedFields: string[] | undefined,
  eventDate: Date,
): string =>
  JSON.stringify({
    targetUrl: webhook.targetUrl,
    eventName: `${event.objectMetadata.nameSingular}.${event.action}`,
    objectMetadata: {
      id: event.objectMetadata.id,
      nameSingular: event.objectMetadata.nameSingular,
    },
    workspaceId: event.workspaceId,
    webhookId: webhook.id,
    eventDate,
    record: event.record,
    ...(updatedFields ? { updatedFields } : {}),
  });

/** Lowercase hex HMAC-SHA256 keyed by the secret's UTF-8 bytes over `<timestamp>:<body>`. */
export const signWebhookBody = (secret: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}:${body}`).digest('hex');

/**
 * Request headers: Content-Type always; timestamp (ms), signature and a 16-byte hex nonce only when
 * the secret is non-empty. Accept is axios's default, which Twenty's HTTP client sends too.
 */
export const buildWebhookHeaders = (
  secret: string,
  body: string,
  now: number = Date.now(),
): Record<string, string> => {
  const headers: Record<string, string> = {
    Accept: 'application/json, text/plain, */*',
    'Content-Type': 'application/json',
  };
  if (secret) {
    const timestamp = String(now);
    headers['X-Twenty-Webhook-Timestamp'] = timestamp;
    headers['X-Twenty-Webhook-Signature'] = signWebhookBody(secret, timestamp, body);
    headers['X-Twenty-Webhook-Nonce'] = randomBytes(16).toString('hex');
  }
  return headers;
};
