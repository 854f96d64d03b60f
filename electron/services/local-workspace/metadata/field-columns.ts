import { createHash } from 'node:crypto';
import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
  ACTOR_SOURCES,
} from '../../../../shared/domain/composite-types';
import type { FieldMetadataType } from '../../../../shared/domain/field-metadata-type';
import { quoteIdentifier, quoteLiteral } from '../storage/sql-engine';
import type { FieldRow } from './metadata-types';

/**
 * How Twenty maps a field to Postgres columns: one column per scalar field, one per composite
 * sub-field (`amount` → `amountAmountMicros`, `amountCurrencyCode`), a `<name>Id` uuid for the
 * MANY_TO_ONE side of a relation, nothing for ONE_TO_MANY. Enum-like types get a Postgres enum.
 */
export interface ColumnSpec {
  name: string;
  sqlType: string;
  notNull: boolean;
  defaultSql: string | null;
  /** Enum type to create before the column (SELECT, MULTI_SELECT, RATING, actor source). */
  enumType?: { name: string; values: string[] };
  generatedSql?: string;
}

const SCALAR_SQL_TYPES: Partial<Record<FieldMetadataType, string>> = {
  UUID: 'uuid',
  TEXT: 'text',
  NUMBER: 'double precision',
  NUMERIC: 'numeric',
  BOOLEAN: 'boolean',
  DATE_TIME: 'timestamptz',
  DATE: 'date',
  POSITION: 'double precision',
  RAW_JSON: 'jsonb',
  ARRAY: 'text[]',
  FILES: 'jsonb',
  TS_VECTOR: 'tsvector',
};

/** Postgres caps identifiers at 63 bytes; long generated names keep a readable prefix + hash. */
export const fitIdentifier = (name: string): string =>
  name.length <= 63
    ? name
    : `${name.slice(0, 50)}_${createHash('sha1').update(name).digest('hex').slice(0, 12)}`;

export const enumTypeName = (table: string, column: string): string =>
  fitIdentifier(`${table}_${column}_enum`);

const unquote = (value: string): string =>
  value.length >= 2 &&
  ((value.startsWith("'") && value.endsWith("'")) || (value.startsWith('"') && value.endsWith('"')))
    ? value.slice(1, -1)
    : value;

/** SQL DEFAULT expression for a Twenty default value (quoted literals are re-quoted safely). */
export const defaultSqlFor = (
  type: FieldMetadataType,
  value: unknown,
  enumName?: string,
): string | null => {
  if (value === null || value === undefined) return null;
  if (type === 'UUID' && value === 'uuid') return 'gen_random_uuid()';
  if ((type === 'DATE_TIME' || type === 'DATE') && value === 'now')
    return type === 'DATE' ? 'CURRENT_DATE' : 'now()';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') {
    const literal = quoteLiteral(unquote(value));
    if (type === 'NUMERIC') return `${literal}::numeric`;
    if (type === 'NUMBER' || type === 'POSITION')
      return Number.isFinite(Number(unquote(value))) ? String(Number(unquote(value))) : null;
    return enumName ? `${literal}::${quoteIdentifier(enumName)}` : literal;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => quoteLiteral(unquote(String(item))));
    if (enumName) return `ARRAY[${items.join(', ')}]::${quoteIdentifier(enumName)}[]`;
    return `ARRAY[${items.join(', ')}]::text[]`;
  }
  if (typeof value === 'object' && (type === 'RAW_JSON' || type === 'FILES'))
    return `${quoteLiteral(JSON.stringify(value))}::jsonb`;
  return null;
};

const enumValuesOf = (field: Pick<FieldRow, 'options'>): string[] =>
  (field.options ?? []).map((option) => option.value);

export const joinColumnNameOf = (field: Pick<FieldRow, 'name' | 'settings'>): string =>
  typeof field.settings?.joinColumnName === 'string'
    ? field.settings.joinColumnName
    : `${field.name}Id`;

export const isManyToOne = (field: Pick<FieldRow, 'type' | 'settings'>): boolean =>
  (field.type === 'RELATION' || field.type === 'MORPH_RELATION') &&
  field.settings?.relationType === 'MANY_TO_ONE';

export const columnsForField = (table: string, field: FieldRow): ColumnSpec[] => {
  const { type, name } = field;
  if (type === 'RELATION' || type === 'MORPH_RELATION') {
    if (!isManyToOne(field)) return [];
    return [{ name: joinColumnNameOf(field), sqlType: 'uuid', notNull: false, defaultSql: null }];
  }
  if (isCompositeFieldType(type)) {
    const defaults = (field.defaultValue ?? {}) as Record<string, unknown>;
    return COMPOSITE_TYPES[type].map((sub) => {
      const column = computeCompositeColumnName(name, sub.name);
      if (sub.type === 'SELECT') {
        // The only composite enum is ACTOR.source.
        const enumType = { name: enumTypeName(table, column), values: [...ACTOR_SOURCES] };
        return {
          name: column,
          sqlType: quoteIdentifier(enumType.name),
          notNull: !field.isNullable,
          defaultSql:
            defaultSqlFor('SELECT', defaults[sub.name], enumType.name) ??
            `'MANUAL'::${quoteIdentifier(enumType.name)}`,
          enumType,
        };
      }
      const sqlType = SCALAR_SQL_TYPES[sub.type] ?? 'text';
      return {
        name: column,
        sqlType,
        // Twenty keeps composite sub-columns nullable; non-nullability is enforced by the API layer.
        notNull: false,
        defaultSql: defaultSqlFor(sub.type, defaults[sub.name]),
      };
    });
  }
  if (type === 'SELECT' || type === 'RATING' || type === 'MULTI_SELECT') {
    const enumType = { name: enumTypeName(table, name), values: enumValuesOf(field) };
    const isArray = type === 'MULTI_SELECT';
    return [
      {
        name,
        sqlType: `${quoteIdentifier(enumType.name)}${isArray ? '[]' : ''}`,
        notNull: !field.isNullable,
        defaultSql: defaultSqlFor(type, field.defaultValue, enumType.name),
        enumType,
      },
    ];
  }
  if (type === 'TS_VECTOR') {
    const expression =
      typeof field.settings?.asExpression === 'string' ? field.settings.asExpression : null;
    return [
      {
        name,
        sqlType: 'tsvector',
        notNull: false,
        defaultSql: null,
        ...(expression ? { generatedSql: expression } : {}),
      },
    ];
  }
  return [
    {
      name,
      sqlType: SCALAR_SQL_TYPES[type] ?? 'text',
      notNull: !field.isNullable,
      defaultSql: defaultSqlFor(type, field.defaultValue),
    },
  ];
};

export const columnDefinitionSql = (column: ColumnSpec): string => {
  const parts = [quoteIdentifier(column.name), column.sqlType];
  if (column.generatedSql) parts.push(`GENERATED ALWAYS AS (${column.generatedSql}) STORED`);
  if (column.defaultSql && !column.generatedSql) parts.push(`DEFAULT ${column.defaultSql}`);
  if (column.notNull) parts.push('NOT NULL');
  return parts.join(' ');
};

/** CREATE TYPE in the current search_path (the workspace schema during migrations). */
export const createEnumSql = (enumType: { name: string; values: string[] }): string =>
  `CREATE TYPE ${quoteIdentifier(enumType.name)} AS ENUM (${enumType.values
    .map(quoteLiteral)
    .join(', ')})`;
