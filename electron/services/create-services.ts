import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contract, type Contract } from '../../shared/contract';
import { createDispatcher, createEventHub, type Handlers } from '../../shared/rpc/dispatcher';
import { isSafeExternalUrl } from '../../shared/security/external-url';
import { AppError } from '../../shared/errors/app-error';
import { createOsKeychain, type SecretStore } from '../platform/keychain';
import { createLogger, type Logger } from '../platform/logging/logger';
import { createJsonFileStore } from '../platform/settings/json-file-store';
import { createConnectionFiles } from './data-model/connection-files';
import { createDataModelService } from './data-model/data-model-service';
import { findUsages } from './schema/impact';
import { previewTypeChange } from './schema/preview-type-change';
import { createSchemaService } from './schema/schema-service';
import { createPlaygroundService } from './playground/playground-service';
import { createImportService } from './imports/import-service';
import { createReplicaService } from './replica/replica-service';
import { createTransferService } from './replica/transfer-service';
import { createJobRegistry } from './jobs/job-registry';
import {
  forkLocalWorkspace,
  type ForkedWorkspace,
  type WorkspaceRunner,
} from './local-workspace/forked-workspace';
import type { BucketSpec } from './local-workspace/limits/rate-limiter';
import { testConnection } from './twenty-client';
import {
  connectionSettingsSchema,
  defaultConnectionSettings,
} from './workspaces/connection-settings';
import type {
  LocalWorkspaceHandle,
  LocalWorkspaceState,
} from './workspaces/local-workspace-handle';
import { embeddedAdminPassword, startKeyedWorkspace } from './workspaces/keyed-workspace';
import { createWorkspacesService } from './workspaces/workspaces-service';
import { createAccessService } from './access/access-service';
import { createTwentySessions } from './access/twenty-session';
import { DEFAULT_ADMIN_EMAIL } from './local-workspace/auth/local-users';
import { LOCAL_CONNECTION_ID } from './workspaces/connection-settings';
import { createReceiversService } from './webhooks/receivers-service';
import { createTwentyWebhooksService } from './webhooks/twenty-webhooks-service';

/**
 * The composition root shared by both hosts: the desktop main process and the browser-mode host
 * call this and put its dispatcher and event hub behind their own transport.
 */
export interface ServicesOptions {
  dataDir: string;
  host: 'desktop' | 'browser';
  version: string;
  /** Opens a vetted URL in the system browser; false = the renderer should open it itself. */
  openExternal: (url: string) => Promise<boolean>;
  /** The desktop's open-file dialog; absent in browser mode (the renderer asks for a path). */
  chooseFiles?: (options: {
    title: string;
    filters: { name: string; extensions: string[] }[];
    multiple: boolean;
  }) => Promise<string[]>;
  secrets?: SecretStore;
  /** The keychain lives only as long as this run (a private Secret Service the launcher started). */
  temporaryKeychain?: boolean;
  logger?: Logger;
  localWorkspace?: {
    /** How to run the workspace process; default: its CLI source under tsx. */
    runner?: WorkspaceRunner;
    port?: number;
    databaseUrl?: string;
    seedDemoData?: boolean;
    rateLimits?: BucketSpec[] | null;
  };
  /** How to run the webhook inspector process; default: its source under tsx. */
  webhookInspector?: { runner?: WorkspaceRunner };
}

const LOCAL_KEY_ACCOUNT = 'local-workspace';
/** The local workspace admin's password (Twenty's sign-in for key operations). */
export const LOCAL_ADMIN_ACCOUNT = 'local-workspace-admin';

/** Development and browser mode: a child process's TypeScript source through tsx's loader. */
const sourceRunner = (entry: string): WorkspaceRunner => ({
  script: fileURLToPath(new URL(entry, import.meta.url)),
  execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
});

