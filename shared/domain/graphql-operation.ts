import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

/**
 * What the client needs to know about a GraphQL document before sending it: whether it is a query
 * (safe to repeat) and how many root fields it has — Twenty spends one rate-limit token per root
 * field, since each is one query-runner call (common-base-query-runner.service.ts).
 */
export interface OperationInfo {
  kind: 'query' | 'mutation' | 'subscription' | 'unknown';
  rootFields: number;
}

const cache = new Map<string, OperationInfo>();
const CACHE_SIZE = 200;

const countRootFields = (
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  seen: Set<string>,
): number => {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1; // introspection runs no runner
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, document, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION &&
          definition.name.value === selection.name.value,
      );
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION)
        count += countRootFields(fragment.selectionSet, document, seen);
    }
  }
  return count;
};

export const analyzeOperation = (query: string, operationName?: string): OperationInfo => {
  const cacheKey = `${operationName ?? ''}\u0000${query}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let info: OperationInfo;
  try {
    const document = parse(query);
    const operations = document.definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = operationName
      ? operations.find((definition) => definition.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
    info = operation
      ? {
          kind: operation.operation as OperationInfo['kind'],
          rootFields: countRootFields(operation.selectionSet, document, new Set()),
        }
      : { kind: 'unknown', rootFields: 1 };
  } catch {
    // The server will answer GRAPHQL_PARSE_FAILED; treat it as a one-token, unsafe call.
    info = { kind: 'unknown', rootFields: 1 };
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, info);
  return info;
};
