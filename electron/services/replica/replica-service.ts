import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  objectChoiceSchema,
  replicaRunSchema,
  type ObjectChoice,
  type Replica,
  type ReplicaList,
  type ReplicaRun,
} from '../../../shared/contract/replica';
import { AppError } from '../../../shared/errors/app-error';
import type { SecretStore } from '../../platform/keychain';
import type { Logger } from '../../platform/logging/logger';
import { createJsonFileStore } from '../../platform/settings/json-file-store';
import type { JobHandle, JobRegistry } from '../jobs/job-registry';
import {
  forkLocalWorkspace,
  type ForkedWorkspace,
  type WorkspaceRunner,
} from '../local-workspace/forked-workspace';
import { embeddedAdminPassword, startKeyedWorkspace } from '../workspaces/keyed-workspace';
import type { LocalWorkspaceState, ReplicaWorkspaces } from '../workspaces/local-workspace-handle';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { copyWorkspace, refreshWorkspace } from './copy-workspace';
import { openJournal } from './replica-journal';
import { progressReporter, runSummary } from './replica-progress';

/**
 * Offline replicas: each remote connection may have one local workspace of its own under
 * `<dataDir>/replicas/<remote id>/` (PGlite, its key in the keychain), listed as a connection of
 * kind `replica`. A pull copies the remote into it with the replica engine, paced by the remote's
 * client; a refresh brings it up to date by `updatedAt`. Both are jobs that resume from the
 * replica's journal after a cancel, a failure or a crash.
 */
const storedReplicaSchema = z.object({
  of: z.string(),
  objects: z.array(objectChoiceSchema).nullable(),
  lastRun: replicaRunSchema.nullable(),
  createdAt: z.string(),
});
type StoredReplica = z.infer<typeof storedReplicaSchema>;

const registrySchema = z.object({
  version: z.literal(1),
  replicas: z.array(storedReplicaSchema),
});

interface Running {
  state: LocalWorkspaceState;
  workspace: ForkedWorkspace | null;
  ready: Promise<void>;
  jobId: string | null;
  cancel: (() => void) | null;
  /** The last run stopped before it finished (its journal holds where). */
  interrupted: string | null;
}

export interface ReplicaServiceDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  jobs: JobRegistry;
  runner: WorkspaceRunner;
  workspaces: () => WorkspacesService;
  onChanged: (list: ReplicaList) => void;
}

export const replicaConnectionId = (remoteId: string) => `replica-${remoteId}`;
const keyAccount = (remoteId: string) => `replica:${remoteId}`;
const adminAccount = (remoteId: string) => `replica-admin:${remoteId}`;

