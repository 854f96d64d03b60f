import { quoteIdentifier, type SqlExecutor } from '../storage/sql-engine';
import { emptyViewState, VIEW_CHILD_KINDS, VIEW_TABLES, type ViewState } from './view-types';

/**
 * Storage of view metadata in Twenty's core tables (engine/metadata-modules/view*\/entities):
 * created at every start (idempotent), read into the snapshot, written row by row from the
 * difference of two snapshots. A view goes with its object, a child with its view or field.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS core."view" (
    "id" uuid PRIMARY KEY,
    "universalIdentifier" uuid NOT NULL,
    "applicationId" uuid NOT NULL,
    "isSystemSideEffect" boolean NOT NULL DEFAULT false,
    "name" text NOT NULL DEFAULT '',
    "objectMetadataId" uuid NOT NULL REFERENCES core."objectMetadata"("id") ON DELETE CASCADE,
    "type" text NOT NULL DEFAULT 'TABLE',
    "key" text,
    "icon" text NOT NULL,
    "position" double precision NOT NULL DEFAULT 0,
    "isCompact" boolean NOT NULL DEFAULT false,
    "isCustom" boolean NOT NULL DEFAULT false,
    "openRecordIn" text NOT NULL DEFAULT 'SIDE_PANEL',
    "kanbanAggregateOperation" text,
    "kanbanAggregateOperationFieldMetadataId" uuid,
    "mainGroupByFieldMetadataId" uuid,
    "shouldHideEmptyGroups" boolean NOT NULL DEFAULT false,
    "kanbanColumnWidth" integer,
    "groupLoadLimit" integer NOT NULL DEFAULT 8,
    "calendarFieldMetadataId" uuid,
    "calendarEndFieldMetadataId" uuid,
    "anyFieldFilterValue" text,
    "calendarLayout" text,
    "visibility" text NOT NULL DEFAULT 'WORKSPACE',
    "createdByUserWorkspaceId" uuid,
    "isActive" boolean NOT NULL DEFAULT true,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    "deletedAt" timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS core."viewField" (
    "id" uuid PRIMARY KEY,
    "universalIdentifier" uuid NOT NULL,
    "applicationId" uuid NOT NULL,
    "isSystemSideEffect" boolean NOT NULL DEFAULT false,
    "fieldMetadataId" uuid NOT NULL REFERENCES core."fieldMetadata"("id") ON DELETE CASCADE,
    "isVisible" boolean NOT NULL DEFAULT true,
    "size" double precision NOT NULL DEFAULT 0,
    "position" double precision NOT NULL DEFAULT 0,
    "aggregateOperation" text,
    "viewId" uuid NOT NULL REFERENCES core."view"("id") ON DELETE CASCADE,
    "viewFieldGroupId" uuid,
    "isActive" boolean NOT NULL DEFAULT true,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    "deletedAt" timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS core."viewFilterGroup" (
    "id" uuid PRIMARY KEY,
    "parentViewFilterGroupId" uuid,
    "logicalOperator" text NOT NULL DEFAULT 'AND',
    "positionInViewFilterGroup" double precision,
    "viewId" uuid NOT NULL REFERENCES core."view"("id") ON DELETE CASCADE,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    "deletedAt" timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS core."viewFilter" (
    "id" uuid PRIMARY KEY,
    "fieldMetadataId" uuid NOT NULL REFERENCES core."fieldMetadata"("id") ON DELETE CASCADE,
    "operand" text NOT NULL DEFAULT 'CONTAINS',
    "value" jsonb NOT NULL,
    "viewFilterGroupId" uuid,
    "positionInViewFilterGroup" double precision,
    "subFieldName" text,
    "relationTargetFieldMetadataId" uuid,
    "viewId" uuid NOT NULL REFERENCES core."view"("id") ON DELETE CASCADE,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    "deletedAt" timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS core."viewSort" (
    "id" uuid PRIMARY KEY,
    "fieldMetadataId" uuid NOT NULL REFERENCES core."fieldMetadata"("id") ON DELETE CASCADE,
    "direction" text NOT NULL DEFAULT 'ASC',
    "subFieldName" text,
    "viewId" uuid NOT NULL REFERENCES core."view"("id") ON DELETE CASCADE,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    "deletedAt" timestamptz
  )`,
  `CREATE TABLE IF NOT EXISTS core."viewGroup" (
    "id" uuid PRIMARY KEY,
    "isVisible" boolean NOT NULL DEFAULT true,
    "fieldValue" text NOT NULL,
    "position" double precision NOT NULL DEFAULT 0,
    "viewId" uuid NOT NULL REFERENCES core."view"("id") ON DELETE CASCADE,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    "deletedAt" timestamptz
  )`,
  `CREATE INDEX IF NOT EXISTS "IDX_VIEW_OBJECT_METADATA_ID" ON core."view" ("objectMetadataId")`,
];

export const ensureViewTables = async (db: SqlExecutor): Promise<void> => {
  for (const statement of STATEMENTS) await db.query(statement);
};

const DATE_COLUMNS = ['createdAt', 'updatedAt', 'deletedAt'];

const normalise = (row: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...row };
  for (const column of DATE_COLUMNS) {
    const value = out[column];
    if (value !== null && value !== undefined)
      out[column] = (value instanceof Date ? value : new Date(String(value))).toISOString();
  }
  return out;
};

export const loadViewState = async (db: SqlExecutor): Promise<ViewState> => {
  const state = emptyViewState();
  for (const part of Object.keys(VIEW_TABLES) as Array<keyof ViewState>) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT * FROM core.${quoteIdentifier(VIEW_TABLES[part])} ORDER BY "createdAt", "id"`,
    );
    const map = state[part] as Map<string, unknown>;
    for (const row of rows) map.set(String(row.id), normalise(row));
  }
  return state;
};

const upsert = async (db: SqlExecutor, table: string, row: object): Promise<void> => {
  const entries = Object.entries(row);
  const columns = entries.map(([column]) => quoteIdentifier(column));
  // viewFilter.value is the only JSON column of these tables.
  const placeholders = entries.map(([column], i) =>
    column === 'value' ? `$${i + 1}::jsonb` : `$${i + 1}`,
  );
  const updates = columns.filter((c) => c !== '"id"').map((c) => `${c} = EXCLUDED.${c}`);
  await db.query(
    `INSERT INTO core.${quoteIdentifier(table)} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT ("id") DO UPDATE SET ${updates.join(', ')}`,
    entries.map(([column, value]) => (column === 'value' ? JSON.stringify(value ?? null) : value)),
  );
};

const remove = async (db: SqlExecutor, table: string, id: string): Promise<void> => {
  await db.query(`DELETE FROM core.${quoteIdentifier(table)} WHERE "id" = $1`, [id]);
};

/** Deletions of the view rows that went away (children first); run before field/object deletes. */
export const persistViewDeletions = async (
  db: SqlExecutor,
  before: ViewState,
  after: ViewState,
): Promise<void> => {
  for (const part of [...VIEW_CHILD_KINDS, 'views'] as const) {
    const next = after[part] as Map<string, unknown>;
    for (const id of (before[part] as Map<string, unknown>).keys())
      if (!next.has(id)) await remove(db, VIEW_TABLES[part], id);
  }
};

/** Inserts and updates (views first); run after objects and fields are written. */
export const persistViewUpserts = async (
  db: SqlExecutor,
  before: ViewState,
  after: ViewState,
): Promise<void> => {
  for (const part of ['views', ...VIEW_CHILD_KINDS] as const) {
    const previous = before[part] as Map<string, unknown>;
    for (const [id, row] of after[part] as Map<string, object>)
      if (previous.get(id) !== row) await upsert(db, VIEW_TABLES[part], row);
  }
};
