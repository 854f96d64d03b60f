import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import {
  isCompositeFieldType,
  type CompositeFieldType,
} from '../../../../../shared/domain/composite-types';
import { isManyToOne, joinColumnNameOf } from '../../metadata/field-columns';
import type { FieldRow, MetadataState, ObjectRow } from '../../metadata/metadata-types';
import { aggregateDefinitions, aggregateFields } from './aggregate-fields';
import type { CoreContext } from './build-core-schema';
import type { CompositeGraphqlTypes } from './core-composite-types';
import {
  ArrayFilter,
  BigFloatFilter,
  BooleanFilter,
  DateFilter,
  DateTimeFilter,
  enumFilterType,
  FloatFilter,
  OrderByDirection,
  RawJsonFilter,
  StringFilter,
  UUIDFilter,
} from './core-filter-types';
import {
  BigFloatScalar,
  DateScalar,
  DateTimeScalar,
  PositionScalar,
  RawJSONScalar,
  TSVectorScalar,
  UUIDScalar,
} from './core-scalars';

/**
 * Per-object GraphQL types named as Twenty names them: `Person`, `PersonConnection`, `PersonEdge`,
 * `PersonFilterInput`, `PersonOrderByInput`, `PersonCreateInput`, `PersonUpdateInput`,
 * `<Object><Field>Enum`. Relations: to-one object + `<name>Id`, to-many connection.
 */
export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export interface ObjectGraphqlTypes {
  object: ObjectRow;
  output: GraphQLObjectType;
  connection: GraphQLObjectType;
  filter: GraphQLInputObjectType;
  orderBy: GraphQLInputObjectType;
  create: GraphQLInputObjectType;
  update: GraphQLInputObjectType;
  groupBy: GraphQLInputObjectType;
  /** `<Object>OrderByWithGroupByInput`: group order by aggregate or grouped dimension. */
  orderByWithGroupBy: GraphQLInputObjectType;
  groupByConnection: GraphQLObjectType;
  /** `{ connect: { where: <unique key> } }` or `{ disconnect: true }` when another object links here. */
  relationInput: GraphQLInputObjectType;
}

export interface TypeBuildContext {
  state: MetadataState;
  composites: Record<CompositeFieldType, CompositeGraphqlTypes>;
  pageInfo: GraphQLObjectType;
  /** `GroupByDateGranularityInput { granularity, weekStartDay, timeZone }` for grouping dates. */
  dateGroupByInput: GraphQLInputObjectType;
  /** `OrderByDateGranularityInput { orderBy, granularity }` for ordering groups by a date bucket. */
  dateOrderByInput: GraphQLInputObjectType;
  byObjectId: Map<string, ObjectGraphqlTypes>;
  /** Resolver factories live in build-core-schema.ts (they need the runtime at request time). */
  resolveToOne: (field: FieldRow) => GraphQLFieldResolver<Record<string, unknown>, CoreContext>;
  resolveToMany: (field: FieldRow) => GraphQLFieldResolver<Record<string, unknown>, CoreContext>;
  connectionArgs: (types: ObjectGraphqlTypes) => Record<string, { type: GraphQLInputType }>;
}

const SCALAR_OUTPUT: Partial<Record<string, GraphQLOutputType>> = {
  UUID: UUIDScalar,
  TEXT: GraphQLString,
  NUMERIC: BigFloatScalar,
  BOOLEAN: GraphQLBoolean,
  DATE_TIME: DateTimeScalar,
  DATE: DateScalar,
  POSITION: PositionScalar,
  RAW_JSON: RawJSONScalar,
  FILES: RawJSONScalar,
  TS_VECTOR: TSVectorScalar,
};

const SCALAR_FILTER: Partial<Record<string, GraphQLInputType>> = {
  UUID: UUIDFilter,
  TEXT: StringFilter,
  NUMBER: FloatFilter,
  NUMERIC: BigFloatFilter,
  BOOLEAN: BooleanFilter,
  DATE_TIME: DateTimeFilter,
  DATE: DateFilter,
  POSITION: FloatFilter,
  RAW_JSON: RawJsonFilter,
  ARRAY: ArrayFilter,
};

const numberType = (field: FieldRow): GraphQLOutputType =>
  field.settings?.dataType === 'int' ? GraphQLInt : GraphQLFloat;