export const createReplicaService = (deps: ReplicaServiceDeps) => {
  const { dataDir, secrets, logger, jobs } = deps;
  const root = join(dataDir, 'replicas');
  const registry = createJsonFileStore(
    join(root, 'replicas.json'),
    registrySchema,
    () => ({ version: 1 as const, replicas: [] }),
    (message) => logger.warn(message),
  );
  const dirOf = (remoteId: string) => join(root, remoteId);
  const journalOf = (remoteId: string) => join(dirOf(remoteId), 'journal.json');

  let stored: StoredReplica[] = [];
  const running = new Map<string, Running>();
  const listeners: Array<() => void> = [];

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work);
    chain = run.catch(() => {});
    return run;
  };
  const save = (change: (replicas: StoredReplica[]) => StoredReplica[]) =>
    serial(async () => {
      stored = change(stored);
      await registry.write({ version: 1, replicas: stored });
    });

  const describe = (entry: StoredReplica): Replica => {
    const live = running.get(entry.of);
    const process = live?.state ?? { state: 'starting' as const };
    const state =
      process.state === 'error'
        ? 'error'
        : live?.jobId
          ? 'pulling'
          : process.state === 'starting'
            ? 'starting'
            : live?.interrupted
              ? 'interrupted'
              : entry.lastRun
                ? 'ready'
                : 'empty';
    return {
      connectionId: replicaConnectionId(entry.of),
      of: entry.of,
      state,
      message:
        process.state === 'error'
          ? process.message
          : state === 'interrupted'
            ? live!.interrupted!
            : '',
      jobId: live?.jobId ?? null,
      objects: entry.objects,
      lastRun: entry.lastRun,
      createdAt: entry.createdAt,
    };
  };
  const list = (): ReplicaList => ({ replicas: stored.map(describe) });
  const changed = () => {
    deps.onChanged(list());
    for (const listener of listeners) listener();
  };

  /** Starts the replica's workspace process (once); resolves when it is up or failed. */
  const start = (remoteId: string): Running => {
    const existing = running.get(remoteId);
    if (existing && existing.state.state !== 'error') return existing;
    const entry: Running = {
      state: { state: 'starting' },
      workspace: null,
      ready: Promise.resolve(),
      jobId: null,
      cancel: null,
      interrupted: existing?.interrupted ?? null,
    };
    running.set(remoteId, entry);
    entry.ready = (async () => {
      try {
        const journal = await openJournal(journalOf(remoteId)).read();
        if (journal.run)
          entry.interrupted = `A ${journal.run.kind === 'refresh' ? 'refresh' : 'pull'} stopped before it finished; run it again to resume`;
        const adminPassword = await embeddedAdminPassword(secrets, logger, adminAccount(remoteId));
        const started = await startKeyedWorkspace({
          secrets,
          logger,
          account: keyAccount(remoteId),
          start: (key) =>
            forkLocalWorkspace({
              runner: deps.runner,
              port: 0,
              dataDir: join(dirOf(remoteId), 'workspace'),
              apiKey: key,
              adminPassword,
              seedDemoData: false,
              // Ours alone: only the remote's limit paces a pull.
              rateLimits: null,
              onExit: (message) => {
                logger.error(message);
                entry.state = { state: 'error', message };
                changed();
              },
            }),
        });
        entry.workspace = started.workspace;
        entry.state = { state: 'ready', url: started.workspace.url, apiKey: started.apiKey };
        logger.info('Replica ready', { of: remoteId, url: started.workspace.url });
      } catch (error) {
        logger.error('A replica did not start', { of: remoteId, error });
        entry.state = { state: 'error', message: (error as Error).message };
      }
      changed();
    })();
    return entry;
  };

  const loaded = registry.read().then((read) => {
    stored = read.replicas;
    for (const entry of stored) start(entry.of);
    if (stored.length > 0) changed();
  });

  const remoteName = async (remoteId: string) => {
    const connections = (await deps.workspaces().list()).connections;
    const remote = connections.find((connection) => connection.id === remoteId);
    if (!remote || remote.kind !== 'remote')
      throw new AppError('NOT_FOUND', 'Replicas are pulled from a remote workspace connection', {
        id: remoteId,
      });
    return remote.name;
  };

  /** Runs a pull or refresh as a job on the replica, keeping what it reached on failure. */
  const runOnReplica = async (
    remoteId: string,
    kind: 'copy' | 'refresh',
    objects: ObjectChoice[] | null,
  ): Promise<Replica> => {
    await loaded;
    const name = await remoteName(remoteId);
    if (!stored.some((entry) => entry.of === remoteId))
      await save((replicas) => [
        ...replicas,
        { of: remoteId, objects, lastRun: null, createdAt: new Date().toISOString() },
      ]);
    const live = start(remoteId);
    if (live.jobId)
      throw new AppError('CONFLICT', `The replica of "${name}" is already being pulled`);
    const title = `${kind === 'copy' ? 'Pulling' : 'Refreshing'} the replica of ${name}`;
    const work = async (job: JobHandle) => {
      live.jobId = job.id;
      changed();
      job.progress(0, null, 'Starting the replica workspace');
      await live.ready;
      if (live.state.state !== 'ready') throw new AppError('NETWORK', 'The replica did not start');
      const source = await deps.workspaces().client(remoteId);
      const target = await deps.workspaces().client(replicaConnectionId(remoteId));
      const options = {
        journalPath: journalOf(remoteId),
        objects: (objects ?? undefined)?.map((choice) => ({
          name: choice.name,
          recordCap: choice.recordCap ?? undefined,
        })),
        onProgress: progressReporter(job),
        signal: job.signal,
      };
      const result =
        kind === 'copy'
          ? await copyWorkspace(source, target, options)
          : await refreshWorkspace(source, target, options);
      return runSummary(result);
    };
    try {
      const run: ReplicaRun = await jobs.run({ kind: 'replica', title, cancellable: true }, work);
      live.interrupted = null;
      await save((replicas) =>
        replicas.map((entry) =>
          entry.of === remoteId
            ? { ...entry, objects: kind === 'copy' ? objects : entry.objects, lastRun: run }
            : entry,
        ),
      );
      logger.info('Replica run finished', { of: remoteId, kind });
    } catch (error) {
      live.interrupted = `${kind === 'copy' ? 'The pull' : 'The refresh'} stopped: ${(error as Error).message}. Run it again to resume where it stopped.`;
      throw error;
    } finally {
      live.jobId = null;
      changed();
    }
    return describe(stored.find((entry) => entry.of === remoteId)!);
  };

  const removeOf = async (remoteId: string) => {
    await loaded;
    const live = running.get(remoteId);
    if (live?.jobId) jobs.cancel(live.jobId);
    await live?.ready;
    await live?.workspace?.stop();
    running.delete(remoteId);
    await save((replicas) => replicas.filter((entry) => entry.of !== remoteId));
    await rm(dirOf(remoteId), { recursive: true, force: true });
    await secrets.delete(keyAccount(remoteId)).catch(() => false);
    await secrets.delete(adminAccount(remoteId)).catch(() => false);
    changed();
  };

  const handle: ReplicaWorkspaces = {
    list: () =>
      stored.map((entry) => ({
        id: replicaConnectionId(entry.of),
        of: entry.of,
        state: running.get(entry.of)?.state ?? { state: 'starting' },
      })),
    onChange: (listener) => listeners.push(listener),
    removeOf,
  };

  return {
    handle,
    /** The replica workspace's admin password (Twenty's sign-in for key operations). */
    adminPassword: (remoteId: string) =>
      embeddedAdminPassword(secrets, logger, adminAccount(remoteId)),
    loaded,
    async list(): Promise<ReplicaList> {
      await loaded;
      return list();
    },
    pull: (remoteId: string, objects: ObjectChoice[] | null) =>
      runOnReplica(remoteId, 'copy', objects),
    async refresh(remoteId: string) {
      await loaded;
      const entry = stored.find((candidate) => candidate.of === remoteId);
      if (!entry?.lastRun)
        throw new AppError('INVALID_INPUT', 'Pull the replica first: a refresh updates a copy');
      return runOnReplica(remoteId, 'refresh', entry.objects);
    },
    async remove(remoteId: string) {
      if (!stored.some((entry) => entry.of === remoteId))
        throw new AppError('NOT_FOUND', 'This workspace has no replica');
      await removeOf(remoteId);
      return { removed: true };
    },
    async stop() {
      await loaded;
      await Promise.all(
        [...running.values()].map(async (live) => {
          await live.ready;
          await live.workspace?.stop();
        }),
      );
    },
  };
};

export type ReplicaService = ReturnType<typeof createReplicaService>;
