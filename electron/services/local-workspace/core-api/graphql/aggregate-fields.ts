import {
  GraphQLFloat,
  GraphQLInt,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import type { FieldRow } from '../../metadata/metadata-types';
import { quoteIdentifier as q } from '../../storage/sql-engine';
import { DateTimeScalar } from './core-scalars';

/**
 * Aggregate fields of a connection, named as Twenty names them (get-available-aggregations-from-
 * object-fields.util.ts): countUniqueValues<F>, countEmpty<F>, countNotEmpty<F>, percentageEmpty<F>,
 * percentageNotEmpty<F> for every non-relation field; min/max/avg/sum<F> for numbers;
 * countTrue/countFalse<F> for booleans; min/max<F> for dates and date-times;
 * min/max/sum/avg<F>AmountMicros for currencies. Each runs one SQL aggregate over the connection's
 * filtered records.
 */
export interface AggregatableConnection {
  aggregate: (expression: string) => Promise<unknown>;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const valueExpression = (field: FieldRow): string => {
  if (isCompositeFieldType(field.type)) {
    const columns = COMPOSITE_TYPES[field.type].map((sub) =>
      q(computeCompositeColumnName(field.name, sub.name)),
    );
    return `ROW(${columns.join(', ')})`;
  }
  return q(field.name);
};

const emptyCondition = (field: FieldRow): string => {
  if (isCompositeFieldType(field.type)) {
    return COMPOSITE_TYPES[field.type]
      .map((sub) => q(computeCompositeColumnName(field.name, sub.name)))
      .map((column) => `(${column} IS NULL OR ${column}::text IN ('', '[]', '{}'))`)
      .join(' AND ');
  }
  const column = q(field.name);
  return `(${column} IS NULL OR ${column}::text IN ('', '{}'))`;
};

export interface AggregateDefinition {
  type: GraphQLOutputType;
  /** SQL aggregate over the selected rows. */
  expression: string;
  cast: (value: unknown) => unknown;
}

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const same = (value: unknown) => value;

/** Every aggregate Twenty offers on an object, by name (countEmptyName, sumAmountAmountMicros, …). */
export const aggregateDefinitions = (fields: FieldRow[]): Map<string, AggregateDefinition> => {
  const definitions = new Map<string, AggregateDefinition>();
  const add = (
    name: string,
    type: GraphQLOutputType,
    expression: string,
    cast: (value: unknown) => unknown = same,
  ) => definitions.set(name, { type, expression, cast });
  add('totalCount', GraphQLInt, 'COUNT(*)::int');
  for (const field of fields) {
    if (['RELATION', 'MORPH_RELATION', 'TS_VECTOR'].includes(field.type)) continue;
    const name = pascal(field.name);
    const empty = emptyCondition(field);
    add(`countUniqueValues${name}`, GraphQLInt, `COUNT(DISTINCT ${valueExpression(field)})::int`);
    add(`countEmpty${name}`, GraphQLInt, `COUNT(*) FILTER (WHERE ${empty})::int`);
    add(`countNotEmpty${name}`, GraphQLInt, `COUNT(*) FILTER (WHERE NOT ${empty})::int`);
    add(
      `percentageEmpty${name}`,
      GraphQLFloat,
      `COALESCE(COUNT(*) FILTER (WHERE ${empty})::float / NULLIF(COUNT(*), 0), 0)`,
      toNumber,
    );
    add(
      `percentageNotEmpty${name}`,
      GraphQLFloat,
      `COALESCE(COUNT(*) FILTER (WHERE NOT ${empty})::float / NULLIF(COUNT(*), 0), 0)`,
      toNumber,
    );
    if (field.type === 'NUMBER' || field.type === 'NUMERIC') {
      for (const op of ['min', 'max', 'avg', 'sum'])
        add(`${op}${name}`, GraphQLFloat, `${op.toUpperCase()}(${q(field.name)})`, toNumber);
    }
    if (field.type === 'BOOLEAN') {
      add(`countTrue${name}`, GraphQLInt, `COUNT(*) FILTER (WHERE ${q(field.name)} IS TRUE)::int`);
      add(
        `countFalse${name}`,
        GraphQLInt,
        `COUNT(*) FILTER (WHERE ${q(field.name)} IS FALSE)::int`,
      );
    }
    // Twenty's date kind: both DATE and DATE_TIME have their earliest and latest.
    if (field.type === 'DATE_TIME' || field.type === 'DATE') {
      for (const op of ['min', 'max'])
        add(`${op}${name}`, DateTimeScalar, `${op.toUpperCase()}(${q(field.name)})`, (value) =>
          value instanceof Date ? value.toISOString() : value,
        );
    }
    if (field.type === 'CURRENCY') {
      const column = q(computeCompositeColumnName(field.name, 'amountMicros'));
      for (const op of ['min', 'max', 'sum', 'avg'])
        add(`${op}${name}AmountMicros`, GraphQLFloat, `${op.toUpperCase()}(${column})`, toNumber);
    }
  }
  return definitions;
};

/** Aggregate fields of a connection (totalCount is declared by the connection itself). */
export const aggregateFields = (
  fields: FieldRow[],
): GraphQLFieldConfigMap<AggregatableConnection, unknown> => {
  const config: GraphQLFieldConfigMap<AggregatableConnection, unknown> = {};
  for (const [name, definition] of aggregateDefinitions(fields)) {
    if (name === 'totalCount') continue;
    config[name] = {
      type: definition.type,
      resolve: async (connection) =>
        definition.cast(await connection.aggregate(definition.expression)),
    };
  }
  return config;
};
