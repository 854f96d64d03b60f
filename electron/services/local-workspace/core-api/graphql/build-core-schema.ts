import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { joinColumnNameOf } from '../../metadata/field-columns';
import { fieldsOfObject, type FieldRow, type MetadataState } from '../../metadata/metadata-types';
import {
  duplicateCursor,
  duplicatesPageInfo,
  findDuplicates,
  validateDuplicatesArgs,
} from '../../records/find-duplicates';
import {
  DATE_GRANULARITIES,
  FIRST_DAYS_OF_THE_WEEK,
  groupRecords,
  parseGroupBy,
  RECORDS_PER_GROUP_LIMIT,
} from '../../records/group-records';
import { combineFilters, viewFiltersToAst } from '../../records/view-filters-to-ast';
import { mergeRecords } from '../../records/merge-records';
import {
  findRecordById,
  findRecords,
  visibleWhere,
  type FindManyArgs,
} from '../../records/find-records';
import { SqlParams } from '../../records/query/sql-params';
import { RecordError, recordNotFound } from '../../records/record-errors';
import {
  createMany,
  destroyOne,
  idsMatching,
  restoreOne,
  softDeleteOne,
  updateOne,
  upsertMany,
} from '../../records/record-service';
import { objectShape, type ObjectShape } from '../../records/record-shape';
import { decodeCursor } from '../../records/query/cursor';
import {
  comparesNothing,
  type FilterNode,
} from '../../../../../shared/domain/rest-grammar/filter-ast';
import { sortKey, type OrderDirection, type SortKey } from '../../records/query/order-by';
import type { Actor } from '../../records/write-records';
import type { AuthContext } from '../../auth/api-key-tokens';
import type { WorkspaceRuntime } from '../../workspace-runtime';
import { buildCompositeTypes } from './core-composite-types';
import {
  buildObjectTypes,
  pascal,
  type ObjectGraphqlTypes,
  type TypeBuildContext,
} from './core-object-types';
import { UUIDScalar } from './core-scalars';
import { OrderByDirection } from './core-filter-types';
import { aggregateDefinitions } from './aggregate-fields';
import { graphqlFilterToAst, isEmptyFilter } from './graphql-filter-to-ast';
import { withRecordPermissions } from '../../permissions/graphql-record-guard';
import { searchField } from './search-field';

/**
 * The per-workspace core GraphQL schema (`/graphql`), generated from the data model and cached
 * per metadata snapshot, so a schema change is visible to the very next request.
 * Root fields per object as Twenty names them (resolver names: get-resolver-name.util.ts).
 */
export interface CoreContext {
  runtime: WorkspaceRuntime;
  auth: AuthContext | null;
  actor: Actor;
  /** Per-request memo of to-one lookups. */
  loads: Map<string, Promise<Record<string, unknown> | null>>;
}

type Args = Record<string, unknown>;
const QUERY_MAX_RECORDS = 200;
const QUERY_MAX_RECORDS_FROM_RELATION = 60;
const badInput = (message: string, subCode = 'INVALID_QUERY_INPUT') =>
  new RecordError(message, 'BAD_REQUEST', subCode);
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const toSortKeys = (shape: ObjectShape, orderBy: unknown): SortKey[] => {
  const list = Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : [];
  const keys: SortKey[] = [];
  for (const item of list as Record<string, unknown>[]) {
    for (const [field, direction] of Object.entries(item ?? {})) {
      if (typeof direction === 'string')
        keys.push(sortKey(shape, [field], direction as OrderDirection));
      else if (direction && typeof direction === 'object') {
        for (const [sub, subDirection] of Object.entries(direction))
          if (subDirection) keys.push(sortKey(shape, [field, sub], subDirection as OrderDirection));
      }
    }
  }
  return keys.some((key) => key.path === 'id')
    ? keys
    : [...keys, sortKey(shape, ['id'], 'AscNullsFirst')];
};

const connectionArgs = (
  shape: ObjectShape,
  args: Args,
  extra: FilterNode | null,
  defaultSize: number,
): FindManyArgs => {
  const { first, last, before, after } = args as {
    first?: number;
    last?: number;
    before?: string;
    after?: string;
  };
  if (first != null && last != null)
    throw badInput('Cannot provide both first and last', 'ARGS_CONFLICT');
  if (before != null && after != null)
    throw badInput('Cannot provide both before and after', 'ARGS_CONFLICT');
  if (before != null && first != null)
    throw badInput('Cannot provide both before and first', 'ARGS_CONFLICT');
  if (after != null && last != null)
    throw badInput('Cannot provide both after and last', 'ARGS_CONFLICT');
  if (first != null && first < 0)
    throw badInput('First argument must be non-negative', 'INVALID_ARGS_FIRST');
  if (last != null && last < 0)
    throw badInput('Last argument must be non-negative', 'INVALID_ARGS_LAST');
  const filter = graphqlFilterToAst(shape, args.filter as Record<string, unknown> | undefined);
  return {
    filter: extra ? { and: [filter ?? { and: [] }, extra] } : filter,
    orderBy: toSortKeys(shape, args.orderBy),
    limit: first ?? last ?? defaultSize,
    ...(after ? { after: decodeCursor(after) } : {}),
    ...(before ? { before: decodeCursor(before) } : {}),
    ...(last != null && before == null ? { fromEnd: true } : {}),
  };
};

