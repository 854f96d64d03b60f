import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../shared/domain/composite-types';
import { quoteIdentifier as q, type SqlExecutor } from '../storage/sql-engine';
import { RecordError } from './record-errors';
import type { ObjectShape } from './record-shape';
import { canonicalise } from './write-records';

/**
 * Upsert matching as Twenty does it: an input matches existing rows by `id` or by any unique
 * field it carries (composites by their unique sub-field, e.g. emails.primaryEmail), soft-deleted
 * rows included. Two different matches are a conflict. Source: get-conflicting-fields.util.ts.
 */
interface Condition {
  column: string;
  path: string;
  value: unknown;
}

const conditionsFor = (shape: ObjectShape, input: Record<string, unknown>): Condition[] => {
  const conditions: Condition[] = [];
  if (typeof input.id === 'string') conditions.push({ column: 'id', path: 'id', value: input.id });
  for (const field of shape.fields) {
    if (!field.isUnique || field.name === 'id' || !(field.name in input)) continue;
    const value = canonicalise(field, input[field.name]);
    if (isCompositeFieldType(field.type)) {
      for (const sub of COMPOSITE_TYPES[field.type].filter(
        (candidate) => candidate.isIncludedInUniqueConstraint,
      )) {
        const subValue = (value as Record<string, unknown> | null)?.[sub.name];
        if (subValue !== undefined && subValue !== null && subValue !== '') {
          conditions.push({
            column: computeCompositeColumnName(field.name, sub.name),
            path: `${field.name}.${sub.name}`,
            value: subValue,
          });
        }
      }
    } else if (value !== undefined && value !== null && value !== '') {
      conditions.push({ column: field.name, path: field.name, value });
    }
  }
  return conditions;
};

/** Id of the one existing record this input should update, or null to insert it. */
export const findUpsertMatch = async (
  db: SqlExecutor,
  shape: ObjectShape,
  input: Record<string, unknown>,
): Promise<string | null> => {
  const conditions = conditionsFor(shape, input);
  if (conditions.length === 0) return null;
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT "id" FROM ${shape.qualifiedTable} WHERE ${conditions.map((condition, i) => `${q(condition.column)} = $${i + 1}`).join(' OR ')}`,
    conditions.map((condition) => condition.value),
  );
  if (rows.length > 1) {
    const described = conditions
      .map((condition) => `${condition.path}: ${String(condition.value)}`)
      .join(', ');
    throw new RecordError(
      `Multiple records found with the same unique field values for ${described}. Cannot determine which record to update.`,
      'BAD_REQUEST',
      'UPSERT_MULTIPLE_MATCHING_RECORDS_CONFLICT',
    );
  }
  return rows[0]?.id ?? null;
};
