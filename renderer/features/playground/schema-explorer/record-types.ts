import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isObjectType,
  isRequiredArgument,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Twenty's records in its core GraphQL schema: an object type with an `id` whose
 * `<Type>Connection` pages it (`edges { node: <Type> }`), e.g. `Company` and `CompanyConnection`.
 */
export interface RecordType {
  name: string;
  type: GraphQLObjectType;
  connection: GraphQLObjectType;
  /** The root list field (`companies`) and single-record field (`company`), when present. */
  listField: string | null;
  singleField: string | null;
}

/** The node type of a Relay-style connection (`edges { node }`), or null for any other type. */
export const connectionNodeOf = (
  type: GraphQLNamedType,
): GraphQLObjectType | GraphQLInterfaceType | null => {
  if (!isObjectType(type) && !isInterfaceType(type)) return null;
  const edges = type.getFields().edges;
  if (!edges) return null;
  const edge = getNamedType(edges.type);
  if (!isObjectType(edge)) return null;
  const node = edge.getFields().node;
  if (!node) return null;
  const nodeType = getNamedType(node.type);
  return isObjectType(nodeType) || isInterfaceType(nodeType) ? nodeType : null;
};

export const findRecordTypes = (schema: GraphQLSchema): RecordType[] => {
  const types = schema.getTypeMap();
  const rootFields = Object.values(schema.getQueryType()?.getFields() ?? {});
  const records: RecordType[] = [];
  for (const type of Object.values(types)) {
    if (!isObjectType(type) || type.name.startsWith('__') || !type.getFields().id) continue;
    const connection = types[`${type.name}Connection`];
    if (!connection || !isObjectType(connection) || connectionNodeOf(connection) !== type) continue;
    const listField = rootFields.find(
      (field) => getNamedType(field.type) === connection && !field.args.some(isRequiredArgument),
    );
    const singleField = rootFields.find((field) => getNullableType(field.type) === type);
    records.push({
      name: type.name,
      type,
      connection,
      listField: listField?.name ?? null,
      singleField: singleField?.name ?? null,
    });
  }
  return records.sort((a, b) => a.name.localeCompare(b.name));
};

/** The input types Twenty generates beside a record type, those this schema has. */
export const recordInputsOf = (schema: GraphQLSchema, record: RecordType): string[] =>
  ['FilterInput', 'OrderByInput', 'CreateInput', 'UpdateInput', 'GroupByInput']
    .map((suffix) => `${record.name}${suffix}`)
    .filter((name) => schema.getType(name) !== undefined);
