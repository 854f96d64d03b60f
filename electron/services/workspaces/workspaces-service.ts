import { randomUUID } from 'node:crypto';
import {
  CONNECTION_FAILURE_TITLES,
  type ConnectionTestReport,
} from '../../../shared/contract/connection-test';
import {
  TWENTY_DEFAULT_RATE_LIMIT,
  type Connection,
  type ConnectionList,
  type RateLimitSettings,
} from '../../../shared/contract/connections';
import { AppError } from '../../../shared/errors/app-error';
import type { SecretStore } from '../../platform/keychain';
import type { JsonFileStore } from '../../platform/settings/json-file-store';
import type { Logger } from '../../platform/logging/logger';
import type { JobRegistry } from '../jobs/job-registry';
import { createTwentyClient, normalizeBaseUrl, type TwentyClient } from '../twenty-client';
import {
  keychainAccount,
  LOCAL_CONNECTION_ID,
  type ConnectionSettings,
  type StoredConnection,
} from './connection-settings';
import { connectionStatus } from './connection-status';
import type {
  LocalWorkspaceHandle,
  LocalWorkspaceState,
  ReplicaWorkspaces,
} from './local-workspace-handle';

export type TestConnectionFn = (input: {
  baseUrl: string;
  apiKey: string;
  signal?: AbortSignal;
}) => Promise<ConnectionTestReport>;

export interface WorkspacesServiceDeps {
  settings: JsonFileStore<ConnectionSettings>;
  secrets: SecretStore;
  logger: Logger;
  jobs: JobRegistry;
  local: LocalWorkspaceHandle;
  /** Offline replicas of remote connections, each a local workspace of its own. */
  replicas?: ReplicaWorkspaces;
  testConnection: TestConnectionFn;
  onChanged: (list: ConnectionList) => void;
}

/** Everything main needs to call a workspace; never leaves the main process. */
export interface ConnectionCredentials {
  id: string;
  baseUrl: string;
  apiKey: string;
  rateLimit: RateLimitSettings;
}

const notFound = (id: string) =>
  new AppError('NOT_FOUND', `No connection with id ${JSON.stringify(id)}`, { id });

/**
 * The local workspace and replicas answer at once and are ours: the client paces them far above
 * anything an admin's query or a copy sends, so only a remote's own limit slows a pull.
 */
export const EMBEDDED_RATE_LIMIT: RateLimitSettings = {
  shortLimit: 100_000,
  shortTtlMs: 1000,
  longLimit: 1_000_000,
  longTtlMs: 60_000,
};

const replicaIsManaged = () =>
  new AppError(
    'VALIDATION',
    "A replica is managed by Atelier: refresh or remove it from its workspace's card",
  );

const localIsFixed = () =>
  new AppError(
    'VALIDATION',
    'The local workspace is managed by Atelier: its URL and key cannot be changed or removed',
  );

/**
 * The connection registry: remote workspaces from the settings file (keys in the OS keychain)
 * plus the embedded local workspace, always present and the default.
 */
