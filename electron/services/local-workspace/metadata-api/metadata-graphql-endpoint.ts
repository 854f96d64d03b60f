import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { METADATA_LIMITS } from '../graphql-common/query-complexity';
import { missingToken, serveGraphql } from '../graphql-common/serve-graphql';
import type { RequestContext, WorkspaceRuntime } from '../workspace-runtime';
import { roleResolvers } from '../roles/role-resolvers';
import { viewResolvers } from '../views/view-resolvers';
import { webhookResolvers } from '../webhooks/webhook-resolvers';
import { authResolvers, PUBLIC_ROOT_FIELDS } from './auth-resolvers';
import { mutationResolvers, queryResolvers } from './metadata-resolvers';
import { loadTwentyMetadataSchema } from './sdk-schema';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * POST /metadata — Twenty's metadata GraphQL API on the schema of twenty-client-sdk 2.43.
 * Errors come back as HTTP 200 with Twenty's `extensions.code`, as Twenty's Yoga server does.
 */

const patchScalars = (schema: GraphQLSchema): void => {
  const uuid = schema.getType('UUID');
  if (uuid instanceof GraphQLScalarType) {
    const check = (value: unknown) => {
      if (typeof value !== 'string' || !UUID.test(value))
        // Twenty's UUID scalar error, as its snapshots show it.
        throw new GraphQLError('Invalid UUID', {
          extensions: {
            code: 'GRAPHQL_VALIDATION_FAILED',
            http: { status: 400 },
            userFriendlyMessage: 'An error occurred.',
            value,
          },
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
  const resolvers = {
    ...queryResolvers,
    ...mutationResolvers,
    ...authResolvers,
    ...webhookResolvers,
    ...viewResolvers,
    ...roleResolvers,
  } as Record<string, (args: Record<string, unknown>, context: never) => unknown>;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(type?.getFields() ?? {})) {
      const resolver = resolvers[name];
      if (!resolver) {
        root[name] = unsupported(name);
        continue;
      }
      root[name] = (args: Record<string, unknown>) => {
        if (!context.auth && !PUBLIC_ROOT_FIELDS.has(name)) {
          throw missingToken();
        }
        return resolver(args, context as never);
      };
    }
  }
  return root;
};

/** POST /metadata on the twenty-client-sdk 2.43 schema; sign-in fields are public, the rest need a token. */
export const handleMetadataGraphql = (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
): Promise<void> =>
  serveGraphql(req, res, runtime, {
    schema: () => metadataSchema(),
    limits: METADATA_LIMITS,
    allowAnonymous: true,
    context: (workspaceRuntime, auth) => ({ runtime: workspaceRuntime, auth }),
    rootValue: (schema, context) =>
      buildRootValue(schema, context as RequestContext | { auth: null; runtime: WorkspaceRuntime }),
  });
