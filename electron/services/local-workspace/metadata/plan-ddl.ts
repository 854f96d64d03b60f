import { createHash } from 'node:crypto';
import { quoteIdentifier, quoteLiteral } from '../storage/sql-engine';
import {
  columnDefinitionSql,
  columnsForField,
  createEnumSql,
  defaultSqlFor,
  enumTypeName,
  isManyToOne,
  joinColumnNameOf,
} from './field-columns';
import {
  tableNameOf,
  type FieldRow,
  type IndexRow,
  type MetadataState,
  type ObjectRow,
} from './metadata-types';
import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../shared/domain/composite-types';

/**
 * Turns the difference between two metadata snapshots into DDL for the workspace schema.
 * Services only edit metadata; this one function decides what the tables must look like, so
 * every change (and its rollback, by simply not committing) goes through the same path.
 */
const q = quoteIdentifier;
const hash = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 25);
export const foreignKeyName = (fieldId: string): string => `FK_${hash(fieldId)}`;

const tableOf = (state: MetadataState, objectId: string): string => {
  const object = state.objects.get(objectId);
  if (!object) throw new Error(`Unknown object ${objectId}`);
  return tableNameOf(object);
};

const enumColumns = (table: string, field: FieldRow) =>
  columnsForField(table, field).filter((column) => column.enumType !== undefined);

const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const indexColumns = (state: MetadataState, index: IndexRow): string[] =>
  [...index.fields]
    .sort((a, b) => a.order - b.order)
    .flatMap((entry) => {
      const field = state.fields.get(entry.fieldMetadataId);
      if (!field) return [];
      if (isManyToOne(field)) return [joinColumnNameOf(field)];
      if (entry.subFieldName) return [computeCompositeColumnName(field.name, entry.subFieldName)];
      if (isCompositeFieldType(field.type)) {
        return COMPOSITE_TYPES[field.type]
          .filter((sub) => sub.isIncludedInUniqueConstraint)
          .map((sub) => computeCompositeColumnName(field.name, sub.name));
      }
      return [field.name];
    });

const createIndexSql = (state: MetadataState, index: IndexRow): string | null => {
  const columns = indexColumns(state, index);
  if (columns.length === 0) return null;
  const table = tableOf(state, index.objectMetadataId);
  const using = index.indexType === 'GIN' ? ' USING GIN' : '';
  const where = index.indexWhereClause ? ` WHERE ${index.indexWhereClause}` : '';
  return `CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} ON ${q(table)}${using} (${columns.map(q).join(', ')})${where}`;
};

const foreignKeySql = (state: MetadataState, field: FieldRow): string => {
  const table = tableOf(state, field.objectMetadataId);
  const target = tableOf(state, field.relationTargetObjectMetadataId ?? '');
  const onDelete = String(field.settings?.onDelete ?? 'SET_NULL').replace('_', ' ');
  return `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(foreignKeyName(field.id))} FOREIGN KEY (${q(
    joinColumnNameOf(field),
  )}) REFERENCES ${q(target)}("id") ON DELETE ${onDelete}`;
};

const addFieldSql = (table: string, field: FieldRow): string[] =>
  columnsForField(table, field).flatMap((column) => [
    ...(column.enumType ? [createEnumSql(column.enumType)] : []),
    `ALTER TABLE ${q(table)} ADD COLUMN ${columnDefinitionSql(column)}`,
  ]);

const dropFieldSql = (table: string, field: FieldRow): string[] => [
  ...columnsForField(table, field).map(
    (column) => `ALTER TABLE ${q(table)} DROP COLUMN IF EXISTS ${q(column.name)}`,
  ),
  ...enumColumns(table, field).map((column) => `DROP TYPE IF EXISTS ${q(column.enumType!.name)}`),
];

const renameFieldSql = (table: string, before: FieldRow, after: FieldRow): string[] => {
  const oldColumns = columnsForField(table, before);
  const newColumns = columnsForField(table, after);
  return oldColumns.flatMap((column, i) => {
    const renamed = newColumns[i];
    if (!renamed || renamed.name === column.name) return [];
    const statements = [
      `ALTER TABLE ${q(table)} RENAME COLUMN ${q(column.name)} TO ${q(renamed.name)}`,
    ];
    if (column.enumType && renamed.enumType)
      statements.push(
        `ALTER TYPE ${q(column.enumType.name)} RENAME TO ${q(renamed.enumType.name)}`,
      );
    return statements;
  });
};