export const createServices = (options: ServicesOptions) => {
  const logger =
    options.logger ?? createLogger({ file: join(options.dataDir, 'logs', 'atelier.log') });
  const secrets = options.secrets ?? createOsKeychain();
  const events = createEventHub(contract, (event, error) =>
    logger.error('Dropped an event that breaks the contract', { event, error }),
  );
  const jobs = createJobRegistry((job) => events.emit('jobs.onJobUpdated', job));

  // The local workspace starts in the background; the registry reports it as "starting".
  let localState: LocalWorkspaceState = { state: 'starting' };
  const localListeners: Array<() => void> = [];
  const setLocal = (state: LocalWorkspaceState) => {
    localState = state;
    for (const listener of localListeners) listener();
  };
  const local: LocalWorkspaceHandle = {
    current: () => localState,
    onChange: (listener) => localListeners.push(listener),
  };

  const localAdminPassword = () => embeddedAdminPassword(secrets, logger, LOCAL_ADMIN_ACCOUNT);

  const runner = options.localWorkspace?.runner ?? sourceRunner('./local-workspace/cli.ts');
  let workspace: ForkedWorkspace | null = null;
  const localReady = jobs
    .run({ kind: 'local-workspace', title: 'Starting the local workspace' }, async (job) => {
      job.progress(1, 2, 'Opening the embedded database');
      const adminPassword = await localAdminPassword();
      const started = await startKeyedWorkspace({
        secrets,
        logger,
        account: LOCAL_KEY_ACCOUNT,
        start: (key) =>
          forkLocalWorkspace({
            runner,
            port: options.localWorkspace?.port ?? 0,
            dataDir: join(options.dataDir, 'workspace'),
            databaseUrl: options.localWorkspace?.databaseUrl,
            apiKey: key,
            adminPassword,
            seedDemoData: options.localWorkspace?.seedDemoData ?? true,
            rateLimits: options.localWorkspace?.rateLimits,
            onExit: (message) => {
              logger.error(message);
              setLocal({ state: 'error', message });
            },
          }),
      });
      workspace = started.workspace;
      const apiKey = started.apiKey;
      job.progress(2, 2, `Listening on ${workspace.url}`);
      setLocal({ state: 'ready', url: workspace.url, apiKey });
      logger.info('Local workspace ready', { url: workspace.url });
    })
    .catch((error: Error) => {
      logger.error('The local workspace did not start', { error });
      setLocal({ state: 'error', message: error.message });
    });

  const settings = createJsonFileStore(
    join(options.dataDir, 'settings.json'),
    connectionSettingsSchema,
    defaultConnectionSettings,
    (message) => logger.warn(message),
  );

  const replicas = createReplicaService({
    dataDir: options.dataDir,
    secrets,
    logger,
    jobs,
    runner,
    workspaces: () => workspaces,
    onChanged: (list) => events.emit('replica.onReplicasChanged', list),
  });
  const workspaces = createWorkspacesService({
    settings,
    secrets,
    logger,
    jobs,
    local,
    replicas: replicas.handle,
    testConnection,
    onChanged: (list) => events.emit('workspaces.onConnectionsChanged', list),
  });

  const transfers = createTransferService({ dataDir: options.dataDir, logger, jobs, workspaces });

  const files = createConnectionFiles(options.dataDir, (message) => logger.warn(message));
  const dataModel = createDataModelService({
    dataDir: options.dataDir,
    workspaces,
    jobs,
    logger,
    files,
  });
  const access = createAccessService({
    dataDir: options.dataDir,
    secrets,
    logger,
    jobs,
    workspaces,
    sessions: createTwentySessions({ secrets, logger }),
    model: async (connectionId) => (await dataModel.getModel(connectionId, true)).model,
    localAdmin: async (connectionId) => {
      if (connectionId === LOCAL_CONNECTION_ID)
        return { email: DEFAULT_ADMIN_EMAIL, password: await localAdminPassword() };
      const replica = replicas.handle.list().find((candidate) => candidate.id === connectionId);
      return replica
        ? { email: DEFAULT_ADMIN_EMAIL, password: await replicas.adminPassword(replica.of) }
        : null;
    },
  });
  const playground = createPlaygroundService({
    workspaces,
    files,
    clientAs: (connectionId, apiKeyId) => access.clientAs(connectionId, apiKeyId),
    dataDir: options.dataDir,
    model: (connectionId) =>
      dataModel.getModel(connectionId, false).then(
        (read) => read.model,
        () => null,
      ),
  });
  const imports = createImportService({
    dataDir: options.dataDir,
    logger,
    jobs,
    workspaces,
    model: async (connectionId, refresh) => (await dataModel.getModel(connectionId, refresh)).model,
    onChanged: (value) => events.emit('imports.onImportChanged', value),
  });

  const receivers = createReceiversService({
    dataDir: options.dataDir,
    secrets,
    logger,
    runner:
      options.webhookInspector?.runner ?? sourceRunner('./webhooks/inspector/inspector-process.ts'),
    onDeliveries: (deliveries) => events.emit('webhooks.onDeliveries', { deliveries }),
    onReceiversChanged: (list) => events.emit('webhooks.onReceiversChanged', list),
  });
  const receiversResumed = receivers
    .resume()
    .catch((error: Error) => logger.error('Could not start the webhook receivers', { error }));
  const twentyWebhooks = createTwentyWebhooksService({ workspaces, receivers });

  const schema = createSchemaService({
    files,
    workspaces,
    dataModel,
    jobs,
    logger,
    onProgress: (progress) => events.emit('schema.onApplyProgress', progress),
    ownUsages: async (connectionId, subject) => [
      ...(await playground.savedQueryUsages(connectionId, subject)),
      ...(await imports.mappingUsages(subject)),
    ],
  });

  const handlers: Handlers<Contract> = {
    'app.getInfo': () => ({
      version: options.version,
      host: options.host,
      platform: process.platform,
      keychain: options.temporaryKeychain ? 'temporary' : 'os',
    }),
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new AppError('INVALID_INPUT', 'Only http(s) and mailto links open outside Atelier');
      }
      return { opened: await options.openExternal(url) };
    },
    'app.chooseFiles': async ({ kind, multiple }) => {
      if (!options.chooseFiles) return { supported: false, paths: [] };
      const spreadsheet = kind === 'spreadsheet';
      const paths = await options.chooseFiles({
        title: spreadsheet ? 'Choose files to import' : 'Choose a mapping',
        filters: spreadsheet
          ? [{ name: 'Spreadsheets', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }]
          : [{ name: 'Import mappings', extensions: ['json'] }],
        multiple,
      });
      return { supported: true, paths };
    },
    'workspaces.listConnections': () => workspaces.list(),
    'workspaces.addConnection': (input) => workspaces.add(input),
    'workspaces.updateConnection': (input) => workspaces.update(input),
    'workspaces.replaceKey': (input) => workspaces.replaceKey(input),
    'workspaces.removeConnection': ({ id }) => workspaces.remove(id),
    'workspaces.selectConnection': ({ id }) => workspaces.select(id),
    'workspaces.testConnection': ({ id }) => workspaces.test(id),
    'workspaces.testDraftConnection': (input) => workspaces.testDraft(input),
    'dataModel.getModel': ({ connectionId, refresh }) => dataModel.getModel(connectionId, refresh),
    'dataModel.getLayout': ({ connectionId }) => dataModel.getLayout(connectionId),
    'dataModel.saveLayout': ({ connectionId, layout }) =>
      dataModel.saveLayout(connectionId, layout),
    'schema.readSchema': ({ connectionId }) => schema.readSchema(connectionId),
    'schema.getDraft': ({ connectionId }) => schema.getDraft(connectionId),
    'schema.saveDraft': ({ connectionId, draft }) => schema.saveDraft(connectionId, draft),
    'schema.discardDraft': ({ connectionId }) => schema.discardDraft(connectionId),
    'schema.reviewChanges': (input) => schema.reviewChanges(input),
    'schema.applyPlan': ({ planId }) => schema.applyPlan(planId),
    'schema.cancelApply': ({ planId }) => schema.cancelApply(planId),
    'schema.previewTypeChange': async ({ connectionId, objectName, fieldName, to }) => {
      const read = await schema.readSchema(connectionId);
      const from = read.document.objects
        .find((object) => object.nameSingular === objectName)
        ?.fields.find((field) => field.name === fieldName);
      if (!from) throw new AppError('NOT_FOUND', `No custom field ${fieldName} on ${objectName}`);
      return previewTypeChange(await workspaces.client(connectionId), { objectName, from, to });
    },
    'schema.findUsages': async ({ connectionId, ...subject }) => {
      const found = await findUsages(await workspaces.client(connectionId), subject);
      if (subject.optionValues) return found;
      const own = await playground.savedQueryUsages(connectionId, subject);
      return { ...found, usages: [...found.usages, ...own] };
    },
    'playground.run': (input) => playground.run(input),
    'playground.introspect': (input) => playground.introspect(input),
    'playground.rateLimit': ({ connectionId }) => playground.rateLimit(connectionId),
    'playground.listSaved': ({ connectionId }) => playground.listSaved(connectionId),
    'playground.saveQuery': (input) => playground.saveQuery(input),
    'playground.removeQuery': ({ connectionId, name }) =>
      playground.removeQuery(connectionId, name),
    'playground.history': ({ connectionId, search, limit }) =>
      playground.history(connectionId, search, limit),
    'replica.listReplicas': () => replicas.list(),
    'replica.pull': ({ connectionId, objects }) => replicas.pull(connectionId, objects),
    'replica.refresh': ({ connectionId }) => replicas.refresh(connectionId),
    'replica.removeReplica': ({ connectionId }) => replicas.remove(connectionId),
    'replica.listSnapshots': () => transfers.listSnapshots(),
    'replica.exportSnapshot': ({ connectionId, name }) =>
      transfers.exportSnapshot(connectionId, name),
    'replica.importSnapshot': ({ path, targetConnectionId, confirm }) =>
      transfers.importSnapshot(path, targetConnectionId, confirm),
    'replica.copyWorkspace': (input) => transfers.copyWorkspace(input),
    'imports.inspectFile': ({ path, source }) => imports.inspectFile(path, source),
    'imports.listImports': () => imports.list(),
    'imports.getImport': ({ importId }) => imports.get(importId),
    'imports.createImport': (input) => imports.create(input),
    'imports.updateImport': (input) => imports.update(input),
    'imports.removeImport': ({ importId }) => imports.remove(importId),
    'imports.validate': ({ importId, checkWorkspace }) =>
      imports.validate(importId, checkWorkspace),
    'imports.readMappingFile': ({ path }) => imports.mappings.readFile(path),
    'imports.problemRows': (input) => imports.problemRows(input),
    'imports.fixRow': (input) => imports.fixRow(input),
    'imports.errorReport': (input) => imports.errorReport(input),
    'imports.run': (input) => imports.run(input),
    'imports.pause': ({ importId }) => imports.pause(importId),
    'imports.dryRun': (input) => imports.dryRun(input),
    'imports.rollback': (input) => imports.rollback(input),
    'imports.resultRows': (input) => imports.resultRows(input),
    'imports.resultReport': ({ importId }) => imports.resultReport(importId),
    'imports.listMappings': () => imports.mappings.list(),
    'imports.saveMapping': ({ name, mapping }) => imports.mappings.save(name, mapping),
    'imports.removeMapping': async ({ name }) => ({ removed: await imports.mappings.remove(name) }),
    'webhooks.listReceivers': () => receivers.list(),
    'webhooks.createReceiver': (input) => receivers.create(input),
    'webhooks.updateReceiver': (input) => receivers.update(input),
    'webhooks.removeReceiver': async ({ id }) => ({ removed: await receivers.remove(id) }),
    'webhooks.startReceiver': ({ id }) => receivers.start(id),
    'webhooks.stopReceiver': ({ id }) => receivers.stop(id),
    'webhooks.rotateReceiverSecret': async (input) => {
      const rotated = await receivers.rotate(input);
      const propagated = await twentyWebhooks.propagateSecret(input.id, rotated.secret);
      return {
        receiver: rotated.receiver,
        secret: rotated.secret,
        webhooksUpdated: propagated.updated,
        problems: propagated.problems,
      };
    },
    'webhooks.listDeliveries': (input) => receivers.listDeliveries(input),
    'webhooks.getDelivery': ({ id }) => receivers.getDelivery(id),
    'webhooks.exportDeliveries': (input) => receivers.exportDeliveries(input),
    'webhooks.logStats': () => receivers.stats(),
    'webhooks.setLogSettings': (settings) => receivers.setLogSettings(settings),
    'webhooks.clearLog': ({ receiverId }) => receivers.clearLog(receiverId),
    'webhooks.replay': (input) => receivers.replay(input),
    'webhooks.listWebhooks': ({ connectionId }) => twentyWebhooks.list(connectionId),
    'webhooks.createWebhook': (input) => twentyWebhooks.create(input),
    'webhooks.updateWebhook': (input) => twentyWebhooks.update(input),
    'webhooks.deleteWebhook': ({ connectionId, id }) => twentyWebhooks.remove(connectionId, id),
    'webhooks.targetAdvice': ({ connectionId, target }) =>
      twentyWebhooks.targetAdvice(connectionId, target),
    'webhooks.findGaps': (input) => twentyWebhooks.findGaps(input),
    'webhooks.sendTestEvent': (input) => twentyWebhooks.sendTestEvent(input),
    'webhooks.fetchRecords': ({ connectionId, objectName, recordIds }) =>
      twentyWebhooks.fetchRecords(connectionId, objectName, recordIds),
    'access.getOverview': ({ connectionId }) => access.overview(connectionId),
    'access.reviewChanges': (input) => access.reviewChanges(input),
    'access.applyPlan': ({ planId }) => access.applyPlan(planId),
    'access.effectiveAccess': ({ connectionId, subject }) =>
      access.effectiveAccess(connectionId, subject),
    'access.createApiKey': (input) => access.createApiKey(input),
    'access.rotateApiKey': (input) => access.rotateApiKey(input),
    'access.revokeApiKey': (input) => access.revokeApiKey(input),
    'access.signIn': (input) => access.signIn(input),
    'access.signOut': ({ connectionId }) => access.signOut(connectionId),
    'jobs.listJobs': () => jobs.list(),
    'jobs.cancelJob': ({ id }) => ({ cancelled: jobs.cancel(id) }),
  };

  const dispatcher = createDispatcher(contract, handlers, {
    onInternalError: (method, error) => logger.error('IPC handler failed', { method, error }),
  });

  return {
    dispatcher,
    events,
    logger,
    workspaces,
    jobs,
    /** Resolves once the local workspace is up (or failed to start). */
    localReady,
    /** Process id of the local workspace while it runs. */
    localPid: () => (workspace as ForkedWorkspace | null)?.pid ?? null,
    replicas,
    imports,
    receivers,
    twentyWebhooks,
    async stop() {
      await receiversResumed;
      await receivers.shutdown();
      await imports.stop();
      await replicas.stop();
      await localReady;
      await (workspace as ForkedWorkspace | null)?.stop();
    },
  };
};

export type Services = ReturnType<typeof createServices>;
