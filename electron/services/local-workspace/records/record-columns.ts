import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../shared/domain/composite-types';
import { columnsForField, isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import type { FieldRow } from '../metadata/metadata-types';

/**
 * Maps a record in Twenty's API shape (composites as objects, relations as `<name>Id`) to column
 * values with the SQL type each bound parameter must be cast to.
 */
export interface ColumnValue {
  column: string;
  value: unknown;
  sqlType: string;
}

/**
 * Arrays travel as Postgres array literals: drivers cannot infer an element type for enum arrays
 * (PGlite would send "A,B"), and a literal casts to any array type.
 */
export const toArrayLiteral = (value: unknown): unknown =>
  Array.isArray(value)
    ? `{${value.map((item) => `"${String(item).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
    : value;

const jsonOrNull = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

export const toColumnValues = (
  table: string,
  fields: FieldRow[],
  record: Record<string, unknown>,
): ColumnValue[] => {
  const values: ColumnValue[] = [];
  for (const field of fields) {
    if (isManyToOne(field)) {
      const key = joinColumnNameOf(field);
      if (key in record) values.push({ column: key, value: record[key], sqlType: 'uuid' });
      continue;
    }
    if (
      !(field.name in record) ||
      field.type === 'TS_VECTOR' ||
      field.type === 'RELATION' ||
      field.type === 'MORPH_RELATION'
    )
      continue;
    const raw = record[field.name];
    const columns = columnsForField(table, field);
    if (isCompositeFieldType(field.type)) {
      const composite = (raw ?? {}) as Record<string, unknown>;
      COMPOSITE_TYPES[field.type].forEach((sub, i) => {
        if (!(sub.name in composite)) return;
        const value = composite[sub.name];
        values.push({
          column: computeCompositeColumnName(field.name, sub.name),
          value: sub.type === 'RAW_JSON' ? jsonOrNull(value) : value,
          sqlType: columns[i]?.sqlType ?? 'text',
        });
      });
      continue;
    }
    const column = columns[0];
    if (!column) continue;
    const value =
      field.type === 'RAW_JSON' || field.type === 'FILES'
        ? jsonOrNull(raw)
        : field.type === 'MULTI_SELECT' || field.type === 'ARRAY'
          ? toArrayLiteral(raw)
          : raw;
    values.push({ column: column.name, value, sqlType: column.sqlType });
  }
  return values;
};
