import { quoteIdentifier, type SqlExecutor } from '../storage/sql-engine';
import { loadViewState } from '../views/view-store';
import type { FieldRow, IndexRow, MetadataState, ObjectRow, WorkspaceRow } from './metadata-types';

/** Reads and writes metadata rows of the core schema. All values are bound parameters. */
const JSON_COLUMNS = new Set([
  'duplicateCriteria',
  'defaultValue',
  'options',
  'settings',
  'fields',
]);

const toIso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

const normaliseRow = <Row>(row: Record<string, unknown>): Row => {
  const out: Record<string, unknown> = { ...row };
  for (const key of ['createdAt', 'updatedAt']) if (out[key] != null) out[key] = toIso(out[key]);
  return out as Row;
};

const encode = (column: string, value: unknown): unknown =>
  JSON_COLUMNS.has(column) ? (value === undefined ? null : JSON.stringify(value)) : value;

export const upsertRow = async (
  db: SqlExecutor,
  table: 'objectMetadata' | 'fieldMetadata' | 'indexMetadata',
  row: object,
): Promise<void> => {
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  const columns = entries.map(([column]) => quoteIdentifier(column));
  const placeholders = entries.map(([column], i) =>
    JSON_COLUMNS.has(column) ? `$${i + 1}::jsonb` : `$${i + 1}`,
  );
  const updates = columns.filter((c) => c !== '"id"').map((c) => `${c} = EXCLUDED.${c}`);
  await db.query(
    `INSERT INTO core.${quoteIdentifier(table)} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT ("id") DO UPDATE SET ${updates.join(', ')}`,
    entries.map(([column, value]) => encode(column, value)),
  );
};

export const deleteRow = async (
  db: SqlExecutor,
  table: 'objectMetadata' | 'fieldMetadata' | 'indexMetadata',
  id: string,
): Promise<void> => {
  await db.query(`DELETE FROM core.${quoteIdentifier(table)} WHERE "id" = $1`, [id]);
};

export const loadWorkspace = async (
  db: SqlExecutor,
): Promise<(WorkspaceRow & { jwtSecret: string }) | null> => {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM core."workspace" LIMIT 1`,
  );
  return rows[0] ? normaliseRow(rows[0]) : null;
};

export const loadMetadataState = async (
  db: SqlExecutor,
  workspace: WorkspaceRow,
): Promise<MetadataState> => {
  const objects = await db.query<Record<string, unknown>>(`SELECT * FROM core."objectMetadata"`);
  const fields = await db.query<Record<string, unknown>>(`SELECT * FROM core."fieldMetadata"`);
  const indexes = await db.query<Record<string, unknown>>(`SELECT * FROM core."indexMetadata"`);
  return {
    workspace,
    objects: new Map(objects.rows.map((row) => [String(row.id), normaliseRow<ObjectRow>(row)])),
    fields: new Map(fields.rows.map((row) => [String(row.id), normaliseRow<FieldRow>(row)])),
    indexes: new Map(indexes.rows.map((row) => [String(row.id), normaliseRow<IndexRow>(row)])),
    views: await loadViewState(db),
  };
};

export const bumpMetadataVersion = async (
  db: SqlExecutor,
  workspaceId: string,
): Promise<number> => {
  const { rows } = await db.query<{ metadataVersion: number }>(
    `UPDATE core."workspace" SET "metadataVersion" = "metadataVersion" + 1 WHERE "id" = $1 RETURNING "metadataVersion"`,
    [workspaceId],
  );
  return rows[0]?.metadataVersion ?? 0;
};
