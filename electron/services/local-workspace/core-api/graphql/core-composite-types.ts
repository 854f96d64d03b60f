import {
  GraphQLBoolean,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import {
  COMPOSITE_TYPES,
  type CompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import type { FieldMetadataType } from '../../../../../shared/domain/field-metadata-type';
import {
  BigFloatFilter,
  OrderByDirection,
  RawJsonFilter,
  StringFilter,
  UUIDFilter,
} from './core-filter-types';
import { BigFloatScalar, RawJSONScalar, UUIDScalar } from './core-scalars';

/**
 * GraphQL types of Twenty's composite fields: `FullName`, `Emails`, `Currency`, … with their
 * `…CreateInput`, `…UpdateInput`, `…FilterInput` and `…OrderByInput` companions.
 */
export const COMPOSITE_TYPE_NAMES: Record<CompositeFieldType, string> = {
  CURRENCY: 'Currency',
  EMAILS: 'Emails',
  PHONES: 'Phones',
  LINKS: 'Links',
  FULL_NAME: 'FullName',
  ADDRESS: 'Address',
  ACTOR: 'Actor',
  RICH_TEXT: 'RichText',
};

const outputOf = (type: FieldMetadataType): GraphQLOutputType =>
  type === 'NUMERIC'
    ? BigFloatScalar
    : type === 'RAW_JSON'
      ? RawJSONScalar
      : type === 'UUID'
        ? UUIDScalar
        : GraphQLString;
const inputOf = (type: FieldMetadataType): GraphQLInputType => outputOf(type) as GraphQLInputType;
const filterOf = (type: FieldMetadataType): GraphQLInputType =>
  type === 'NUMERIC'
    ? BigFloatFilter
    : type === 'RAW_JSON'
      ? RawJsonFilter
      : type === 'UUID'
        ? UUIDFilter
        : StringFilter;

/** Sub-fields a client may not write (Twenty fills them for actors). */
const INPUT_HIDDEN: Partial<Record<CompositeFieldType, string[]>> = {
  ACTOR: ['name', 'workspaceMemberId'],
};

export interface CompositeGraphqlTypes {
  output: GraphQLObjectType;
  create: GraphQLInputObjectType;
  update: GraphQLInputObjectType;
  filter: GraphQLInputObjectType;
  orderBy: GraphQLInputObjectType;
  groupBy: GraphQLInputObjectType;
}

const build = (composite: CompositeFieldType): CompositeGraphqlTypes => {
  const name = COMPOSITE_TYPE_NAMES[composite];
  const subs = COMPOSITE_TYPES[composite];
  const writable = subs.filter((sub) => !INPUT_HIDDEN[composite]?.includes(sub.name));
  const inputFields = () =>
    Object.fromEntries(writable.map((sub) => [sub.name, { type: inputOf(sub.type) }]));
  return {
    output: new GraphQLObjectType({
      name,
      fields: () => Object.fromEntries(subs.map((sub) => [sub.name, { type: outputOf(sub.type) }])),
    }),
    create: new GraphQLInputObjectType({ name: `${name}CreateInput`, fields: inputFields }),
    update: new GraphQLInputObjectType({ name: `${name}UpdateInput`, fields: inputFields }),
    filter: new GraphQLInputObjectType({
      name: `${name}FilterInput`,
      fields: () => Object.fromEntries(subs.map((sub) => [sub.name, { type: filterOf(sub.type) }])),
    }),
    groupBy: new GraphQLInputObjectType({
      name: `${name}GroupByInput`,
      fields: () => Object.fromEntries(subs.map((sub) => [sub.name, { type: GraphQLBoolean }])),
    }),
    orderBy: new GraphQLInputObjectType({
      name: `${name}OrderByInput`,
      fields: () => Object.fromEntries(subs.map((sub) => [sub.name, { type: OrderByDirection }])),
    }),
  };
};

/** One set per schema build (graphql-js types must be unique per schema). */
export const buildCompositeTypes = (): Record<CompositeFieldType, CompositeGraphqlTypes> =>
  Object.fromEntries(
    (Object.keys(COMPOSITE_TYPES) as CompositeFieldType[]).map((composite) => [
      composite,
      build(composite),
    ]),
  ) as Record<CompositeFieldType, CompositeGraphqlTypes>;
