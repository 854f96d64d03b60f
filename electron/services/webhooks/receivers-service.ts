import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  CreateReceiverInput,
  DeliveryFilter,
  DeliverySummary,
  LogSettings,
  Receiver,
  UpdateReceiverInput,
} from '../../../shared/contract/webhooks';
import {
  createReceiverInputSchema,
  deliveryFilterSchema,
  rotateSecretInputSchema,
  updateReceiverInputSchema,
} from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/errors/app-error';
import type { SecretStore } from '../../platform/keychain';
import type { Logger } from '../../platform/logging/logger';
import { createJsonFileStore } from '../../platform/settings/json-file-store';
import type { WorkspaceRunner } from '../local-workspace/forked-workspace';
import { startInspectorProcess, type InspectorClient } from './inspector/inspector-client';
import type { ReceiverSetup } from './inspector/inspector';
import { generateWebhookSecret } from './manage/webhook-admin';
import { receiverSecrets, receiversFileSchema, type StoredReceiver } from './receiver-config';

/**
 * The receivers and their log, from the main process: configuration in a JSON file, secrets in
 * the keychain, the work in the inspector process (started on first use, restarted if it dies).
 */
export interface ReceiversServiceDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: Logger;
  runner: WorkspaceRunner;
  onDeliveries: (deliveries: DeliverySummary[]) => void;
  onReceiversChanged: (receivers: Receiver[]) => void;
}

type Runtime = { state: Receiver['state']; message: string | null; url: string | null };

const EXPORT_TEXT_LIMIT = 20 * 1024 * 1024;

