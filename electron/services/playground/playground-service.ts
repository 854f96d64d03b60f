import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import {
  introspectionReadSchema,
  type IntrospectionRead,
  type PlaygroundApi,
  type PlaygroundRequest,
  type RunOutput,
} from '../../../shared/contract/playground';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { WorkspaceModel } from '../../../shared/contract/data-model';
import type { ConnectionFiles } from '../data-model/connection-files';
import type { ImpactSubject, Usage } from '../schema/impact';
import { createQueryHistory } from './query-history';
import { savedQueryUsages } from './saved-query-usages';
import { createSavedQueries } from './saved-queries';
import { analyzeOperation } from '../../../shared/domain/graphql-operation';
import { requestCost } from '../../../shared/playground/request-cost';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import type { TwentyClient } from '../twenty-client';

/**
 * The query playground's main side: runs the admin's request with the connection's key (which
 * never reaches the renderer) and returns Twenty's answer as it came; keeps each connection's
 * introspected schemas on disk so completion and validation work offline.
 */
export interface PlaygroundDeps {
  workspaces: Pick<WorkspacesService, 'client' | 'list'>;
  files: ConnectionFiles;
  dataDir: string;
  /** "Try as this key": a client authenticating as one of the workspace's API keys. */
  clientAs?(
    connectionId: string,
    apiKeyId: string,
  ): Promise<{ client: TwentyClient; name: string }>;
  /** The data model last read (cached), for checking saved REST queries; null when none. */
  model(connectionId: string): Promise<WorkspaceModel | null>;
}

const INTROSPECTION = getIntrospectionQuery({ descriptions: true });

const isMutation = (request: PlaygroundRequest): boolean => {
  if (request.kind === 'rest') return request.method !== 'GET';
  try {
    return analyzeOperation(request.query, request.operationName ?? undefined).kind === 'mutation';
  } catch {
    // A document that does not parse runs nothing: Twenty answers with the parse error.
    return false;
  }
};

const exchangeOf = (request: PlaygroundRequest) =>
  request.kind === 'graphql'
    ? {
        endpoint: request.api === 'core' ? ('graphql' as const) : ('metadata' as const),
        method: 'POST',
        path: request.api === 'core' ? '/graphql' : '/metadata',
        body: {
          query: request.query,
          ...(request.variables ? { variables: request.variables } : {}),
          ...(request.operationName ? { operationName: request.operationName } : {}),
        },
        headers: request.headers,
      }
    : {
        endpoint: request.api === 'core' ? ('rest' as const) : ('metadata-rest' as const),
        method: request.method,
        path: `${request.api === 'core' ? '/rest' : '/rest/metadata'}${request.path}`,
        ...(request.body !== null && request.method !== 'GET' ? { body: request.body } : {}),
        headers: request.headers,
      };

export const createPlaygroundService = (deps: PlaygroundDeps) => {
  const cache = (api: PlaygroundApi, connectionId: string) =>
    deps.files(
      `introspection-${api}`,
      connectionId,
      introspectionReadSchema.nullable(),
      () => null,
    );

  const saved = createSavedQueries(deps.dataDir);
  const history = createQueryHistory(deps.dataDir);

  const listSaved = (connectionId: string) =>
    saved.list(connectionId, {
      introspection: async (api) =>
        ((await cache(api, connectionId).read())?.schema as never) ?? null,
      model: () => deps.model(connectionId),
    });

  const connection = async (connectionId: string) => {
    const found = (await deps.workspaces.list()).connections.find((c) => c.id === connectionId);
    if (!found) throw new AppError('NOT_FOUND', 'No such connection');
    return found;
  };

  return {
    async run(input: {
      connectionId: string;
      request: PlaygroundRequest;
      confirmMutation: boolean;
      actAs?: { apiKeyId: string } | null;
    }): Promise<RunOutput> {
      const target = await connection(input.connectionId);
      const mutation = isMutation(input.request);
      if (mutation && target.readOnly)
        throw new AppError(
          'PERMISSION',
          `"${target.name}" is read-only in Atelier: turn read-only off in Connections to change data there`,
        );
      // Defence in depth: the renderer asks first, main refuses an unconfirmed write elsewhere.
      if (mutation && target.kind === 'remote' && !input.confirmMutation)
        throw new AppError(
          'INVALID_INPUT',
          `This request can change data in "${target.name}": confirm it to run it`,
          { needsConfirmation: true },
        );
      let client = await deps.workspaces.client(input.connectionId);
      let actedAs: RunOutput['actedAs'] = null;
      if (input.actAs) {
        if (!deps.clientAs)
          throw new AppError('INTERNAL', 'Running as another key is not available');
        const as = await deps.clientAs(input.connectionId, input.actAs.apiKeyId);
        client = as.client;
        actedAs = { apiKeyId: input.actAs.apiKeyId, name: as.name };
      }
      const request = exchangeOf(input.request);
      const cost = requestCost(input.request);
      const ranAt = new Date().toISOString();
      let exchange;
      try {
        exchange = await client.exchange(request);
      } catch (error) {
        await history.append(input.connectionId, {
          request: input.request,
          status: null,
          durationMs: null,
          ranAt,
          failure: (error as Error).message,
        });
        throw error;
      }
      await history.append(input.connectionId, {
        request: input.request,
        status: exchange.status,
        durationMs: exchange.durationMs,
        ranAt,
        failure: null,
      });
      return {
        exchange,
        mutation,
        cost,
        ranAt,
        rateLimit: client.scheduler.meter(),
        actedAs,
      };
    },

    async introspect(input: {
      connectionId: string;
      api: PlaygroundApi;
      refresh: boolean;
    }): Promise<IntrospectionRead> {
      const store = cache(input.api, input.connectionId);
      const cached = await store.read();
      if (cached && !input.refresh) return cached;
      try {
        const client = await deps.workspaces.client(input.connectionId);
        const call = input.api === 'core' ? client.graphql : client.metadataGraphql;
        const schema = await call({ query: INTROSPECTION });
        const read: IntrospectionRead = {
          schema,
          readAt: new Date().toISOString(),
          source: 'live',
          problem: null,
        };
        await store.write(read);
        return read;
      } catch (error) {
        // Offline: the last schema still completes and validates, marked as such.
        if (!cached || (isAppError(error) && error.code === 'CANCELLED')) throw error;
        return { ...cached, source: 'cache', problem: (error as Error).message };
      }
    },

    listSaved,
    saveQuery: (input: {
      connectionId: string;
      name: string;
      request: PlaygroundRequest;
      overwrite: boolean;
    }) => saved.save(input.connectionId, input.name, input.request, input.overwrite),
    /** Saved queries that use an object or field (the editor's impact list). */
    async savedQueryUsages(connectionId: string, subject: ImpactSubject): Promise<Usage[]> {
      const { queries } = await listSaved(connectionId);
      const introspection = (await cache('core', connectionId).read())?.schema ?? null;
      return savedQueryUsages(
        queries,
        subject,
        introspection as IntrospectionQuery | null,
        await deps.model(connectionId),
      );
    },
    removeQuery: (connectionId: string, name: string) => saved.remove(connectionId, name),
    history: (connectionId: string, search: string | null, limit: number) =>
      history.list(connectionId, search, limit),

    async rateLimit(connectionId: string) {
      return (await deps.workspaces.client(connectionId)).scheduler.meter();
    },
  };
};

export type PlaygroundService = ReturnType<typeof createPlaygroundService>;