const toConnection = async (context: CoreContext, shape: ObjectShape, args: FindManyArgs) => {
  const page = await findRecords(context.runtime.engine, shape, args);
  return {
    edges: page.records.map((node, i) => ({ node, cursor: page.cursors[i] })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
    // Aggregates cover every record the filter selects, not just this page.
    aggregate: async (expression: string) => {
      const params = new SqlParams();
      const where = visibleWhere(shape, args.filter, params);
      const { rows } = await context.runtime.engine.query<{ value: unknown }>(
        `SELECT ${expression} AS "value" FROM ${shape.qualifiedTable} WHERE ${where}`,
        params.values,
      );
      return rows[0]?.value ?? null;
    },
  };
};

/** Bulk operations act on the records a non-empty filter selects (shared with REST). */
const selectIds = async (
  context: CoreContext,
  shape: ObjectShape,
  filter: unknown,
  verb: 'update' | 'delete' | 'destroy' | 'restore',
): Promise<string[]> => {
  const ast = graphqlFilterToAst(shape, filter as Record<string, unknown>);
  if (comparesNothing(ast)) throw badInput('A non-empty filter is required');
  return idsMatching(context.runtime, shape, ast!, verb);
};

const schemaCache = new WeakMap<MetadataState, GraphQLSchema>();

export const buildCoreSchema = (state: MetadataState): GraphQLSchema => {
  const cached = schemaCache.get(state);
  if (cached) return cached;
  const objects = [...state.objects.values()].filter((object) => object.isActive);
  const shapeOf = (objectId: string) => objectShape(state, state.objects.get(objectId)!);
  const byObjectId = new Map<string, ObjectGraphqlTypes>();
  const pageInfo = new GraphQLObjectType({
    name: 'PageInfo',
    fields: {
      startCursor: { type: GraphQLString },
      endCursor: { type: GraphQLString },
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    },
  });
  // Twenty's group-by-date-granularity-gql-input-type.generator.ts.
  const dateGranularityEnum = new GraphQLEnumType({
    name: 'DateGranularityEnum',
    description:
      'Date granularity (e.g. day, month, quarter, year, week, day of the week, quarter of the year, month of the year)',
    values: Object.fromEntries(DATE_GRANULARITIES.map((value) => [value, { value }])),
  });
  const dateGroupByInput = new GraphQLInputObjectType({
    name: 'GroupByDateGranularityInput',
    fields: {
      granularity: { type: dateGranularityEnum },
      weekStartDay: {
        type: new GraphQLEnumType({
          name: 'FirstDayOfTheWeek',
          description: 'First day of the week (MONDAY, SUNDAY, SATURDAY)',
          values: Object.fromEntries(FIRST_DAYS_OF_THE_WEEK.map((value) => [value, { value }])),
        }),
      },
      timeZone: { type: GraphQLString },
    },
  });
  const dateOrderByInput = new GraphQLInputObjectType({
    name: 'OrderByDateGranularityInput',
    fields: { orderBy: { type: OrderByDirection }, granularity: { type: dateGranularityEnum } },
  });
  const buildContext: TypeBuildContext = {
    state,
    composites: buildCompositeTypes(),
    dateGroupByInput,
    dateOrderByInput,
    pageInfo,
    byObjectId,
    resolveToOne: (field: FieldRow) => (parent, _args, context: CoreContext) => {
      const id = parent[joinColumnNameOf(field)];
      if (typeof id !== 'string') return null;
      const targetShape = shapeOf(field.relationTargetObjectMetadataId!);
      const key = `${targetShape.object.id}:${id}`;
      if (!context.loads.has(key))
        context.loads.set(key, findRecordById(context.runtime.engine, targetShape, id));
      return context.loads.get(key);
    },
    resolveToMany: (field: FieldRow) => (parent, args, context: CoreContext) => {
      const targetShape = shapeOf(field.relationTargetObjectMetadataId!);
      const inverse = state.fields.get(field.relationTargetFieldMetadataId ?? '');
      if (!inverse)
        return {
          edges: [],
          pageInfo: {
            hasNextPage: false,
            hasPreviousPage: false,
            startCursor: null,
            endCursor: null,
          },
          totalCount: 0,
        };
      const byParent: FilterNode = {
        path: [joinColumnNameOf(inverse)],
        op: 'eq',
        value: parent.id,
      };
      return toConnection(
        context,
        targetShape,
        connectionArgs(targetShape, args as Args, byParent, QUERY_MAX_RECORDS_FROM_RELATION),
      );
    },
    connectionArgs: (types) => ({
      filter: { type: types.filter },
      orderBy: { type: new GraphQLList(types.orderBy) },
      first: { type: GraphQLInt },
      last: { type: GraphQLInt },
      before: { type: GraphQLString },
      after: { type: GraphQLString },
    }),
  };
  for (const object of objects)
    byObjectId.set(
      object.id,
      buildObjectTypes(buildContext, object, fieldsOfObject(state, object.id)),
    );

  const queries: GraphQLFieldConfigMap<unknown, CoreContext> = {};
  const mutations: GraphQLFieldConfigMap<unknown, CoreContext> = {};
  for (const types of byObjectId.values()) {
    const { object } = types;
    const shape = shapeOf(object.id);
    const singular = pascal(object.nameSingular);
    const plural = pascal(object.namePlural);
    const list = new GraphQLList(types.output);
    const id = { type: new GraphQLNonNull(UUIDScalar) };
    const bulkFilter = { type: new GraphQLNonNull(types.filter) };

    queries[camel(object.namePlural)] = {
      type: new GraphQLNonNull(types.connection),
      args: buildContext.connectionArgs(types),
      resolve: (_root, args, context) =>
        toConnection(context, shape, connectionArgs(shape, args, null, QUERY_MAX_RECORDS)),
    };
    queries[camel(object.nameSingular)] = {
      type: types.output,
      args: { filter: { type: new GraphQLNonNull(types.filter) } },
      resolve: async (_root, args, context) => {
        if (isEmptyFilter(args.filter)) throw badInput('Missing filter argument');
        const page = await findRecords(context.runtime.engine, shape, {
          filter: graphqlFilterToAst(shape, args.filter),
          orderBy: toSortKeys(shape, null),
          limit: 1,
        });
        if (!page.records[0]) throw recordNotFound();
        return page.records[0];
      },
    };
    queries[`${camel(object.nameSingular)}Duplicates`] = {
      type: new GraphQLList(types.connection),
      args: {
        ids: { type: new GraphQLList(UUIDScalar) },
        data: { type: new GraphQLList(types.create) },
      },
      resolve: async (_root, args, context) => {
        validateDuplicatesArgs(args.ids ?? undefined, args.data ?? undefined);
        const results = await findDuplicates(context.runtime.engine, shape, {
          ...(args.ids ? { ids: args.ids } : {}),
          ...(args.data ? { data: args.data } : {}),
        });
        return results.map((result) => ({
          edges: result.records.map((node) => ({ node, cursor: duplicateCursor(node) })),
          pageInfo: duplicatesPageInfo(result.records),
          totalCount: result.totalCount,
        }));
      },
    };
    queries[`${camel(object.namePlural)}GroupBy`] = {
      type: new GraphQLList(types.groupByConnection),
      // Twenty's get-resolver-args.util.ts ('groupBy').
      args: {
        groupBy: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.groupBy))) },
        filter: { type: types.filter },
        orderBy: { type: new GraphQLList(new GraphQLNonNull(types.orderByWithGroupBy)) },
        orderByForRecords: { type: new GraphQLList(new GraphQLNonNull(types.orderBy)) },
        viewId: { type: UUIDScalar },
        limit: { type: GraphQLInt },
        offsetForRecords: { type: GraphQLInt },
      },
      resolve: async (_root, args, context) => {
        const definitions = aggregateDefinitions(shape.fields);
        const groups = await groupRecords(context.runtime.engine, shape, {
          filter: combineFilters(
            graphqlFilterToAst(shape, args.filter),
            args.viewId
              ? viewFiltersToAst(context.runtime.metadata.snapshot, shape, args.viewId)
              : null,
          ),
          dimensions: parseGroupBy(args.groupBy),
          aggregates: new Map([['totalCount', 'COUNT(*)::int']]),
          orderBy: args.orderBy ?? [],
          aggregateExpression: (name) => definitions.get(name)?.expression,
          recordOrder: toSortKeys(shape, args.orderByForRecords),
          ...(args.limit != null ? { limit: args.limit } : {}),
        });
        return groups.map((group) => ({
          groupByDimensionValues: group.groupByDimensionValues,
          totalCount: group.aggregates.totalCount,
          pageInfo: {
            hasNextPage: false,
            hasPreviousPage: false,
            startCursor: null,
            endCursor: null,
          },
          edges: async () =>
            (await group.records(RECORDS_PER_GROUP_LIMIT, args.offsetForRecords ?? 0)).map(
              (node) => ({
                node,
                cursor: Buffer.from(JSON.stringify({ id: node.id })).toString('base64'),
              }),
            ),
          aggregate: group.aggregate,
        }));
      },
    };
    mutations[`create${singular}`] = {
      type: types.output,
      args: { data: { type: new GraphQLNonNull(types.create) }, upsert: { type: GraphQLBoolean } },
      resolve: async (_root, args, context) =>
        (
          await (args.upsert ? upsertMany : createMany)(
            context.runtime,
            shape,
            [args.data],
            context.actor,
          )
        )[0],
    };
    mutations[`create${plural}`] = {
      type: list,
      args: {
        data: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.create))) },
        upsert: { type: GraphQLBoolean },
      },
      resolve: (_root, args, context) => {
        const maxBatch = context.runtime.limits.maxBatch;
        if (args.data.length > maxBatch)
          throw badInput(`Maximum number of records to upsert is ${maxBatch}.`);
        return (args.upsert ? upsertMany : createMany)(
          context.runtime,
          shape,
          args.data,
          context.actor,
        );
      },
    };
    mutations[`merge${plural}`] = {
      type: types.output,
      args: {
        ids: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(UUIDScalar))) },
        conflictPriorityIndex: { type: new GraphQLNonNull(GraphQLInt) },
        dryRun: { type: GraphQLBoolean },
      },
      resolve: (_root, args, context) =>
        mergeRecords(
          context.runtime,
          shape,
          {
            ids: args.ids,
            conflictPriorityIndex: args.conflictPriorityIndex,
            dryRun: args.dryRun ?? false,
          },
          context.actor,
        ),
    };
    mutations[`update${singular}`] = {
      type: types.output,
      args: { id, data: { type: new GraphQLNonNull(types.update) } },
      resolve: (_root, args, context) =>
        updateOne(context.runtime, shape, args.id, args.data, context.actor),
    };
    mutations[`update${plural}`] = {
      type: list,
      args: { data: { type: new GraphQLNonNull(types.update) }, filter: bulkFilter },
      resolve: async (_root, args, context) => {
        const ids = await selectIds(context, shape, args.filter, 'update');
        const updated = [];
        for (const recordId of ids)
          updated.push(await updateOne(context.runtime, shape, recordId, args.data, context.actor));
        return updated;
      },
    };
    mutations[`delete${singular}`] = {
      type: types.output,
      args: { id },
      resolve: (_root, args, context) => softDeleteOne(context.runtime, shape, args.id),
    };
    mutations[`delete${plural}`] = {
      type: list,
      args: { filter: bulkFilter },
      resolve: async (_root, args, context) =>
        Promise.all(
          (await selectIds(context, shape, args.filter, 'delete')).map((recordId) =>
            softDeleteOne(context.runtime, shape, recordId),
          ),
        ),
    };
    mutations[`destroy${singular}`] = {
      type: types.output,
      args: { id },
      resolve: (_root, args, context) => destroyOne(context.runtime, shape, args.id),
    };
    mutations[`destroy${plural}`] = {
      type: list,
      args: { filter: bulkFilter },
      resolve: async (_root, args, context) => {
        const ids = await selectIds(context, shape, args.filter, 'destroy');
        const destroyed = [];
        for (const recordId of ids)
          destroyed.push(await destroyOne(context.runtime, shape, recordId));
        return destroyed;
      },
    };
    mutations[`restore${singular}`] = {
      type: types.output,
      args: { id },
      resolve: (_root, args, context) => restoreOne(context.runtime, shape, args.id),
    };
    mutations[`restore${plural}`] = {
      type: list,
      args: { filter: bulkFilter },
      resolve: async (_root, args, context) => {
        const ids = await selectIds(context, shape, args.filter, 'restore');
        const restored = [];
        for (const recordId of ids)
          restored.push(await restoreOne(context.runtime, shape, recordId));
        return restored;
      },
    };
  }
  queries.search = searchField(state);
  // Each root field is one record operation for the rate limit, as each is one Twenty query runner call.
  for (const fields of [queries, mutations]) {
    for (const [name, config] of Object.entries(fields)) {
      // Issue 10: the caller's role is checked (object, fields, filter, selection) before resolving.
      const resolve = withRecordPermissions(state, name, config.resolve!);
      config.resolve = (root, args, context: CoreContext, info) => {
        if (context.auth?.kind === 'apiKey')
          context.runtime.limits.rateLimiter.consume(
            context.runtime.workspace.id,
            context.auth.apiKeyId ?? null,
          );
        return resolve(root, args, context, info);
      };
    }
  }
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queries }),
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutations }),
  });
  schemaCache.set(state, schema);
  return schema;
};

export { GraphQLError };
