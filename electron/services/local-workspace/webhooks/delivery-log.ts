import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../storage/sql-engine';
import type { WorkspaceRuntime } from '../workspace-runtime';

/**
 * Our log of webhook calls (Twenty records only an audit event `webhook response`
 * `{url, webhookId, eventName, status?, success}`). Each row keeps the exact request that was sent,
 * so the webhook inspector can show and replay it. The newest MAX_ROWS rows are kept.
 */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  targetUrl: string;
  eventName: string;
  /** HTTP status of the answer; null when none came (timeout, refused connection, …). */
  statusCode: number | null;
  /** Twenty's rule: a 2xx answer. */
  success: boolean;
  error: string | null;
  durationMs: number;
  /** When the attempt started. */
  createdAt: string;
  requestHeaders: Record<string, string>;
  requestBody: string;
  /** The first RESPONSE_BODY_LIMIT characters of the answer. */
  responseBody: string | null;
}

export type NewWebhookDelivery = Omit<WebhookDelivery, 'id'>;

export const RESPONSE_BODY_LIMIT = 4096;
const MAX_ROWS = 5000;
const PRUNE_EVERY = 200;
const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 500;

const toDelivery = (row: Record<string, unknown>): WebhookDelivery => ({
  id: String(row.id),
  webhookId: String(row.webhookId),
  targetUrl: String(row.targetUrl),
  eventName: String(row.eventName),
  statusCode: row.statusCode === null ? null : Number(row.statusCode),
  success: Boolean(row.success),
  error: (row.error as string | null) ?? null,
  durationMs: Number(row.durationMs),
  createdAt: (row.createdAt instanceof Date
    ? row.createdAt
    : new Date(String(row.createdAt))
  ).toISOString(),
  requestHeaders:
    typeof row.requestHeaders === 'string'
      ? (JSON.parse(row.requestHeaders) as Record<string, string>)
      : (row.requestHeaders as Record<string, string>),
  requestBody: String(row.requestBody),
  responseBody: (row.responseBody as string | null) ?? null,
});

export class DeliveryLog {
  private writes = 0;

  constructor(private readonly db: SqlExecutor) {}

  async record(delivery: NewWebhookDelivery): Promise<void> {
    await this.db.query(
      `INSERT INTO core."atelierWebhookDelivery" ("id", "webhookId", "targetUrl", "eventName", "requestHeaders", "requestBody", "statusCode", "success", "error", "responseBody", "durationMs", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        randomUUID(),
        delivery.webhookId,
        delivery.targetUrl,
        delivery.eventName,
        JSON.stringify(delivery.requestHeaders),
        delivery.requestBody,
        delivery.statusCode,
        delivery.success,
        delivery.error,
        delivery.responseBody,
        Math.round(delivery.durationMs),
        delivery.createdAt,
      ],
    );
    this.writes += 1;
    if (this.writes % PRUNE_EVERY === 0) await this.prune();
  }

  private async prune(): Promise<void> {
    await this.db.query(
      `DELETE FROM core."atelierWebhookDelivery" WHERE "id" IN (
         SELECT "id" FROM core."atelierWebhookDelivery" ORDER BY "createdAt" DESC, "id" OFFSET $1
       )`,
      [MAX_ROWS],
    );
  }
}

export interface ListWebhookDeliveriesOptions {
  /** Default 50, at most 500. */
  limit?: number;
  webhookId?: string;
}

/** The newest deliveries first, optionally of one webhook. */
export const listWebhookDeliveries = async (
  runtime: Pick<WorkspaceRuntime, 'engine'>,
  options: ListWebhookDeliveriesOptions = {},
): Promise<WebhookDelivery[]> => {
  const limit = Math.min(
    Math.max(1, Math.floor(options.limit ?? DEFAULT_LIST_LIMIT)),
    MAX_LIST_LIMIT,
  );
  const params: unknown[] = [limit];
  let where = '';
  if (options.webhookId) {
    params.push(options.webhookId);
    where = `WHERE "webhookId" = $2`;
  }
  const { rows } = await runtime.engine.query<Record<string, unknown>>(
    `SELECT * FROM core."atelierWebhookDelivery" ${where} ORDER BY "createdAt" DESC, "id" DESC LIMIT $1`,
    params,
  );
  return rows.map(toDelivery);
};
