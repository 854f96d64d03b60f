import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLInputFieldConfigMap,
} from 'graphql';
import type { MetadataState } from '../../metadata/metadata-types';
import { objectShape } from '../../records/record-shape';
import { searchableObjects, searchRecords } from '../../records/search-records';
import { recordGuardFor } from '../../permissions/record-guard';
import type { CoreContext } from './build-core-schema';
import { DateFilter, UUIDFilter } from './core-filter-types';
import { UUIDScalar } from './core-scalars';
import { graphqlFilterToAst } from './graphql-filter-to-ast';

/** `Query.search` (Twenty's SearchResolver, a core resolver served on `/graphql`). */
const SearchRecord = new GraphQLObjectType({
  name: 'SearchRecord',
  fields: {
    recordId: { type: new GraphQLNonNull(UUIDScalar) },
    objectNameSingular: { type: new GraphQLNonNull(GraphQLString) },
    objectLabelSingular: { type: new GraphQLNonNull(GraphQLString) },
    label: { type: new GraphQLNonNull(GraphQLString) },
    imageUrl: { type: GraphQLString },
    tsRankCD: { type: new GraphQLNonNull(GraphQLFloat) },
    tsRank: { type: new GraphQLNonNull(GraphQLFloat) },
  },
});

const SearchResultConnection = new GraphQLObjectType({
  name: 'SearchResultConnection',
  fields: {
    edges: {
      type: new GraphQLNonNull(
        new GraphQLList(
          new GraphQLNonNull(
            new GraphQLObjectType({
              name: 'SearchResultEdge',
              fields: {
                node: { type: new GraphQLNonNull(SearchRecord) },
                cursor: { type: new GraphQLNonNull(GraphQLString) },
              },
            }),
          ),
        ),
      ),
    },
    pageInfo: {
      type: new GraphQLNonNull(
        new GraphQLObjectType({
          name: 'SearchResultPageInfo',
          fields: {
            endCursor: { type: GraphQLString },
            hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
          },
        }),
      ),
    },
  },
});

const ObjectRecordFilterInput: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'ObjectRecordFilterInput',
  fields: (): GraphQLInputFieldConfigMap => ({
    and: { type: new GraphQLList(new GraphQLNonNull(ObjectRecordFilterInput)) },
    not: { type: ObjectRecordFilterInput },
    or: { type: new GraphQLList(new GraphQLNonNull(ObjectRecordFilterInput)) },
    id: { type: UUIDFilter },
    createdAt: { type: DateFilter },
    updatedAt: { type: DateFilter },
    deletedAt: { type: DateFilter },
  }),
});

export const searchField = (state: MetadataState): GraphQLFieldConfig<unknown, CoreContext> => ({
  type: new GraphQLNonNull(SearchResultConnection),
  args: {
    searchInput: { type: new GraphQLNonNull(GraphQLString) },
    limit: { type: new GraphQLNonNull(GraphQLInt) },
    after: { type: GraphQLString },
    includedObjectNameSingulars: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
    filter: { type: ObjectRecordFilterInput },
    excludedObjectNameSingulars: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
  },
  resolve: async (_root, args, context) => {
    // A role only finds records of the objects it may read.
    const guard = await recordGuardFor(context.runtime, context.auth);
    const objects = searchableObjects(state, args).filter(
      (object) => !guard || guard.access(objectShape(state, object)).read,
    );
    return searchRecords(context.runtime.engine, state, objects, {
      searchInput: args.searchInput,
      limit: args.limit,
      after: args.after,
      filterFor: (object) =>
        graphqlFilterToAst(objectShape(state, object), args.filter ?? undefined),
    });
  },
});