export const buildObjectTypes = (
  context: TypeBuildContext,
  object: ObjectRow,
  fields: FieldRow[],
): ObjectGraphqlTypes => {
  const name = pascal(object.nameSingular);
  const enums = new Map<string, GraphQLEnumType>();
  const enumOf = (field: FieldRow): GraphQLEnumType => {
    let type = enums.get(field.id);
    if (!type) {
      type = new GraphQLEnumType({
        name: `${name}${pascal(field.name)}Enum`,
        values: Object.fromEntries(
          (field.options ?? []).map((option) => [
            option.value,
            { value: option.value, description: option.label },
          ]),
        ),
      });
      enums.set(field.id, type);
    }
    return type;
  };
  const enumFilters = new Map<string, GraphQLInputObjectType>();
  const enumFilterOf = (field: FieldRow) => {
    let type = enumFilters.get(field.id);
    if (!type)
      enumFilters.set(
        field.id,
        (type = enumFilterType(`${name}${pascal(field.name)}Enum`, enumOf(field))),
      );
    return type;
  };
  const scalarOutput = (field: FieldRow): GraphQLOutputType | null => {
    if (field.type === 'NUMBER') return numberType(field);
    if (field.type === 'SELECT' || field.type === 'RATING') return enumOf(field);
    if (field.type === 'MULTI_SELECT') return new GraphQLList(new GraphQLNonNull(enumOf(field)));
    if (field.type === 'ARRAY') return new GraphQLList(new GraphQLNonNull(GraphQLString));
    return SCALAR_OUTPUT[field.type] ?? null;
  };
  const writable = fields.filter(
    (field) =>
      field.type !== 'TS_VECTOR' &&
      !['updatedAt', 'deletedAt', 'searchVector'].includes(field.name),
  );

  const types = {} as ObjectGraphqlTypes;
  types.object = object;
  types.output = new GraphQLObjectType({
    name,
    fields: () => {
      const config: GraphQLFieldConfigMap<Record<string, unknown>, CoreContext> = {};
      for (const field of fields) {
        if (field.type === 'RELATION' || field.type === 'MORPH_RELATION') {
          const target = context.byObjectId.get(field.relationTargetObjectMetadataId ?? '');
          if (!target) continue;
          if (isManyToOne(field)) {
            config[field.name] = { type: target.output, resolve: context.resolveToOne(field) };
            config[joinColumnNameOf(field)] = { type: UUIDScalar };
          } else {
            config[field.name] = {
              type: target.connection,
              args: context.connectionArgs(target),
              resolve: context.resolveToMany(field),
            };
          }
          continue;
        }
        if (isCompositeFieldType(field.type)) {
          config[field.name] = { type: context.composites[field.type].output };
          continue;
        }
        const type = scalarOutput(field);
        if (type)
          config[field.name] = { type: field.name === 'id' ? new GraphQLNonNull(type) : type };
      }
      return config;
    },
  });
  const edge = new GraphQLObjectType({
    name: `${name}Edge`,
    fields: () => ({
      node: { type: new GraphQLNonNull(types.output) },
      cursor: { type: new GraphQLNonNull(GraphQLString) },
    }),
  });
  types.connection = new GraphQLObjectType({
    name: `${name}Connection`,
    fields: () => ({
      edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
      pageInfo: { type: new GraphQLNonNull(context.pageInfo) },
      totalCount: { type: new GraphQLNonNull(GraphQLInt) },
      ...(aggregateFields(fields) as GraphQLFieldConfigMap<unknown, unknown>),
    }),
  });
  types.filter = new GraphQLInputObjectType({
    name: `${name}FilterInput`,
    fields: () => {
      const config: GraphQLInputFieldConfigMap = {
        and: { type: new GraphQLList(types.filter) },
        or: { type: new GraphQLList(types.filter) },
        not: { type: types.filter },
      };
      for (const field of fields) {
        if (isManyToOne(field)) {
          config[joinColumnNameOf(field)] = { type: UUIDFilter };
          // A many-to-one also filters through its target (`company: {name: {eq: …}}`), one hop.
          const target = context.byObjectId.get(field.relationTargetObjectMetadataId ?? '');
          if (target) config[field.name] = { type: target.filter };
        } else if (isCompositeFieldType(field.type))
          config[field.name] = { type: context.composites[field.type].filter };
        else if (['SELECT', 'RATING', 'MULTI_SELECT'].includes(field.type))
          config[field.name] = { type: enumFilterOf(field) };
        else if (SCALAR_FILTER[field.type])
          config[field.name] = { type: SCALAR_FILTER[field.type]! };
      }
      return config;
    },
  });
  types.orderBy = new GraphQLInputObjectType({
    name: `${name}OrderByInput`,
    fields: () => {
      const config: GraphQLInputFieldConfigMap = {};
      for (const field of fields) {
        if (isManyToOne(field)) config[joinColumnNameOf(field)] = { type: OrderByDirection };
        else if (isCompositeFieldType(field.type))
          config[field.name] = { type: context.composites[field.type].orderBy };
        else if (
          field.type !== 'RELATION' &&
          field.type !== 'MORPH_RELATION' &&
          field.type !== 'TS_VECTOR'
        )
          config[field.name] = { type: OrderByDirection };
      }
      return config;
    },
  });
  const inputFields = (kind: 'create' | 'update') => () => {
    const config: GraphQLInputFieldConfigMap = {};
    for (const field of writable) {
      // A record may be created with its original creation date (imports, Twenty's own specs).
      if (kind === 'update' && field.name === 'createdAt') continue;
      if (isManyToOne(field)) {
        config[joinColumnNameOf(field)] = { type: UUIDScalar };
        const target = context.byObjectId.get(field.relationTargetObjectMetadataId ?? '');
        if (target) config[field.name] = { type: target.relationInput };
      } else if (field.type === 'RELATION' || field.type === 'MORPH_RELATION') continue;
      else if (isCompositeFieldType(field.type))
        config[field.name] = { type: context.composites[field.type][kind] };
      else {
        const type = scalarOutput(field);
        if (type) config[field.name] = { type: type as GraphQLInputType };
      }
    }
    return config;
  };
  types.groupBy = new GraphQLInputObjectType({
    name: `${name}GroupByInput`,
    fields: () => {
      const config: GraphQLInputFieldConfigMap = {};
      for (const field of fields) {
        if (isManyToOne(field)) config[joinColumnNameOf(field)] = { type: GraphQLBoolean };
        else if (isCompositeFieldType(field.type))
          config[field.name] = { type: context.composites[field.type].groupBy };
        else if (field.type === 'DATE' || field.type === 'DATE_TIME')
          config[field.name] = { type: context.dateGroupByInput };
        else if (!['RELATION', 'MORPH_RELATION', 'TS_VECTOR'].includes(field.type))
          config[field.name] = { type: GraphQLBoolean };
      }
      return config;
    },
  });
  // Twenty's object-metadata-order-by-with-group-by-gql-input-type.generator.ts.
  const orderByAggregate = new GraphQLInputObjectType({
    name: `${name}OrderByWithGroupByAggregateInput`,
    description: 'Aggregate-based ordering',
    fields: () =>
      Object.fromEntries(
        [...aggregateDefinitions(fields).keys()].map((aggregate) => [
          aggregate,
          { type: OrderByDirection },
        ]),
      ),
  });
  types.orderByWithGroupBy = new GraphQLInputObjectType({
    name: `${name}OrderByWithGroupByInput`,
    fields: () => {
      const config: GraphQLInputFieldConfigMap = {
        aggregate: { type: orderByAggregate, description: 'Order by aggregate values' },
      };
      for (const field of fields) {
        if (isManyToOne(field)) config[joinColumnNameOf(field)] = { type: OrderByDirection };
        else if (isCompositeFieldType(field.type))
          config[field.name] = { type: context.composites[field.type].orderBy };
        else if (field.type === 'DATE' || field.type === 'DATE_TIME')
          config[field.name] = { type: context.dateOrderByInput };
        else if (!['RELATION', 'MORPH_RELATION', 'TS_VECTOR'].includes(field.type))
          config[field.name] = { type: OrderByDirection };
      }
      return config;
    },
  });
  types.groupByConnection = new GraphQLObjectType({
    name: `${name}GroupByConnection`,
    fields: () => ({
      ...types.connection.toConfig().fields,
      groupByDimensionValues: { type: new GraphQLNonNull(new GraphQLList(RawJSONScalar)) },
    }),
  });
  const whereUnique = new GraphQLInputObjectType({
    name: `${name}WhereUniqueInput`,
    fields: () => {
      const config: GraphQLInputFieldConfigMap = { id: { type: UUIDScalar } };
      for (const field of fields) {
        if (!field.isUnique || field.name === 'id') continue;
        if (isCompositeFieldType(field.type))
          config[field.name] = { type: context.composites[field.type].create };
        else {
          const type = scalarOutput(field);
          if (type) config[field.name] = { type: type as GraphQLInputType };
        }
      }
      return config;
    },
  });
  const connectInput = new GraphQLInputObjectType({
    name: `${name}ConnectInput`,
    fields: () => ({ where: { type: new GraphQLNonNull(whereUnique) } }),
  });
  types.relationInput = new GraphQLInputObjectType({
    name: `${name}RelationInput`,
    fields: () => ({ connect: { type: connectInput }, disconnect: { type: GraphQLBoolean } }),
  });
  types.create = new GraphQLInputObjectType({
    name: `${name}CreateInput`,
    fields: inputFields('create'),
  });
  types.update = new GraphQLInputObjectType({
    name: `${name}UpdateInput`,
    fields: inputFields('update'),
  });
  return types;
};
