import type {
  DeliveryFilter,
  ForwardResult,
  LogSettings,
} from '../../../../shared/contract/webhooks';
import type { SqlEngine, SqlExecutor } from '../../local-workspace/storage/sql-engine';
import {
  parsePayload,
  searchText,
  type JournalEntry,
  type StoredDelivery,
} from './stored-delivery';

/**
 * The searchable delivery log in the app's embedded database (PGlite): one row per delivery with
 * the columns filters use, the whole delivery as JSON, and a full-text vector of the payload's
 * values ('simple' configuration: no stemming, so ids, e-mails and names match as written).
 * Filled from the journal; `position` (the last journal seq applied) is written in the same
 * transaction as the rows, so a replay after a crash applies each entry exactly once.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS delivery (
  seq bigint PRIMARY KEY,
  id text NOT NULL UNIQUE,
  receiver_id text NOT NULL,
  received_at timestamptz NOT NULL,
  event_name text,
  object_name text,
  record_id text,
  webhook_id text,
  verification text NOT NULL,
  nonce text,
  forward_status int,
  forwards jsonb NOT NULL DEFAULT '[]',
  doc text NOT NULL,
  search tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS delivery_search ON delivery USING gin (search);
CREATE INDEX IF NOT EXISTS delivery_received_at ON delivery (received_at);
CREATE INDEX IF NOT EXISTS delivery_record_id ON delivery (record_id);
CREATE INDEX IF NOT EXISTS delivery_object ON delivery (object_name, received_at);
ALTER TABLE delivery ADD COLUMN IF NOT EXISTS nonce text;
CREATE TABLE IF NOT EXISTS log_meta (key text PRIMARY KEY, value text NOT NULL);
`;

export const DEFAULT_LOG_SETTINGS: LogSettings = { retentionDays: 30, maxDeliveries: 100_000 };

export interface IndexedRow {
  delivery: StoredDelivery;
  forwards: ForwardResult[];
}

const COLUMNS = 11;

const where = (filter: DeliveryFilter, params: unknown[]): string => {
  const clauses: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.search) {
    add(
      (p) =>
        `(search @@ websearch_to_tsquery('simple', ${p}) OR record_id = ${p} OR webhook_id = ${p} OR id = ${p})`,
      filter.search,
    );
  }
  if (filter.receiverId) add((p) => `receiver_id = ${p}`, filter.receiverId);
  if (filter.eventName) add((p) => `event_name = ${p}`, filter.eventName);
  if (filter.objectName) add((p) => `object_name = ${p}`, filter.objectName);
  if (filter.recordId) add((p) => `record_id = ${p}`, filter.recordId);
  if (filter.from) add((p) => `received_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `received_at <= ${p}`, filter.to);
  if (filter.verification?.length) add((p) => `verification = ANY(${p})`, filter.verification);
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
};

const toRow = (row: { doc: string; forwards: ForwardResult[] | string }): IndexedRow => ({
  delivery: JSON.parse(row.doc) as StoredDelivery,
  forwards:
    typeof row.forwards === 'string' ? (JSON.parse(row.forwards) as ForwardResult[]) : row.forwards,
});

export class DeliveryIndex {
  private constructor(private readonly db: SqlEngine) {}

  static async open(db: SqlEngine): Promise<DeliveryIndex> {
    for (const statement of SCHEMA.split(';')
      .map((part) => part.trim())
      .filter(Boolean)) {
      await db.query(statement);
    }
    return new DeliveryIndex(db);
  }

  async position(): Promise<number> {
    const { rows } = await this.db.query<{ value: string }>(
      `SELECT value FROM log_meta WHERE key = 'position'`,
    );
    return rows[0] ? Number(rows[0].value) : 0;
  }

  /** Applies journal entries in one transaction (deliveries inserted, forwards attached). */
  async apply(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      const deliveries = entries.filter(
        (entry): entry is StoredDelivery => entry.type === 'delivery',
      );
      if (deliveries.length > 0) await this.insert(tx, deliveries);
      for (const entry of entries) {
        if (entry.type !== 'forward') continue;
        await tx.query(
          `UPDATE delivery SET forwards = forwards || $2::jsonb, forward_status = $3 WHERE id = $1`,
          [entry.deliveryId, JSON.stringify([entry.result]), entry.result.status],
        );
      }
      await tx.query(
        `INSERT INTO log_meta (key, value) VALUES ('position', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [String(entries.at(-1)!.seq)],
      );
    });
  }

  private async insert(tx: SqlExecutor, deliveries: StoredDelivery[]): Promise<void> {
    const params: unknown[] = [];
    const values = deliveries.map((delivery) => {
      const base = params.length;
      params.push(
        delivery.seq,
        delivery.id,
        delivery.receiverId,
        new Date(delivery.receivedAt).toISOString(),
        delivery.eventName,
        delivery.objectName,
        delivery.recordId,
        delivery.webhookId,
        delivery.verification.status,
        delivery.nonce,
        JSON.stringify(delivery),
      );
      const searchable = searchText(delivery, parsePayload(delivery));
      params.push(searchable);
      const placeholders = Array.from({ length: COLUMNS }, (_, index) => `$${base + index + 1}`);
      return `(${placeholders.join(', ')}, to_tsvector('simple', $${base + COLUMNS + 1}))`;
    });
    await tx.query(
      `INSERT INTO delivery (seq, id, receiver_id, received_at, event_name, object_name, record_id, webhook_id, verification, nonce, doc, search)
       VALUES ${values.join(', ')} ON CONFLICT (seq) DO NOTHING`,
      params,
    );
  }

  async list(
    filter: DeliveryFilter,
    beforeSeq: number | null,
    limit: number,
  ): Promise<{ rows: IndexedRow[]; total: number; hasMore: boolean }> {
    const params: unknown[] = [];
    const condition = where(filter, params);
    const { rows: counted } = await this.db.query<{ total: string }>(
      `SELECT count(*) AS total FROM delivery ${condition}`,
      params,
    );
    const pageParams = [...params];
    let pageCondition = condition;
    if (beforeSeq !== null) {
      pageParams.push(beforeSeq);
      pageCondition = `${condition ? `${condition} AND` : 'WHERE'} seq < $${pageParams.length}`;
    }
    pageParams.push(limit + 1);
    const { rows } = await this.db.query<{ doc: string; forwards: ForwardResult[] }>(
      `SELECT doc, forwards FROM delivery ${pageCondition} ORDER BY seq DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return {
      rows: rows.slice(0, limit).map(toRow),
      total: Number(counted[0]?.total ?? 0),
      hasMore: rows.length > limit,
    };
  }

  async get(id: string): Promise<IndexedRow | null> {
    const { rows } = await this.db.query<{ doc: string; forwards: ForwardResult[] }>(
      `SELECT doc, forwards FROM delivery WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Matching deliveries oldest first, a page at a time (export). */
  async *scan(filter: DeliveryFilter, pageSize = 500): AsyncGenerator<IndexedRow> {
    let afterSeq = -1;
    for (;;) {
      const params: unknown[] = [];
      const condition = where(filter, params);
      params.push(afterSeq, pageSize);
      const { rows } = await this.db.query<{ seq: string; doc: string; forwards: ForwardResult[] }>(
        `SELECT seq, doc, forwards FROM delivery ${condition ? `${condition} AND` : 'WHERE'} seq > $${params.length - 1}
         ORDER BY seq LIMIT $${params.length}`,
        params,
      );
      for (const row of rows) yield toRow(row);
      if (rows.length < pageSize) return;
      afterSeq = Number(rows.at(-1)!.seq);
    }
  }

  /** Record ids and event names that arrived for an object in a window (gap detection). */
  async delivered(
    objectName: string,
    from: string,
    to: string,
    receiverId: string | null,
  ): Promise<Array<{ recordId: string; eventName: string; receivedAt: string }>> {
    const params: unknown[] = [objectName, from, to];
    let receiver = '';
    if (receiverId) {
      params.push(receiverId);
      receiver = `AND receiver_id = $4`;
    }
    const { rows } = await this.db.query<{
      record_id: string;
      event_name: string;
      received_at: Date;
    }>(
      `SELECT record_id, event_name, received_at FROM delivery
       WHERE object_name = $1 AND received_at >= $2 AND received_at <= $3 AND record_id IS NOT NULL ${receiver}`,
      params,
    );
    return rows.map((row) => ({
      recordId: row.record_id,
      eventName: row.event_name,
      receivedAt: new Date(row.received_at).toISOString(),
    }));
  }

  /** Nonces and verified webhooks seen lately: the receivers' memory across a restart. */
  async recent(sinceMs: number): Promise<{ nonces: Array<[string, number]>; verified: string[] }> {
    const { rows } = await this.db.query<{ nonce: string; received_at: Date }>(
      `SELECT nonce, received_at FROM delivery WHERE received_at >= $1 AND nonce IS NOT NULL
       ORDER BY seq DESC LIMIT 100000`,
      [new Date(sinceMs).toISOString()],
    );
    const nonces = rows.map((row): [string, number] => [
      row.nonce,
      new Date(row.received_at).getTime(),
    ]);
    const { rows: verified } = await this.db.query<{ key: string }>(
      `SELECT DISTINCT receiver_id || ' ' || webhook_id AS key FROM delivery
       WHERE verification = 'valid' AND webhook_id IS NOT NULL`,
    );
    return { nonces, verified: verified.map((row) => row.key) };
  }

  async count(): Promise<{ deliveries: number; oldest: string | null }> {
    const { rows } = await this.db.query<{ total: string; oldest: Date | null }>(
      `SELECT count(*) AS total, min(received_at) AS oldest FROM delivery`,
    );
    const oldest = rows[0]?.oldest;
    return {
      deliveries: Number(rows[0]?.total ?? 0),
      oldest: oldest ? new Date(oldest).toISOString() : null,
    };
  }

  async settings(): Promise<LogSettings> {
    const { rows } = await this.db.query<{ value: string }>(
      `SELECT value FROM log_meta WHERE key = 'settings'`,
    );
    return rows[0] ? (JSON.parse(rows[0].value) as LogSettings) : DEFAULT_LOG_SETTINGS;
  }

  async saveSettings(settings: LogSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO log_meta (key, value) VALUES ('settings', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify(settings)],
    );
  }

  /** Deletes what the retention settings no longer keep; answers how many went. */
  async prune(settings: LogSettings, now = Date.now()): Promise<number> {
    let deleted = 0;
    if (settings.retentionDays !== null) {
      const cutoff = new Date(now - settings.retentionDays * 86_400_000).toISOString();
      deleted += (await this.db.query(`DELETE FROM delivery WHERE received_at < $1`, [cutoff]))
        .rowCount;
    }
    deleted += (
      await this.db.query(
        `DELETE FROM delivery WHERE seq <= (SELECT seq FROM delivery ORDER BY seq DESC OFFSET $1 LIMIT 1)`,
        [settings.maxDeliveries],
      )
    ).rowCount;
    return deleted;
  }

  async clear(receiverId: string | null): Promise<number> {
    const result = receiverId
      ? await this.db.query(`DELETE FROM delivery WHERE receiver_id = $1`, [receiverId])
      : await this.db.query(`DELETE FROM delivery`);
    return result.rowCount;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