export const createWorkspacesService = (deps: WorkspacesServiceDeps) => {
  const { settings, secrets, logger, jobs, local } = deps;
  // Every read-modify-write of the settings file runs in turn.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work);
    chain = run.catch(() => {});
    return run;
  };

  const localConnection = (state: ConnectionSettings): Connection => {
    const current = local.current();
    return {
      id: LOCAL_CONNECTION_ID,
      name: 'Local workspace',
      baseUrl: current.state === 'ready' ? current.url : '',
      kind: 'local',
      replicaOf: null,
      hasKey: current.state === 'ready',
      rateLimit: TWENTY_DEFAULT_RATE_LIMIT,
      // The local workspace is the sandbox: always writable.
      readOnly: false,
      status: connectionStatus(current, state.localLastTest),
      lastTest: state.localLastTest,
      createdAt: new Date(0).toISOString(),
      updatedAt: new Date(0).toISOString(),
    };
  };

  const toConnection = (stored: StoredConnection): Connection => ({
    ...stored,
    kind: 'remote',
    replicaOf: null,
    hasKey: true,
    status: connectionStatus(null, stored.lastTest),
  });

  const replicaConnections = (state: ConnectionSettings): Connection[] =>
    (deps.replicas?.list() ?? []).flatMap((replica) => {
      const remote = state.connections.find((connection) => connection.id === replica.of);
      if (!remote) return [];
      return [
        {
          id: replica.id,
          name: `${remote.name} (replica)`,
          baseUrl: replica.state.state === 'ready' ? replica.state.url : '',
          kind: 'replica' as const,
          replicaOf: remote.id,
          hasKey: replica.state.state === 'ready',
          rateLimit: EMBEDDED_RATE_LIMIT,
          // A replica is a sandbox like the local workspace: the remote's guard does not apply.
          readOnly: false,
          status: connectionStatus(replica.state, null),
          lastTest: null,
          createdAt: remote.createdAt,
          updatedAt: remote.updatedAt,
        },
      ];
    });

  const replicaState = (id: string): LocalWorkspaceState | null =>
    deps.replicas?.list().find((replica) => replica.id === id)?.state ?? null;

  const snapshot = (state: ConnectionSettings): ConnectionList => {
    const connections = [
      localConnection(state),
      ...state.connections.map(toConnection),
      ...replicaConnections(state),
    ];
    const activeId = connections.some((connection) => connection.id === state.activeId)
      ? state.activeId
      : LOCAL_CONNECTION_ID;
    return { connections, activeId };
  };

  const publish = async () => deps.onChanged(snapshot(await settings.read()));
  const republish = () => {
    publish().catch((error) => logger.error('Could not publish connections', { error }));
  };
  local.onChange(republish);
  deps.replicas?.onChange(republish);

  const find = (state: ConnectionSettings, id: string): StoredConnection => {
    const stored = state.connections.find((connection) => connection.id === id);
    if (stored) return stored;
    if (id === LOCAL_CONNECTION_ID) throw localIsFixed();
    if (replicaState(id)) throw replicaIsManaged();
    throw notFound(id);
  };

  /** URL and key of an embedded workspace (local or replica) once it is up. */
  const embeddedCredentials = (
    id: string,
    name: string,
    current: LocalWorkspaceState,
    rateLimit: RateLimitSettings,
  ): ConnectionCredentials => {
    if (current.state !== 'ready') {
      throw new AppError(
        'NETWORK',
        current.state === 'starting'
          ? `${name} is still starting`
          : `${name} did not start: ${current.message}`,
      );
    }
    return { id, baseUrl: current.url, apiKey: current.apiKey, rateLimit };
  };

  const assertUniqueName = (state: ConnectionSettings, name: string, exceptId?: string) => {
    const taken =
      name.toLowerCase() === 'local workspace' ||
      state.connections.some(
        (connection) =>
          connection.id !== exceptId && connection.name.toLowerCase() === name.toLowerCase(),
      );
    if (taken) throw new AppError('CONFLICT', `A connection named "${name}" already exists`);
  };

  /** Applies a change to the settings, saves, publishes and returns the changed connection. */
  const mutate = (work: (state: ConnectionSettings) => Promise<string | null> | string | null) =>
    serial(async () => {
      const state = await settings.read();
      const changedId = await work(state);
      await settings.write(state);
      const list = snapshot(state);
      deps.onChanged(list);
      return { list, changed: list.connections.find((connection) => connection.id === changedId) };
    });

  const credentials = async (id: string): Promise<ConnectionCredentials> => {
    if (id === LOCAL_CONNECTION_ID)
      return embeddedCredentials(
        id,
        'The local workspace',
        local.current(),
        TWENTY_DEFAULT_RATE_LIMIT,
      );
    const replica = replicaState(id);
    if (replica) return embeddedCredentials(id, 'The replica', replica, EMBEDDED_RATE_LIMIT);
    const stored = find(await settings.read(), id);
    const apiKey = await secrets.get(keychainAccount(id));
    if (!apiKey) {
      throw new AppError(
        'AUTH',
        `The key of "${stored.name}" is missing from the OS keychain; replace it`,
      );
    }
    logger.registerSecret(apiKey);
    return { id, baseUrl: stored.baseUrl, apiKey, rateLimit: stored.rateLimit };
  };

  // One client per connection, so its requests share the workspace scheduler; dropped whenever
  // the URL, key or rate limit changes.
  // A replica started again listens on another port: its cached client is kept per URL.
  const clients = new Map<string, TwentyClient>();
  const dropClient = (id: string) => {
    clients.get(id)?.close();
    clients.delete(id);
  };

  const runTest = (title: string, baseUrl: string, apiKey: string) =>
    jobs.run({ kind: 'connection-test', title, cancellable: true }, async (job) => {
      const report = await deps.testConnection({ baseUrl, apiKey, signal: job.signal });
      // The job ran either way; its line in the activity panel says what the test found.
      const kind = report.failure?.kind;
      job.progress(1, null, kind ? `Failed: ${CONNECTION_FAILURE_TITLES[kind]}` : 'Connected');
      return report;
    });

  return {
    credentials,

    /** The Twenty client of a connection, paced by the connection's rate limit. */
    async client(id: string): Promise<TwentyClient> {
      const cached = clients.get(id);
      const replica = replicaState(id);
      const replicaUrl = replica?.state === 'ready' ? normalizeBaseUrl(replica.url) : null;
      if (cached && (!replica || cached.baseUrl === replicaUrl)) return cached;
      if (cached) dropClient(id);
      const creds = await credentials(id);
      const client = createTwentyClient({
        baseUrl: creds.baseUrl,
        apiKey: creds.apiKey,
        rateLimit: creds.rateLimit,
      });
      clients.set(id, client);
      return client;
    },

    async list(): Promise<ConnectionList> {
      return snapshot(await settings.read());
    },

    async add(input: {
      name: string;
      baseUrl: string;
      apiKey: string;
      rateLimit?: RateLimitSettings;
    }) {
      const id = randomUUID();
      let keyStored = false;
      const { changed } = await mutate(async (state) => {
        assertUniqueName(state, input.name);
        const now = new Date().toISOString();
        logger.registerSecret(input.apiKey);
        await secrets.set(keychainAccount(id), input.apiKey);
        keyStored = true;
        state.connections.push({
          id,
          name: input.name,
          baseUrl: input.baseUrl,
          rateLimit: input.rateLimit ?? TWENTY_DEFAULT_RATE_LIMIT,
          readOnly: false,
          lastTest: null,
          createdAt: now,
          updatedAt: now,
        });
        return id;
      }).catch(async (error) => {
        // The key may be in the keychain while the settings write failed: leave nothing behind.
        if (keyStored) await secrets.delete(keychainAccount(id)).catch(() => false);
        logger.warn('Adding a connection failed', { error });
        throw error;
      });
      logger.info('Connection added', { id: changed!.id, baseUrl: changed!.baseUrl });
      return changed!;
    },

    async update(input: {
      id: string;
      name?: string;
      baseUrl?: string;
      rateLimit?: RateLimitSettings;
      readOnly?: boolean;
    }) {
      const { changed } = await mutate((state) => {
        const stored = find(state, input.id);
        if (input.name !== undefined) {
          assertUniqueName(state, input.name, input.id);
          stored.name = input.name;
        }
        if (input.baseUrl !== undefined && input.baseUrl !== stored.baseUrl) {
          stored.baseUrl = input.baseUrl;
          stored.lastTest = null;
        }
        if (input.rateLimit) stored.rateLimit = input.rateLimit;
        if (input.readOnly !== undefined) stored.readOnly = input.readOnly;
        stored.updatedAt = new Date().toISOString();
        dropClient(stored.id);
        return stored.id;
      });
      return changed!;
    },

    async replaceKey(input: { id: string; apiKey: string }) {
      const { changed } = await mutate(async (state) => {
        const stored = find(state, input.id);
        logger.registerSecret(input.apiKey);
        await secrets.set(keychainAccount(stored.id), input.apiKey);
        dropClient(stored.id);
        stored.lastTest = null;
        stored.updatedAt = new Date().toISOString();
        return stored.id;
      });
      logger.info('Connection key replaced', { id: input.id });
      return changed!;
    },

    async remove(id: string) {
      await mutate(async (state) => {
        const stored = find(state, id);
        await secrets.delete(keychainAccount(stored.id));
        dropClient(stored.id);
        state.connections = state.connections.filter((connection) => connection.id !== id);
        const replicaIds = (deps.replicas?.list() ?? [])
          .filter((replica) => replica.of === id)
          .map((replica) => replica.id);
        if (state.activeId === id || replicaIds.includes(state.activeId))
          state.activeId = LOCAL_CONNECTION_ID;
        return null;
      });
      await deps.replicas?.removeOf(id);
      logger.info('Connection removed', { id });
      return { removed: true };
    },

    async select(id: string) {
      const { list } = await mutate((state) => {
        if (id !== LOCAL_CONNECTION_ID && !replicaState(id)) find(state, id);
        state.activeId = id;
        return id;
      });
      return list;
    },

    async test(id: string): Promise<ConnectionTestReport> {
      const creds = await credentials(id);
      const list = snapshot(await settings.read());
      const name = list.connections.find((connection) => connection.id === id)?.name ?? id;
      const report = await runTest(`Testing ${name}`, creds.baseUrl, creds.apiKey);
      if (replicaState(id)) return report;
      await mutate((state) => {
        if (id === LOCAL_CONNECTION_ID) state.localLastTest = report;
        else {
          const stored = state.connections.find((connection) => connection.id === id);
          if (stored) stored.lastTest = report;
        }
        return id;
      });
      return report;
    },

    testDraft(input: { baseUrl: string; apiKey: string }): Promise<ConnectionTestReport> {
      logger.registerSecret(input.apiKey);
      return runTest(`Testing ${input.baseUrl}`, input.baseUrl, input.apiKey);
    },
  };
};

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
