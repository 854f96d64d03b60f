import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityValidationError } from '../metadata/metadata-errors';
import type { WorkspaceRow } from '../metadata/metadata-types';
import type { SqlExecutor } from '../storage/sql-engine';
import {
  INVALID_TARGET_URL,
  invalidWebhookInput,
  TARGET_URL_REQUIRED,
  WEBHOOK_ALREADY_EXISTS,
  WebhookValidationError,
  webhookNotFound,
} from './webhook-errors';
import { ensureWebhookTables } from './webhook-tables';

/**
 * Webhook storage with Twenty's rules (main-2026 `webhook.service.ts`,
 * `from-create-webhook-input-to-flat-webhook-to-create.util.ts`, `flat-webhook-validator.service.ts`).
 * The rows are also kept in memory (Twenty reads them from its workspace cache) so that matching a
 * record event costs no query; this process is the only writer of its database.
 */
export interface WebhookRow {
  id: string;
  targetUrl: string;
  operations: string[];
  description: string | null;
  secret: string;
  workspaceId: string;
  applicationId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface CreateWebhookValues {
  id?: string | null;
  targetUrl: string;
  operations?: string[] | null;
  description?: string | null;
  secret?: string | null;
}

export interface UpdateWebhookValues {
  targetUrl?: string | null;
  operations?: string[] | null;
  description?: string | null;
  secret?: string | null;
}

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

const toRow = (row: Record<string, unknown>): WebhookRow => ({
  id: String(row.id),
  targetUrl: String(row.targetUrl),
  operations: (row.operations as string[] | null) ?? [],
  description: (row.description as string | null) ?? null,
  secret: String(row.secret),
  workspaceId: String(row.workspaceId),
  applicationId: String(row.applicationId),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  deletedAt: row.deletedAt === null || row.deletedAt === undefined ? null : iso(row.deletedAt),
});

/** `new URL(x).toString()` when it parses, the input otherwise (Twenty's normalizeTargetUrl). */
export const normalizeTargetUrl = (targetUrl: string): string => {
  try {
    return new URL(targetUrl).toString();
  } catch {
    return targetUrl;
  }
};

export const isHttpTargetUrl = (targetUrl: unknown): boolean => {
  try {
    const { protocol } = new URL(String(targetUrl));
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

/** twenty-shared `trimAndRemoveDuplicatedWhitespacesFromString`. */
const tidy = (value: string): string => value.trim().replace(/\s+/g, ' ');

/** 32 random bytes as 64 lowercase hex characters (`generate-webhook-secret.util.ts`). */
export const generateWebhookSecret = (): string => randomBytes(32).toString('hex');

export class WebhookService {
  private readonly rows = new Map<string, WebhookRow>();

  private constructor(
    private readonly db: SqlExecutor,
    private readonly workspace: Pick<WorkspaceRow, 'id' | 'customApplicationId'>,
  ) {}

  static async open(
    db: SqlExecutor,
    workspace: Pick<WorkspaceRow, 'id' | 'customApplicationId'>,
  ): Promise<WebhookService> {
    await ensureWebhookTables(db);
    const service = new WebhookService(db, workspace);
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT * FROM core."webhook" WHERE "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
    );
    for (const row of rows.map(toRow)) service.rows.set(row.id, row);
    return service;
  }

  /** Live webhooks, oldest first (Twenty: `order: { createdAt: 'ASC' }`). */
  list(): WebhookRow[] {
    return [...this.rows.values()].sort((a, b) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1,
    );
  }

  get(id: string): WebhookRow | null {
    return this.rows.get(id.toLowerCase()) ?? null;
  }

  async create(input: CreateWebhookValues): Promise<WebhookRow> {
    const id = (input.id ?? randomUUID()).toLowerCase();
    const targetUrl = tidy(normalizeTargetUrl(String(input.targetUrl ?? '')));
    const description =
      input.description === undefined || input.description === null
        ? null
        : tidy(input.description);
    // Nullish check: an empty string is kept, and such a webhook is delivered unsigned.
    const secret = input.secret ?? generateWebhookSecret();
    const errors: EntityValidationError[] = [];
    if (targetUrl === '') errors.push(TARGET_URL_REQUIRED);
    if (!isHttpTargetUrl(targetUrl)) errors.push(INVALID_TARGET_URL);
    if (this.rows.has(id)) errors.push(WEBHOOK_ALREADY_EXISTS);
    if (errors.length > 0) {
      throw new WebhookValidationError(
        'create',
        { id, universalIdentifier: id, targetUrl },
        errors,
      );
    }
    const now = new Date().toISOString();
    const { rows } = await this.db.query<Record<string, unknown>>(
      `INSERT INTO core."webhook" ("id", "targetUrl", "operations", "description", "secret", "workspaceId", "applicationId", "universalIdentifier", "createdAt", "updatedAt")
       VALUES ($1, $2, COALESCE($3::text[], '{*.*}'), $4, $5, $6, $7, $1, $8, $8) RETURNING *`,
      [
        id,
        targetUrl,
        input.operations ?? null,
        description,
        secret,
        this.workspace.id,
        this.workspace.customApplicationId,
        now,
      ],
    );
    const row = toRow(rows[0]!);
    this.rows.set(row.id, row);
    return row;
  }

  async update(id: string, update: UpdateWebhookValues): Promise<WebhookRow> {
    const existing = this.get(id);
    if (!existing) throw webhookNotFound();
    const next = { ...existing };
    if (update.targetUrl !== undefined) {
      next.targetUrl = update.targetUrl === null ? '' : normalizeTargetUrl(update.targetUrl);
    }
    if (update.operations !== undefined) {
      if (update.operations === null) throw invalidWebhookInput('operations must not be null');
      next.operations = update.operations;
    }
    if (update.description !== undefined) next.description = update.description;
    if (update.secret !== undefined) {
      if (update.secret === null) throw invalidWebhookInput('secret must not be null');
      next.secret = update.secret;
    }
    if (next.targetUrl !== existing.targetUrl && !isHttpTargetUrl(next.targetUrl)) {
      throw new WebhookValidationError(
        'update',
        { id: existing.id, universalIdentifier: existing.id },
        [INVALID_TARGET_URL],
      );
    }
    const { rows } = await this.db.query<Record<string, unknown>>(
      `UPDATE core."webhook" SET "targetUrl" = $2, "operations" = $3, "description" = $4, "secret" = $5, "updatedAt" = $6
       WHERE "id" = $1 RETURNING *`,
      [
        existing.id,
        next.targetUrl,
        next.operations,
        next.description,
        next.secret,
        new Date().toISOString(),
      ],
    );
    const row = toRow(rows[0]!);
    this.rows.set(row.id, row);
    return row;
  }

  /** Removes the row (Twenty's delete action handler deletes it) and returns it as it was. */
  async delete(id: string): Promise<WebhookRow> {
    const existing = this.get(id);
    if (!existing) throw webhookNotFound();
    await this.db.query(`DELETE FROM core."webhook" WHERE "id" = $1`, [existing.id]);
    this.rows.delete(existing.id);
    return existing;
  }
}