/** Rebuild an enum when options change; stored values follow their option (matched by id). */
const rebuildEnumSql = (table: string, before: FieldRow, after: FieldRow): string[] => {
  const column = after.name;
  const enumName = enumTypeName(table, column);
  const isArray = after.type === 'MULTI_SELECT';
  const newValues = new Set((after.options ?? []).map((option) => option.value));
  const mapping = new Map<string, string>();
  for (const old of before.options ?? []) {
    const next =
      (after.options ?? []).find((option) => option.id === old.id) ??
      (after.options ?? []).find((o) => o.value === old.value);
    if (next) mapping.set(old.value, next.value);
  }
  const cases = [...mapping]
    .map(([from, to]) => `WHEN ${quoteLiteral(from)} THEN ${quoteLiteral(to)}`)
    .join(' ');
  const fallback =
    !after.isNullable && typeof after.defaultValue === 'string'
      ? quoteLiteral(after.defaultValue.replace(/^'|'$/g, ''))
      : 'NULL';
  const mapExpression = (value: string) =>
    cases ? `CASE ${value} ${cases} ELSE ${fallback} END` : fallback;
  const textType = isArray ? 'text[]' : 'text';
  const statements = [
    `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} DROP DEFAULT`,
    `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} TYPE ${textType} USING ${q(column)}::${textType}`,
    `DROP TYPE IF EXISTS ${q(enumName)}`,
    createEnumSql({ name: enumName, values: [...newValues] }),
    isArray
      ? `UPDATE ${q(table)} SET ${q(column)} = ARRAY(SELECT m FROM (SELECT ${mapExpression('v')} AS m FROM unnest(${q(column)}) AS v) AS mapped WHERE m IS NOT NULL) WHERE ${q(column)} IS NOT NULL`
      : `UPDATE ${q(table)} SET ${q(column)} = ${mapExpression(q(column))} WHERE ${q(column)} IS NOT NULL`,
    `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} TYPE ${q(enumName)}${isArray ? '[]' : ''} USING ${q(column)}::${q(enumName)}${isArray ? '[]' : ''}`,
  ];
  const defaultSql = defaultSqlFor(after.type, after.defaultValue, enumName);
  if (defaultSql)
    statements.push(`ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} SET DEFAULT ${defaultSql}`);
  return statements;
};

const changedDefaultSql = (table: string, before: FieldRow, after: FieldRow): string[] => {
  const oldColumns = columnsForField(table, before);
  return columnsForField(table, after).flatMap((column, i) =>
    column.generatedSql || oldColumns[i]?.defaultSql === column.defaultSql
      ? []
      : [
          column.defaultSql
            ? `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column.name)} SET DEFAULT ${column.defaultSql}`
            : `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column.name)} DROP DEFAULT`,
        ],
  );
};

