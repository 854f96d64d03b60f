import type { SqlExecutor } from '../storage/sql-engine';

/**
 * Storage of the webhooks feature, created by this module (idempotent, at every start):
 * - core."webhook": Twenty's own table (`engine/metadata-modules/webhook/entities/webhook.entity.ts`).
 * - core."atelierWebhookDelivery": our delivery log (Twenty only emits an audit event per call);
 *   it keeps the exact request for the webhook inspector.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS core."webhook" (
    "id" uuid PRIMARY KEY,
    "targetUrl" text NOT NULL,
    "operations" text[] NOT NULL DEFAULT '{*.*}',
    "description" varchar,
    "secret" text NOT NULL,
    "workspaceId" uuid NOT NULL,
    "applicationId" uuid NOT NULL,
    "universalIdentifier" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    "deletedAt" timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS core."atelierWebhookDelivery" (
    "id" uuid PRIMARY KEY,
    "webhookId" uuid NOT NULL,
    "targetUrl" text NOT NULL,
    "eventName" text NOT NULL,
    "requestHeaders" jsonb NOT NULL,
    "requestBody" text NOT NULL,
    "statusCode" integer,
    "success" boolean NOT NULL,
    "error" text,
    "responseBody" text,
    "durationMs" integer NOT NULL,
    "createdAt" timestamptz NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS "IDX_atelierWebhookDelivery_createdAt"
    ON core."atelierWebhookDelivery" ("createdAt" DESC)`,
  `CREATE INDEX IF NOT EXISTS "IDX_atelierWebhookDelivery_webhookId_createdAt"
    ON core."atelierWebhookDelivery" ("webhookId", "createdAt" DESC)`,
];

export const ensureWebhookTables = async (db: SqlExecutor): Promise<void> => {
  for (const statement of STATEMENTS) await db.query(statement);
};