export const createReceiversService = (deps: ReceiversServiceDeps) => {
  const dir = join(deps.dataDir, 'webhooks');
  const store = createJsonFileStore(
    join(dir, 'receivers.json'),
    receiversFileSchema,
    () => ({ receivers: [] }),
    (message) => deps.logger.warn(message),
  );
  const keys = receiverSecrets(deps.secrets);
  const runtime = new Map<string, Runtime>();
  let inspector: Promise<InspectorClient> | null = null;
  let stopped = false;

  const readAll = async () => (await store.read()).receivers;
  const find = async (id: string): Promise<StoredReceiver> => {
    const found = (await readAll()).find((receiver) => receiver.id === id);
    if (!found) throw new AppError('NOT_FOUND', `No receiver with id ${JSON.stringify(id)}`);
    return found;
  };
  const save = async (receiver: StoredReceiver | null, removeId?: string) => {
    const all = (await readAll()).filter(
      (candidate) => candidate.id !== (receiver?.id ?? removeId),
    );
    await store.write({ receivers: receiver ? [...all, receiver] : all });
  };

  const toReceiver = (receiver: StoredReceiver, hasSecret: boolean): Receiver => {
    const live = runtime.get(receiver.id) ?? { state: 'stopped', message: null, url: null };
    const until = receiver.previousSecretUntil;
    return {
      id: receiver.id,
      name: receiver.name,
      bind: receiver.bind,
      port: receiver.port,
      pathToken: receiver.pathToken,
      state: live.state,
      message: live.message,
      url: live.url,
      publicUrl: receiver.publicUrl,
      hasSecret,
      previousSecretUntil: until && Date.parse(until) > Date.now() ? until : null,
      toleranceSeconds: receiver.toleranceSeconds,
      maxBodyBytes: receiver.maxBodyBytes,
      rejectInvalid: receiver.rejectInvalid,
      forwardTo: receiver.forwardTo,
      autoStart: receiver.autoStart,
    };
  };

  const list = async (): Promise<Receiver[]> =>
    Promise.all(
      (await readAll()).map(async (receiver) =>
        toReceiver(receiver, Boolean((await keys.read(receiver)).current)),
      ),
    );
  const announce = () =>
    void list().then(deps.onReceiversChanged, (error: unknown) =>
      deps.logger.warn('Could not list receivers', { error }),
    );
  const setRuntime = (id: string, value: Runtime) => {
    runtime.set(id, value);
    announce();
  };

  const client = (): Promise<InspectorClient> => {
    if (stopped) return Promise.reject(new AppError('NETWORK', 'The app is stopping'));
    inspector ??= startInspectorProcess({
      runner: deps.runner,
      dataDir: dir,
      onDeliveries: deps.onDeliveries,
      onLog: (message, detail) => deps.logger.error(message, { detail }),
      onExit: (message) => {
        deps.logger.error(message);
        inspector = null;
        for (const [id] of runtime) runtime.set(id, { state: 'error', message, url: null });
        announce();
      },
    }).catch((error: Error) => {
      inspector = null;
      throw new AppError('NETWORK', error.message);
    });
    return inspector;
  };

  const setupOf = async (
    receiver: StoredReceiver,
    port: number | null,
  ): Promise<ReceiverSetup> => ({
    id: receiver.id,
    bind: receiver.bind,
    port,
    pathToken: receiver.pathToken,
    toleranceSeconds: receiver.toleranceSeconds,
    maxBodyBytes: receiver.maxBodyBytes,
    rejectInvalid: receiver.rejectInvalid,
    forwardTo: receiver.forwardTo,
    secrets: await keys.read(receiver),
  });

  const start = async (id: string): Promise<Receiver> => {
    const receiver = await find(id);
    setRuntime(id, { state: 'starting', message: null, url: null });
    try {
      const inspectorClient = await client();
      const wanted = receiver.port ?? receiver.lastPort;
      let started: { port: number; url: string };
      try {
        started = await inspectorClient.call('startReceiver', await setupOf(receiver, wanted));
      } catch (error) {
        // A remembered free port taken meanwhile: any free port (a chosen one is an error).
        if (receiver.port !== null || wanted === null) throw error;
        started = await inspectorClient.call('startReceiver', await setupOf(receiver, null));
      }
      await save({ ...receiver, lastPort: started.port, wasRunning: true });
      setRuntime(id, { state: 'running', message: null, url: started.url });
    } catch (error) {
      const message = /EADDRINUSE/.test((error as Error).message)
        ? `Port ${receiver.port} is in use by another program: choose another port or a free one`
        : (error as Error).message;
      setRuntime(id, { state: 'error', message, url: null });
    }
    return toReceiver(await find(id), Boolean((await keys.read(receiver)).current));
  };

  const stop = async (id: string, remember = true): Promise<Receiver> => {
    const receiver = await find(id);
    if (inspector && runtime.get(id)?.state === 'running') {
      await (await client()).call('stopReceiver', { id });
    }
    if (remember) await save({ ...receiver, wasRunning: false });
    setRuntime(id, { state: 'stopped', message: null, url: null });
    return toReceiver(receiver, Boolean((await keys.read(receiver)).current));
  };

  /** Pushes secrets and live settings to a running receiver. */
  const refreshLive = async (receiver: StoredReceiver) => {
    if (runtime.get(receiver.id)?.state !== 'running' || !inspector) return;
    const setup = await setupOf(receiver, null);
    await (
      await client()
    ).call('configureReceiver', {
      id: receiver.id,
      change: {
        secrets: setup.secrets,
        forwardTo: setup.forwardTo,
        toleranceSeconds: setup.toleranceSeconds,
        maxBodyBytes: setup.maxBodyBytes,
        rejectInvalid: setup.rejectInvalid,
      },
    });
  };

  const filterOf = (input: Partial<DeliveryFilter>): DeliveryFilter =>
    deliveryFilterSchema.parse(input);

  return {
    list,

    /** Starts the receivers that were listening when the app stopped. */
    async resume(): Promise<void> {
      for (const receiver of await readAll()) {
        if (receiver.autoStart && receiver.wasRunning) await start(receiver.id);
      }
    },

    async create(input: CreateReceiverInput) {
      const parsed = createReceiverInputSchema.parse(input);
      const id = randomUUID();
      const secret = parsed.secret ?? generateWebhookSecret();
      await keys.setCurrent(id, secret);
      const receiver: StoredReceiver = {
        id,
        name: parsed.name,
        bind: parsed.bind,
        port: parsed.port,
        lastPort: null,
        pathToken: randomBytes(12).toString('base64url'),
        publicUrl: parsed.publicUrl,
        previousSecretUntil: null,
        toleranceSeconds: parsed.toleranceSeconds,
        maxBodyBytes: parsed.maxBodyBytes,
        rejectInvalid: parsed.rejectInvalid,
        forwardTo: parsed.forwardTo,
        autoStart: parsed.autoStart,
        wasRunning: false,
      };
      await save(receiver);
      const shown = parsed.start ? await start(id) : toReceiver(receiver, true);
      announce();
      return { receiver: shown, secret };
    },

    async update(input: UpdateReceiverInput): Promise<Receiver> {
      const { id, ...change } = updateReceiverInputSchema.parse(input);
      const before = await find(id);
      const after: StoredReceiver = {
        ...before,
        ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
      };
      if (change.port !== undefined && change.port !== before.port) after.lastPort = null;
      await save(after);
      const running = runtime.get(id)?.state === 'running';
      if (running && (after.port !== before.port || after.bind !== before.bind)) {
        await stop(id, false);
        return start(id);
      }
      await refreshLive(after);
      announce();
      return toReceiver(after, Boolean((await keys.read(after)).current));
    },

    async remove(id: string): Promise<boolean> {
      const receiver = (await readAll()).find((candidate) => candidate.id === id);
      if (!receiver) return false;
      await stop(id, false);
      await keys.remove(id);
      await save(null, id);
      runtime.delete(id);
      announce();
      return true;
    },

    start,
    stop: (id: string) => stop(id),

    /** The receiver's current secret (main only: signing replays, registering webhooks). */
    async secretOf(id: string): Promise<string | null> {
      return (await keys.read(await find(id))).current;
    },

    async rotate(input: { id: string; secret?: string | null; keepPreviousMinutes?: number }) {
      const parsed = rotateSecretInputSchema.parse(input);
      const receiver = await find(parsed.id);
      const { current } = await keys.read(receiver);
      const secret = parsed.secret ?? generateWebhookSecret();
      const keep = parsed.keepPreviousMinutes > 0 && current !== null;
      if (keep) await keys.setPrevious(receiver.id, current);
      else await keys.dropPrevious(receiver.id);
      await keys.setCurrent(receiver.id, secret);
      const after: StoredReceiver = {
        ...receiver,
        previousSecretUntil: keep
          ? new Date(Date.now() + parsed.keepPreviousMinutes * 60_000).toISOString()
          : null,
      };
      await save(after);
      await refreshLive(after);
      announce();
      return { receiver: toReceiver(after, true), secret, stored: after };
    },

    find,

    // ——— the log ———
    async listDeliveries(
      input: Partial<DeliveryFilter> & { beforeSeq?: number | null; limit?: number },
    ) {
      return (await client()).call('list', {
        filter: filterOf(input),
        beforeSeq: input.beforeSeq ?? null,
        limit: input.limit ?? 100,
      });
    },
    async getDelivery(id: string) {
      const found = await (await client()).call('get', { id });
      if (!found)
        throw new AppError('NOT_FOUND', 'No such delivery in the log (deleted by retention?)');
      return found;
    },
    async exportDeliveries(input: Partial<DeliveryFilter>) {
      const fileName = `webhook-deliveries-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
      const path = join(deps.dataDir, 'exports', fileName);
      const count = await (await client()).call('exportTo', { filter: filterOf(input), path });
      const size = (await stat(path)).size;
      return {
        fileName,
        path,
        count,
        text: size <= EXPORT_TEXT_LIMIT ? await readFile(path, 'utf8') : null,
      };
    },
    async stats() {
      return (await client()).call('stats');
    },
    async setLogSettings(settings: LogSettings) {
      return (await client()).call('setSettings', settings);
    },
    async clearLog(receiverId: string | null) {
      return { deleted: await (await client()).call('clear', { receiverId }) };
    },
    async replay(input: {
      deliveryIds: string[];
      url: string;
      signing: 'as-recorded' | 'resign';
      secretFrom: string | null;
      body: string | null;
    }) {
      const secrets: Record<string, string | null> = {};
      for (const receiver of await readAll())
        secrets[receiver.id] = (await keys.read(receiver)).current;
      const overrideSecret = input.secretFrom ? (secrets[input.secretFrom] ?? null) : null;
      if (input.secretFrom && !overrideSecret) {
        throw new AppError('INVALID_INPUT', 'That receiver has no secret to sign with');
      }
      const results = await (
        await client()
      ).call('replay', {
        deliveryIds: input.deliveryIds,
        url: input.url,
        signing: input.signing,
        secrets,
        overrideSecret,
        body: input.body,
      });
      return { results };
    },
    async delivered(objectName: string, from: string, to: string, receiverId: string | null) {
      return (await client()).call('delivered', { objectName, from, to, receiverId });
    },
    async idle() {
      if (inspector) await (await client()).call('idle');
    },

    async shutdown() {
      stopped = true;
      const running = inspector;
      inspector = null;
      if (running) await (await running.catch(() => null))?.stop();
    },
  };
};

export type ReceiversService = ReturnType<typeof createReceiversService>;