export const planDdl = (before: MetadataState, after: MetadataState): string[] => {
  const statements: string[] = [];
  const push = (...sql: (string | null)[]) => statements.push(...(sql.filter(Boolean) as string[]));

  // 1. Indexes that disappear (or change) are dropped first.
  for (const [id, index] of before.indexes) {
    const next = after.indexes.get(id);
    if (next === index) continue;
    if (!next || !sameJson(next, index)) push(`DROP INDEX IF EXISTS ${q(index.name)}`);
  }
  // 2. Foreign keys of relations that disappear or change.
  for (const [id, field] of before.fields) {
    if (after.fields.get(id) === field) continue; // rows are replaced, never mutated: same row, no change
    if (!isManyToOne(field) || !after.objects.has(field.objectMetadataId)) continue;
    const next = after.fields.get(id);
    if (
      !next ||
      !isManyToOne(next) ||
      !sameJson(next.settings, field.settings) ||
      next.name !== field.name
    ) {
      push(
        `ALTER TABLE ${q(tableOf(before, field.objectMetadataId))} DROP CONSTRAINT IF EXISTS ${q(foreignKeyName(id))}`,
      );
    }
  }
  // 3. Tables that disappear, with their enum types.
  for (const [id, object] of before.objects) {
    if (after.objects.has(id)) continue;
    const table = tableNameOf(object);
    push(`DROP TABLE IF EXISTS ${q(table)} CASCADE`);
    for (const field of before.fields.values()) {
      if (field.objectMetadataId === id)
        for (const column of enumColumns(table, field))
          push(`DROP TYPE IF EXISTS ${q(column.enumType!.name)}`);
    }
  }
  // 4. Renamed tables (custom objects renamed through nameSingular), enum types follow.
  for (const [id, object] of after.objects) {
    const previous = before.objects.get(id);
    if (!previous || tableNameOf(previous) === tableNameOf(object)) continue;
    push(`ALTER TABLE ${q(tableNameOf(previous))} RENAME TO ${q(tableNameOf(object))}`);
    for (const field of before.fields.values()) {
      if (field.objectMetadataId !== id) continue;
      for (const column of enumColumns(tableNameOf(previous), field)) {
        push(
          `ALTER TYPE ${q(column.enumType!.name)} RENAME TO ${q(enumTypeName(tableNameOf(object), column.name))}`,
        );
      }
    }
  }
  // 5. Fields removed from surviving tables; 6. renamed, re-defaulted or re-optioned fields.
  for (const [id, field] of before.fields) {
    if (
      after.fields.get(id) === field &&
      after.objects.get(field.objectMetadataId) === before.objects.get(field.objectMetadataId)
    )
      continue;
    if (!after.objects.has(field.objectMetadataId) || !before.objects.has(field.objectMetadataId))
      continue;
    const next = after.fields.get(id);
    const table = tableOf(after, field.objectMetadataId);
    if (!next) {
      push(...dropFieldSql(table, field));
      continue;
    }
    if (next.name !== field.name || joinColumnNameOf(next) !== joinColumnNameOf(field))
      push(...renameFieldSql(table, field, next));
    if (
      ['SELECT', 'MULTI_SELECT', 'RATING'].includes(next.type) &&
      !sameJson(next.options, field.options)
    ) {
      push(...rebuildEnumSql(table, field, next));
    } else if (!sameJson(next.defaultValue, field.defaultValue)) {
      push(...changedDefaultSql(table, field, next));
    }
    // A generated column cannot change its expression in place: rebuild it.
    if (next.type === 'TS_VECTOR' && next.settings?.asExpression !== field.settings?.asExpression) {
      push(...dropFieldSql(table, field), ...addFieldSql(table, next));
    }
  }
  // 7. New tables with all their columns; 8. new fields on existing tables.
  for (const [id, object] of after.objects) {
    if (before.objects.has(id)) continue;
    const table = tableNameOf(object);
    const fields = [...after.fields.values()].filter((field) => field.objectMetadataId === id);
    const columns = fields.flatMap((field) => columnsForField(table, field));
    for (const column of columns) if (column.enumType) push(createEnumSql(column.enumType));
    const primaryKey = columns.some((column) => column.name === 'id') ? ', PRIMARY KEY ("id")' : '';
    push(`CREATE TABLE ${q(table)} (${columns.map(columnDefinitionSql).join(', ')}${primaryKey})`);
  }
  for (const [id, field] of after.fields) {
    if (before.fields.has(id) || !before.objects.has(field.objectMetadataId)) continue;
    push(...addFieldSql(tableOf(after, field.objectMetadataId), field));
  }
  // 9. Foreign keys for new or changed MANY_TO_ONE relations.
  for (const [id, field] of after.fields) {
    if (before.fields.get(id) === field) continue;
    if (!isManyToOne(field)) continue;
    const previous = before.objects.has(field.objectMetadataId) ? before.fields.get(id) : undefined;
    if (
      previous &&
      isManyToOne(previous) &&
      sameJson(previous.settings, field.settings) &&
      previous.name === field.name
    )
      continue;
    push(foreignKeySql(after, field));
  }
  // 10. New or changed indexes.
  for (const [id, index] of after.indexes) {
    const previous = before.indexes.get(id);
    if (previous === index || (previous && sameJson(previous, index))) continue;
    push(createIndexSql(after, index));
  }
  return statements;
};

export const objectTables = (objects: Iterable<ObjectRow>): string[] =>
  [...objects].map(tableNameOf);
