import {
  parse,
  specifiedRules,
  VariablesInAllowedPositionRule,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { formatGraphqlError } from './graphql-errors';
import { checkQueryComplexity, type ComplexityLimits } from './query-complexity';

/**
 * Parse + validate + complexity guard, cached per schema and document: clients send the same
 * documents again and again, and validating against a large schema costs milliseconds.
 */
export type PreparedDocument = { document: DocumentNode } | { errors: unknown[] };

const MAX_PREPARED = 500;
const caches = new WeakMap<GraphQLSchema, Map<string, PreparedDocument>>();

export const prepareDocument = (
  schema: GraphQLSchema,
  query: string,
  operationName: string | null,
  limits: ComplexityLimits,
): PreparedDocument => {
  let cache = caches.get(schema);
  if (!cache) caches.set(schema, (cache = new Map()));
  const key = `${operationName ?? ''}\u0000${query}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let prepared: PreparedDocument;
  try {
    const document = parse(query);
    const rules = limits.allowNullableVariables
      ? specifiedRules.filter((rule) => rule !== VariablesInAllowedPositionRule)
      : specifiedRules;
    const validationErrors = validate(schema, document, rules);
    const tooComplex =
      validationErrors.length === 0
        ? (checkQueryComplexity(document, operationName, limits) ??
          limits.checkDocument?.(schema, document) ??
          null)
        : null;
    prepared =
      validationErrors.length > 0
        ? {
            errors: validationErrors.map((error) =>
              formatGraphqlError(error, 'GRAPHQL_VALIDATION_FAILED'),
            ),
          }
        : tooComplex
          ? {
              errors: [
                {
                  message: tooComplex,
                  extensions: { code: 'BAD_USER_INPUT', userFriendlyMessage: 'An error occurred.' },
                },
              ],
            }
          : { document };
  } catch (error) {
    prepared = { errors: [formatGraphqlError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
  }
  if (cache.size >= MAX_PREPARED) cache.delete(cache.keys().next().value!);
  cache.set(key, prepared);
  return prepared;
};
