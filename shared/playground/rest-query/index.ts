/** Language support for the playground's REST builder: checks, completion, conversions, URLs. */
export { checkFilter } from './check-filter';
export { completeFilter } from './complete-filter';
export { checkOrderBy, completeOrderBy } from './check-order-by';
export {
  graphqlFilterToRestFilter,
  restFilterToGraphqlFilter,
  type GraphqlFilter,
} from './graphql-filter';
export {
  graphqlOrderByToRest,
  restOrderByToGraphql,
  type GraphqlOrderBy,
} from './graphql-order-by';
export {
  buildRestUrl,
  parseRestUrl,
  REST_QUERY_NAMES,
  restOperationsOf,
  restRoute,
  type HttpMethod,
  type RestApi,
  type RestOperation,
  type RestParam,
  type RestRequestSpec,
  type RestRoute,
} from './rest-url';
export type { CompletionItem, CompletionKind, QueryProblem, TextRange } from './types';
