import type { PlaygroundRequest, PlaygroundRequestInput } from '../contract/playground';
import { analyzeOperation } from '../domain/graphql-operation';

/**
 * What a request spends of Twenty's API rate limit: one token per core REST call and per root
 * field of a core GraphQL operation (one query-runner call each); the metadata API is not
 * counted by Twenty's API throttler.
 */
export const requestCost = (request: PlaygroundRequest | PlaygroundRequestInput): number => {
  if (request.api !== 'core') return 0;
  if (request.kind === 'rest') return 1;
  return analyzeOperation(request.query, request.operationName ?? undefined).rootFields;
};
