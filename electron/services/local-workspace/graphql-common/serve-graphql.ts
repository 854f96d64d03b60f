import type { IncomingMessage, ServerResponse } from 'node:http';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import { AuthError, missingToken } from '../auth/auth-errors';

export { missingToken };
import type { AuthContext } from '../auth/api-key-tokens';
import { HttpError, readJsonBody, sendJson } from '../http/http-io';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { formatGraphqlError, graphqlErrorFromDomain } from './graphql-errors';
import { prepareDocument } from './prepare-document';
import type { ComplexityLimits } from './query-complexity';

/**
 * One GraphQL-over-HTTP flow for /metadata and /graphql: token → body → prepared document →
 * execute → Twenty's error format. Every failure is HTTP 200 with `extensions.code` (as Twenty's
 * Yoga answers) except a missing query string (400) and a body the JSON parser refuses.
 */
export interface GraphqlEndpoint<TContext> {
  schema: (runtime: WorkspaceRuntime, auth: AuthContext | null) => GraphQLSchema;
  limits: ComplexityLimits;
  /** null: anonymous calls are answered with Twenty's "Missing authentication token". */
  allowAnonymous: boolean;
  context: (runtime: WorkspaceRuntime, auth: AuthContext | null) => Promise<TContext> | TContext;
  rootValue?: (schema: GraphQLSchema, context: TContext) => unknown;
}

const errorsOnly = (res: ServerResponse, errors: unknown[]) => sendJson(res, 200, { errors });
const isDomainError = (error: Error): boolean =>
  graphqlErrorFromDomain(error).extensions.code !== 'INTERNAL_SERVER_ERROR';

export const serveGraphql = async <TContext>(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
  endpoint: GraphqlEndpoint<TContext>,
): Promise<void> => {
  let auth: AuthContext | null = null;
  try {
    if (req.headers.authorization)
      auth = await runtime.tokens.authenticate(req.headers.authorization);
    else if (!endpoint.allowAnonymous) throw missingToken();
  } catch (error) {
    if (error instanceof AuthError) return errorsOnly(res, [graphqlErrorFromDomain(error)]);
    throw error;
  }
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (error instanceof HttpError) return sendJson(res, error.status, error.body);
    throw error;
  }
  const { query, variables, operationName } = (body ?? {}) as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  };
  if (typeof query !== 'string' || query.trim() === '') {
    return sendJson(res, 400, {
      errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }],
    });
  }
  const schema = endpoint.schema(runtime, auth);
  const operation = typeof operationName === 'string' ? operationName : null;
  const prepared = prepareDocument(schema, query, operation, endpoint.limits);
  if ('errors' in prepared) return errorsOnly(res, prepared.errors);
  const contextValue = await endpoint.context(runtime, auth);
  const result = await execute({
    schema,
    document: prepared.document,
    rootValue: endpoint.rootValue?.(schema, contextValue),
    contextValue,
    variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: operation ?? undefined,
  });
  const formatted = result.errors?.map((error) => {
    // Errors without a path come from variable coercion, before any resolver ran.
    if (!error.path) {
      // A scalar that refused a variable speaks for itself (e.g. "Invalid UUID" with its extensions).
      const cause = error.originalError;
      if (cause instanceof GraphQLError && cause.extensions?.code) {
        return {
          message: cause.message,
          ...(error.locations ? { locations: error.locations } : {}),
          extensions: cause.extensions,
        };
      }
      return {
        message: error.message,
        ...(error.locations ? { locations: error.locations } : {}),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      };
    }
    if (
      error.originalError &&
      !(error.originalError instanceof GraphQLError) &&
      !isDomainError(error.originalError)
    ) {
      console.error('[local-workspace] resolver failed:', error.originalError);
    }
    return formatGraphqlError(error);
  });
  // Twenty's core API answers resolver errors as { message, extensions } only.
  const errors = endpoint.limits.bareErrors
    ? formatted?.map(({ message, extensions }) => ({ message, extensions }))
    : formatted;
  sendJson(res, 200, { ...(errors ? { errors } : {}), data: result.data ?? null });
};
