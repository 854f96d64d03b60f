import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { UUID_TEXT as UUID_PATTERN } from '../../../../../shared/domain/uuid';

/**
 * Scalars of Twenty's core (per-workspace) GraphQL schema.
 * Source: workspace-schema-builder/graphql-types/scalars (uuid, big-float, position, raw-json, date).
 */
const bad = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

const literalValue = (ast: ValueNode): unknown => {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(
        ast.fields.map((field) => [field.name.value, literalValue(field.value)]),
      );
    default:
      return undefined;
  }
};

const checkUuid = (value: unknown): string => {
  if (typeof value !== 'string') throw bad('UUID must be a string');
  if (!UUID_PATTERN.test(value)) throw bad('Invalid UUID');
  return value;
};

export const UUIDScalar = new GraphQLScalarType({
  name: 'UUID',
  description: 'A UUID scalar type',
  serialize: (value) => value,
  parseValue: checkUuid,
  parseLiteral: (ast) => checkUuid(literalValue(ast)),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z',
  serialize: (value) => (value instanceof Date ? value.toISOString() : value),
  parseValue: (value) => value,
  parseLiteral: (ast) => literalValue(ast),
});

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A date string, such as 2007-12-03',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => literalValue(ast),
});

/** NUMERIC columns: input as number or numeric string, output as a JSON number. */
export const BigFloatScalar = new GraphQLScalarType({
  name: 'BigFloat',
  description: 'A custom scalar type for representing big floating point numbers',
  serialize: (value) => (value === null || value === undefined ? null : Number(value)),
  parseValue: (value) => value,
  parseLiteral: (ast) => literalValue(ast),
});

const checkPosition = (value: unknown): unknown => {
  if (value === 'first' || value === 'last' || typeof value === 'number') return value;
  throw bad(
    `Invalid position value: '${String(value)}'. Position must be 'first', 'last', or a number`,
  );
};

export const PositionScalar = new GraphQLScalarType({
  name: 'Position',
  description: 'A custom scalar type for representing record position in a list',
  serialize: (value) => value,
  parseValue: checkPosition,
  parseLiteral: (ast) => checkPosition(literalValue(ast)),
});

export const RawJSONScalar = new GraphQLScalarType({
  name: 'RawJSONScalar',
  description:
    'The `RawJSONScalar` scalar type represents JSON values, but stringifies inputs and parses outputs.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => literalValue(ast),
});

export const TSVectorScalar = new GraphQLScalarType({
  name: 'TSVector',
  serialize: (value) => value,
  parseValue: (value) => value,
});
