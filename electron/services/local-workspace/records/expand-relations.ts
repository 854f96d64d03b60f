import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import type { MetadataState } from '../metadata/metadata-types';
import { quoteIdentifier as q, type SqlExecutor } from '../storage/sql-engine';
import { objectShape, rowToRecord, type ObjectShape } from './record-shape';

/**
 * REST `depth=1`: every relation of the returned records, one query per relation (not per record):
 * to-one as a nested record (or null), to-many as an array of at most 60 records per parent
 * (QUERY_MAX_RECORDS_FROM_RELATION). Nested records carry no further relations.
 */
export const QUERY_MAX_RECORDS_FROM_RELATION = 60;

export const expandRelations = async (
  db: SqlExecutor,
  state: MetadataState,
  shape: ObjectShape,
  records: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> => {
  if (records.length === 0) return records;
  const expanded = records.map((record) => ({ ...record }));
  for (const field of shape.fields) {
    if (field.type !== 'RELATION' && field.type !== 'MORPH_RELATION') continue;
    const targetObject = state.objects.get(field.relationTargetObjectMetadataId ?? '');
    if (!targetObject || !targetObject.isActive) continue;
    const target = objectShape(state, targetObject);
    const hidden = target.byName.has('deletedAt') ? ' AND "deletedAt" IS NULL' : '';
    if (isManyToOne(field)) {
      const ids = [
        ...new Set(
          expanded
            .map((record) => record[joinColumnNameOf(field)])
            .filter((id): id is string => typeof id === 'string'),
        ),
      ];
      const { rows } = ids.length
        ? await db.query<Record<string, unknown>>(
            `SELECT ${target.selectList} FROM ${target.qualifiedTable} WHERE "id" = ANY($1::uuid[])${hidden}`,
            [ids],
          )
        : { rows: [] };
      const byId = new Map(rows.map((row) => [String(row.id), rowToRecord(target, row)]));
      for (const record of expanded)
        record[field.name] = byId.get(String(record[joinColumnNameOf(field)])) ?? null;
      continue;
    }
    const inverse = state.fields.get(field.relationTargetFieldMetadataId ?? '');
    if (!inverse || !isManyToOne(inverse)) continue;
    const column = joinColumnNameOf(inverse);
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT * FROM (SELECT ${target.selectList}, ROW_NUMBER() OVER (PARTITION BY ${q(column)} ORDER BY "id") AS "__rank"
         FROM ${target.qualifiedTable} WHERE ${q(column)} = ANY($1::uuid[])${hidden}) ranked WHERE "__rank" <= ${QUERY_MAX_RECORDS_FROM_RELATION}`,
      [expanded.map((record) => record.id)],
    );
    const byParent = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const parent = String(row[column]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), rowToRecord(target, row)]);
    }
    for (const record of expanded) record[field.name] = byParent.get(String(record.id)) ?? [];
  }
  return expanded;
};
