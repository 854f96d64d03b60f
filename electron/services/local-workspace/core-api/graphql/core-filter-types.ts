import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLInputType,
} from 'graphql';
import {
  BigFloatScalar,
  DateScalar,
  DateTimeScalar,
  RawJSONScalar,
  UUIDScalar,
} from './core-scalars';
import {
  BOOLEAN_COMPARATORS,
  ORDER_COMPARATORS,
  STRING_COMPARATORS,
} from '../../../../../shared/domain/filter-comparators';

/**
 * Filter and order-by input types shared by every object.
 * Source: workspace-schema-builder/graphql-types/input/*-filter.input-type.ts, enum/order-by-direction.
 */
export const FilterIs = new GraphQLEnumType({
  name: 'FilterIs',
  values: { NULL: { value: 'NULL' }, NOT_NULL: { value: 'NOT_NULL' } },
});

export const OrderByDirection = new GraphQLEnumType({
  name: 'OrderByDirection',
  values: {
    AscNullsFirst: { value: 'AscNullsFirst' },
    AscNullsLast: { value: 'AscNullsLast' },
    DescNullsFirst: { value: 'DescNullsFirst' },
    DescNullsLast: { value: 'DescNullsLast' },
  },
});

const comparisons = (type: GraphQLInputType, ops: string[]) =>
  Object.fromEntries(
    ops.map((op) => [op, { type: op === 'in' ? new GraphQLList(new GraphQLNonNull(type)) : type }]),
  );

const filterType = (name: string, scalar: GraphQLInputType, ops: string[]) =>
  new GraphQLInputObjectType({
    name,
    fields: () => ({ ...comparisons(scalar, ops), is: { type: FilterIs } }),
  });

export const UUIDFilter = filterType('UUIDFilter', UUIDScalar, [...ORDER_COMPARATORS]);
export const StringFilter = filterType('StringFilter', GraphQLString, STRING_COMPARATORS);
export const FloatFilter = filterType('FloatFilter', GraphQLFloat, [...ORDER_COMPARATORS]);
export const BigFloatFilter = filterType('BigFloatFilter', BigFloatScalar, [...ORDER_COMPARATORS]);
export const DateTimeFilter = filterType('DateTimeFilter', DateTimeScalar, [...ORDER_COMPARATORS]);
export const DateFilter = filterType('DateFilter', DateScalar, [...ORDER_COMPARATORS]);
export const BooleanFilter = filterType('BooleanFilter', GraphQLBoolean, BOOLEAN_COMPARATORS);
export const RawJsonFilter = new GraphQLInputObjectType({
  name: 'RawJsonFilter',
  fields: {
    is: { type: FilterIs },
    like: { type: GraphQLString },
    containsJsonb: { type: RawJSONScalar },
  },
});
export const ArrayFilter = new GraphQLInputObjectType({
  name: 'ArrayFilter',
  fields: {
    containsIlike: { type: GraphQLString },
    is: { type: FilterIs },
    isEmptyArray: { type: GraphQLBoolean },
  },
});

/** `<Object><Field>EnumFilter` for SELECT / RATING / MULTI_SELECT fields. */
/** Multi-selects share the shape: eq/neq/in test membership there (see build-where.ts). */
export const enumFilterType = (name: string, enumType: GraphQLEnumType) =>
  new GraphQLInputObjectType({
    name: `${name}Filter`,
    fields: () => ({
      eq: { type: enumType },
      neq: { type: enumType },
      in: { type: new GraphQLList(enumType) },
      containsAny: { type: new GraphQLList(enumType) },
      is: { type: FilterIs },
      isEmptyArray: { type: GraphQLBoolean },
    }),
  });
