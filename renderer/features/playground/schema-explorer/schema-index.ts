import {
  buildClientSchema,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { connectionNodeOf, findRecordTypes, type RecordType } from './record-types';
import { buildSearchEntries, type SearchEntry } from './search-schema';

/**
 * What the explorer reads from one introspection result, built once per result: a workspace with
 * hundreds of objects has thousands of types, too many to walk again on every render.
 */
export type OperationKind = 'query' | 'mutation' | 'subscription';

export interface RootType {
  operation: OperationKind;
  type: GraphQLObjectType;
}

export interface RootFieldRef {
  operation: OperationKind;
  typeName: string;
  fieldName: string;
}

export interface SchemaIndex {
  schema: GraphQLSchema;
  roots: RootType[];
  records: RecordType[];
  recordByName: Map<string, RecordType>;
  /** Every named type but the introspection ones (`__Type`…), by name. */
  types: GraphQLNamedType[];
  /** Root fields by the type they return, or page (`Company` ← `company`, `companies`…). */
  returnedBy: Map<string, RootFieldRef[]>;
}

const rootsOf = (schema: GraphQLSchema): RootType[] => {
  const roots: RootType[] = [];
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) roots.push({ operation: 'query', type: query });
  if (mutation) roots.push({ operation: 'mutation', type: mutation });
  if (subscription) roots.push({ operation: 'subscription', type: subscription });
  return roots;
};

export const buildSchemaIndex = (schema: GraphQLSchema): SchemaIndex => {
  const roots = rootsOf(schema);
  const records = findRecordTypes(schema);
  const returnedBy = new Map<string, RootFieldRef[]>();
  for (const root of roots)
    for (const field of Object.values(root.type.getFields())) {
      const returned = getNamedType(field.type);
      const ref = { operation: root.operation, typeName: root.type.name, fieldName: field.name };
      // A list of companies is about Company too: `companies` is listed on Company's page.
      const node = connectionNodeOf(returned);
      for (const name of node ? [returned.name, node.name] : [returned.name]) {
        const refs = returnedBy.get(name) ?? [];
        refs.push(ref);
        returnedBy.set(name, refs);
      }
    }
  return {
    schema,
    roots,
    records,
    recordByName: new Map(records.map((record) => [record.name, record])),
    types: Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__'))
      .sort((a, b) => a.name.localeCompare(b.name)),
    returnedBy,
  };
};

const indexes = new WeakMap<IntrospectionQuery, SchemaIndex>();

/** Throws when the introspection result is not a schema graphql-js can rebuild. */
export const indexSchema = (introspection: IntrospectionQuery): SchemaIndex => {
  let index = indexes.get(introspection);
  if (!index) {
    index = buildSchemaIndex(buildClientSchema(introspection));
    indexes.set(introspection, index);
  }
  return index;
};

/** Which operation a type's fields start (`Query` → query), or null for any other type. */
export const operationOf = (index: SchemaIndex, typeName: string): OperationKind | null =>
  index.roots.find((root) => root.type.name === typeName)?.operation ?? null;

const searchEntries = new WeakMap<SchemaIndex, SearchEntry[]>();

/** Built on the first search: a big workspace has over a hundred thousand names. */
export const searchEntriesOf = (index: SchemaIndex): SearchEntry[] => {
  let entries = searchEntries.get(index);
  if (!entries) {
    entries = buildSearchEntries(index.schema, new Set(index.recordByName.keys()));
    searchEntries.set(index, entries);
  }
  return entries;
};
