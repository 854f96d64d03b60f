import { quoteIdentifier } from '../storage/sql-engine';
import { tableNameOf } from '../metadata/metadata-types';
import type { WorkspaceRuntime } from '../workspace-runtime';

/** `objectRecordCounts`: non-deleted records per active object, in one round trip. */
export const countRecordsPerObject = async (runtime: WorkspaceRuntime) => {
  const state = runtime.metadata.snapshot;
  const objects = [...state.objects.values()].filter((object) => object.isActive);
  if (objects.length === 0) return [];
  const schema = quoteIdentifier(state.workspace.dataSchema);
  const hasDeletedAt = (objectId: string) =>
    [...state.fields.values()].some(
      (field) => field.objectMetadataId === objectId && field.name === 'deletedAt',
    );
  const sql = objects
    .map(
      (object, i) =>
        `SELECT $${i + 1}::text AS "objectNamePlural", count(*)::int AS "totalCount" FROM ${schema}.${quoteIdentifier(tableNameOf(object))}${
          hasDeletedAt(object.id) ? ' WHERE "deletedAt" IS NULL' : ''
        }`,
    )
    .join(' UNION ALL ');
  const { rows } = await runtime.engine.query<{ objectNamePlural: string; totalCount: number }>(
    sql,
    objects.map((o) => o.namePlural),
  );
  return rows;
};
