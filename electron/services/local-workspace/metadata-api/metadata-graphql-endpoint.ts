import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  execute,
  GraphQLError,
  GraphQLScalarType,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { AuthError } from '../auth/auth-errors';
import type { AuthContext } from '../auth/api-key-tokens';
import { HttpError, readJsonBody, sendJson } from '../http/http-io';
import type { RequestContext, WorkspaceRuntime } from '../workspace-runtime';
import { formatGraphqlError, graphqlErrorFromDomain } from './graphql-errors';
import { authResolvers, PUBLIC_ROOT_FIELDS } from './auth-resolvers';
import { mutationResolvers, queryResolvers } from './metadata-resolvers';
import { checkQueryComplexity } from './query-complexity';
import { loadTwentyMetadataSchema } from './sdk-schema';

/**
 * POST /metadata — Twenty's metadata GraphQL API on the schema of twenty-client-sdk 2.43.
 * Errors come back as HTTP 200 with Twenty's `extensions.code`, as Twenty's Yoga server does.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const patchScalars = (schema: GraphQLSchema): void => {
  const uuid = schema.getType('UUID');
  if (uuid instanceof GraphQLScalarType) {
    const check = (value: unknown) => {
      if (typeof value !== 'string' || !UUID.test(value))
        throw new GraphQLError('Invalid UUID', {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        });
      return value;
    };
    uuid.parseValue = check;
    uuid.parseLiteral = (ast) => check(ast.kind === Kind.STRING ? ast.value : undefined);
  }
  const dateTime = schema.getType('DateTime');
  if (dateTime instanceof GraphQLScalarType) {
    dateTime.serialize = (value) => (value instanceof Date ? value.toISOString() : value);
  }
};

let prepared: GraphQLSchema | undefined;
const prepareSchema = (): GraphQLSchema => {
  const schema = loadTwentyMetadataSchema();
  patchScalars(schema);
  return schema;
};
export const metadataSchema = (): GraphQLSchema => (prepared ??= prepareSchema());

const unsupported = (name: string) => () => {
  throw new GraphQLError(`"${name}" is not available on the Atelier local workspace`, {
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      userFriendlyMessage: 'This operation is not available on the local workspace.',
    },
  });
};

const buildRootValue = (
  schema: GraphQLSchema,
  context: RequestContext | { auth: null; runtime: WorkspaceRuntime },
) => {
  const root: Record<string, unknown> = {};
  const resolvers = { ...queryResolvers, ...mutationResolvers, ...authResolvers } as Record<
    string,
    (args: Record<string, unknown>, context: never) => unknown
  >;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(type?.getFields() ?? {})) {
      const resolver = resolvers[name];
      if (!resolver) {
        root[name] = unsupported(name);
        continue;
      }
      root[name] = (args: Record<string, unknown>) => {
        if (!context.auth && !PUBLIC_ROOT_FIELDS.has(name)) {
          throw new AuthError(
            'Missing authentication token',
            403,
            'FORBIDDEN_EXCEPTION',
            'UNAUTHENTICATED',
            'You must be authenticated to perform this action.',
          );
        }
        return resolver(args, context as never);
      };
    }
  }
  return root;
};

const errorsOnly = (res: ServerResponse, errors: unknown[]) => sendJson(res, 200, { errors });

/**
 * Parsing and validating against a ~600-type schema costs milliseconds; clients send the same
 * documents over and over, so the outcome is cached per (document, operation name).
 */
type PreparedDocument = { document: DocumentNode } | { errors: unknown[] };
const preparedDocuments = new Map<string, PreparedDocument>();
const MAX_PREPARED = 500;

const prepareDocument = (query: string, operationName: string | null): PreparedDocument => {
  const key = `${operationName ?? ''}\u0000${query}`;
  const cached = preparedDocuments.get(key);
  if (cached) return cached;
  let prepared: PreparedDocument;
  try {
    const document = parse(query);
    const validationErrors = validate(metadataSchema(), document, specifiedRules);
    const tooComplex =
      validationErrors.length === 0 ? checkQueryComplexity(document, operationName) : null;
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
  if (preparedDocuments.size >= MAX_PREPARED)
    preparedDocuments.delete(preparedDocuments.keys().next().value!);
  preparedDocuments.set(key, prepared);
  return prepared;
};

export const handleMetadataGraphql = async (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
): Promise<void> => {
  let auth: AuthContext | null = null;
  if (req.headers.authorization) {
    try {
      auth = await runtime.tokens.authenticate(req.headers.authorization);
    } catch (error) {
      if (error instanceof AuthError) return errorsOnly(res, [graphqlErrorFromDomain(error)]);
      throw error;
    }
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
  const prepared = prepareDocument(query, typeof operationName === 'string' ? operationName : null);
  if ('errors' in prepared) return errorsOnly(res, prepared.errors);
  const { document } = prepared;
  const schema = metadataSchema();
  const context = { runtime, auth };
  const result = await execute({
    schema,
    document,
    rootValue: buildRootValue(schema, context),
    contextValue: context,
    variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
  });
  const errors = result.errors?.map((error) => {
    // Errors without a path come from variable coercion, before any resolver ran.
    if (!error.path)
      return {
        message: error.message,
        ...(error.locations ? { locations: error.locations } : {}),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      };
    if (
      error.originalError &&
      !(error.originalError instanceof GraphQLError) &&
      !isDomainError(error.originalError)
    ) {
      console.error('[local-workspace] resolver failed:', error.originalError);
    }
    return formatGraphqlError(error);
  });
  sendJson(res, 200, { ...(errors ? { errors } : {}), data: result.data ?? null });
};

const isDomainError = (error: Error): boolean =>
  graphqlErrorFromDomain(error).extensions.code !== 'INTERNAL_SERVER_ERROR';
