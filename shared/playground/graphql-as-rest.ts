import { Kind, parse, valueFromASTUntyped, type ArgumentNode, type FieldNode } from 'graphql';
import type { PlaygroundRequest } from '../contract/playground';
import type { WorkspaceModel } from '../contract/data-model';
import { buildRestUrl, graphqlFilterToRestFilter, graphqlOrderByToRest } from './rest-query';
import type { GraphqlFilter } from './rest-query';

type GraphqlRequest = Extract<PlaygroundRequest, { kind: 'graphql' }>;
type RestRequest = Extract<PlaygroundRequest, { kind: 'rest' }>;

/**
 * A core GraphQL list query (one root field `<plural>(filter, orderBy, first, after, before)`)
 * as the REST list Twenty answers with the same records: `filter` and `order_by` in REST's
 * grammar, `limit`, `starting_after` / `ending_before`. Arguments may come from variables.
 * REST returns every field of the records, so the selection set has no REST counterpart.
 */
export const graphqlAsRest = (
  request: GraphqlRequest,
  model: WorkspaceModel,
): { request: RestRequest } | { problem: string } => {
  if (request.api !== 'core') return { problem: 'Only core queries have a REST twin here' };
  let document;
  try {
    document = parse(request.query);
  } catch (error) {
    return { problem: `The query does not parse: ${(error as Error).message}` };
  }
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = request.operationName
    ? operations.find((definition) => definition.name?.value === request.operationName)
    : operations[0];
  if (!operation || operation.operation !== 'query')
    return { problem: 'Only a query has a REST twin: REST writes are built in the REST tab' };
  const fields = operation.selectionSet.selections.filter(
    (selection): selection is FieldNode =>
      selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'),
  );
  if (fields.length !== 1)
    return { problem: 'A REST request reads one object: keep one root field in the query' };
  const field = fields[0]!;
  const object = model.objects.find((candidate) => candidate.namePlural === field.name.value);
  if (!object)
    return { problem: `"${field.name.value}" is not a list of records (e.g. companies, people)` };

  const variables = request.variables ?? {};
  const argument = (name: string): unknown => {
    const node = field.arguments?.find((arg: ArgumentNode) => arg.name.value === name);
    return node ? valueFromASTUntyped(node.value, variables) : undefined;
  };
  if (argument('last') !== undefined)
    return { problem: '`last` has no REST counterpart: page backwards with `before` and `first`' };
  const filter = graphqlFilterToRestFilter(argument('filter') as GraphqlFilter | undefined);
  if (filter.problems.length > 0) return { problem: filter.problems.join('; ') };
  const orderBy = graphqlOrderByToRest(argument('orderBy') as never);
  if (orderBy.problems.length > 0) return { problem: orderBy.problems.join('; ') };
  const first = argument('first');
  const after = argument('after');
  const before = argument('before');
  const { url } = buildRestUrl({
    api: 'core',
    object: object.namePlural,
    operation: 'findMany',
    ...(filter.text ? { filter: filter.text } : {}),
    ...(orderBy.text ? { orderBy: orderBy.text } : {}),
    ...(typeof first === 'number' ? { limit: first } : {}),
    ...(typeof after === 'string' ? { startingAfter: after } : {}),
    ...(typeof before === 'string' ? { endingBefore: before } : {}),
  });
  return {
    request: {
      kind: 'rest',
      api: 'core',
      method: 'GET',
      path: url.slice('/rest'.length),
      body: null,
      headers: request.headers,
    },
  };
};
