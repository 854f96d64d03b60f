import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../shared/domain/composite-types';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import {
  fieldsOfObject,
  tableNameOf,
  type FieldRow,
  type MetadataState,
  type ObjectRow,
} from '../metadata/metadata-types';
import { quoteIdentifier as q } from '../storage/sql-engine';

/**
 * How an object's records look in Twenty's API and which columns hold them. Reads select each
 * column with a cast that both engines return in the same JS shape (enum arrays as text[]).
 */
export interface ObjectShape {
  object: ObjectRow;
  table: string;
  /** Fully qualified, quoted table name. */
  qualifiedTable: string;
  fields: FieldRow[];
  byName: Map<string, FieldRow>;
  /** SELECT list producing one aliased column per stored column. */
  selectList: string;
  /** The model this shape was read from (relation filters reach the target object's shape). */
  state: MetadataState;
}

const shapeCache = new WeakMap<MetadataState, Map<string, ObjectShape>>();

const selectExpression = (field: FieldRow, column: string): string => {
  if (field.type === 'MULTI_SELECT') return `${q(column)}::text[] AS ${q(column)}`;
  if (
    field.type === 'SELECT' ||
    field.type === 'RATING' ||
    (field.type === 'ACTOR' && column.endsWith('Source'))
  )
    return `${q(column)}::text AS ${q(column)}`;
  return q(column);
};

export const storedColumns = (field: FieldRow): string[] => {
  if (field.type === 'RELATION' || field.type === 'MORPH_RELATION')
    return isManyToOne(field) ? [joinColumnNameOf(field)] : [];
  if (field.type === 'TS_VECTOR') return [];
  if (isCompositeFieldType(field.type))
    return COMPOSITE_TYPES[field.type].map((sub) =>
      computeCompositeColumnName(field.name, sub.name),
    );
  return [field.name];
};

export const objectShape = (state: MetadataState, object: ObjectRow): ObjectShape => {
  let perState = shapeCache.get(state);
  if (!perState) shapeCache.set(state, (perState = new Map()));
  const cached = perState.get(object.id);
  if (cached) return cached;
  const fields = fieldsOfObject(state, object.id);
  const table = tableNameOf(object);
  const select = fields.flatMap((field) =>
    storedColumns(field).map((column) => selectExpression(field, column)),
  );
  const shape: ObjectShape = {
    object,
    table,
    qualifiedTable: `${q(state.workspace.dataSchema)}.${q(table)}`,
    fields,
    byName: new Map(fields.map((field) => [field.name, field])),
    selectList: select.join(', '),
    state,
  };
  perState.set(object.id, shape);
  return shape;
};

export const findObjectByPlural = (state: MetadataState, plural: string): ObjectRow | undefined =>
  [...state.objects.values()].find((object) => object.namePlural === plural && object.isActive);

const toIso = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);
const toNumber = (value: unknown): unknown =>
  value === null || value === undefined ? null : Number(value);

const scalarOut = (type: string, value: unknown): unknown => {
  if (value === undefined) return null;
  switch (type) {
    case 'DATE_TIME':
      return toIso(value);
    case 'NUMERIC':
      return toNumber(value);
    default:
      return value;
  }
};

/** A database row → the record as Twenty's API returns it (composites as objects, FKs as `<name>Id`). */
export const rowToRecord = (
  shape: ObjectShape,
  row: Record<string, unknown>,
): Record<string, unknown> => {
  const record: Record<string, unknown> = {};
  for (const field of shape.fields) {
    if (field.type === 'TS_VECTOR') continue;
    if (field.type === 'RELATION' || field.type === 'MORPH_RELATION') {
      if (isManyToOne(field))
        record[joinColumnNameOf(field)] = row[joinColumnNameOf(field)] ?? null;
      continue;
    }
    if (isCompositeFieldType(field.type)) {
      const composite: Record<string, unknown> = {};
      for (const sub of COMPOSITE_TYPES[field.type])
        composite[sub.name] = scalarOut(
          sub.type,
          row[computeCompositeColumnName(field.name, sub.name)],
        );
      record[field.name] = composite;
      continue;
    }
    record[field.name] = scalarOut(field.type, row[field.name]);
  }
  return record;
};
