import {
  getNamedType,
  GraphQLObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * The core API's extra guards (common query runner + GraphQL config): at most 2,000 fields per
 * document (GRAPHQL_MAX_FIELDS), and a one-to-many relation may not be nested inside another
 * one-to-many relation (TOO_COMPLEX_QUERY). Relation connections are `…Connection` object types
 * reached below the root field.
 */
export const GRAPHQL_MAX_FIELDS = 2000;

const isConnection = (type: unknown): boolean =>
  type instanceof GraphQLObjectType && type.name.endsWith('Connection');

export const checkCoreQueryComplexity = (
  schema: GraphQLSchema,
  document: DocumentNode,
): string | null => {
  let fields = 0;
  let problem: string | null = null;
  // Depth of the selection stack and, per depth, whether that field opened a relation connection.
  const connectionStack: boolean[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          if (node.name.value.startsWith('__')) return;
          fields += 1;
          const opensConnection =
            connectionStack.length > 0 && isConnection(getNamedType(typeInfo.getType()));
          const insideRelationConnection = connectionStack.some(Boolean);
          if (opensConnection && insideRelationConnection && !problem) {
            problem =
              'Query complexity is too high. One-to-Many relation cannot be nested in another One-to-Many relation.';
          }
          connectionStack.push(opensConnection);
        },
        leave(node) {
          if (!node.name.value.startsWith('__')) connectionStack.pop();
        },
      },
      [Kind.FRAGMENT_DEFINITION]: { enter: () => undefined },
    }),
  );
  if (fields > GRAPHQL_MAX_FIELDS)
    return `Query too complex - Too many fields requested: ${fields} - Maximum allowed fields: ${GRAPHQL_MAX_FIELDS}`;
  return problem;
};
