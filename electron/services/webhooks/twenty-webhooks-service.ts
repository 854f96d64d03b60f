import type { Connection } from '../../../shared/contract/connections';
import type {
  CreateWebhookInput,
  FindGapsInput,
  TestEventInput,
  TargetAdvice,
  UpdateWebhookInput,
  Webhook,
  WebhookTarget,
} from '../../../shared/contract/webhooks';
import {
  createWebhookInputSchema,
  findGapsInputSchema,
  testEventInputSchema,
  updateWebhookInputSchema,
} from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/errors/app-error';
import { subscribedObjects } from '../../../shared/webhooks/operations';
import { adviseTarget, publicTargetUrl } from '../../../shared/webhooks/target-advice';
import type { WorkspacesService } from '../workspaces/workspaces-service';
import { findConnection, writableConnection } from '../workspaces/writable-connection';
import { fetchRecords, findGaps } from './gaps/find-gaps';
import { readObjects } from './gaps/read-objects';
import {
  createWebhookAdmin,
  generateWebhookSecret,
  type TwentyWebhook,
} from './manage/webhook-admin';
import type { ReceiversService } from './receivers-service';
import { sendTestEvent } from './test-events/send-test-event';

/**
 * Twenty's side, per connection: its webhooks (through its own API), whether it can reach a
 * target, the events that never came, and test events. Secrets Twenty returns stay here; the
 * renderer sees one only right after it was set.
 */
export interface TwentyWebhooksDeps {
  workspaces: Pick<WorkspacesService, 'list' | 'client'>;
  receivers: ReceiversService;
}

/** How far before the window deliveries still count (Twenty stamps events when its job runs). */
const DELIVERY_SLACK_MS = 10 * 60_000;

export const createTwentyWebhooksService = ({ workspaces, receivers }: TwentyWebhooksDeps) => {
  const admin = async (connectionId: string) =>
    createWebhookAdmin(await workspaces.client(connectionId));

  const editable = async (connectionId: string): Promise<Connection> => {
    const connection = await findConnection(workspaces, connectionId);
    if (connection.readOnly) {
      throw new AppError(
        'PERMISSION',
        `"${connection.name}" is read-only in Atelier: turn read-only off in Connections to change its webhooks`,
      );
    }
    return connection;
  };

  /** Which receiver a registered URL leads to (its local URL, or its public URL). */
  const receiverOf = async (targetUrl: string): Promise<string | null> => {
    for (const receiver of await receivers.list()) {
      const urls = [
        receiver.url,
        receiver.publicUrl && publicTargetUrl(receiver.publicUrl, receiver.url),
      ];
      if (urls.some((url) => url && sameTarget(url, targetUrl))) return receiver.id;
      if (new URL(targetUrl, 'http://x').pathname.endsWith(`/hooks/${receiver.pathToken}`)) {
        return receiver.id;
      }
    }
    return null;
  };

  const toWebhook = async (webhook: TwentyWebhook): Promise<Webhook> => ({
    id: webhook.id,
    targetUrl: webhook.targetUrl,
    operations: webhook.operations,
    description: webhook.description,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
    receiverId: await receiverOf(webhook.targetUrl),
    signed: webhook.secret !== '',
  });

  const advice = async (connection: Connection, target: WebhookTarget): Promise<TargetAdvice> => {
    if (target.kind === 'url') {
      return adviseTarget({ connection: where(connection), targetUrl: target.url });
    }
    const receiver = (await receivers.list()).find(
      (candidate) => candidate.id === target.receiverId,
    );
    if (!receiver) throw new AppError('NOT_FOUND', 'No such receiver');
    if (!receiver.url && !receiver.publicUrl) {
      return {
        level: 'blocked',
        url: null,
        message: `The receiver "${receiver.name}" is not running: start it first, so it has an address.`,
        remedies: [],
      };
    }
    return adviseTarget({
      connection: where(connection),
      targetUrl: receiver.url ?? receiver.publicUrl!,
      receiver: { url: receiver.url, publicUrl: receiver.publicUrl },
    });
  };

  /** The URL to register, or why not (a warning must be acknowledged). */
  const registeredUrl = async (
    connection: Connection,
    target: WebhookTarget,
    acknowledged: boolean,
  ): Promise<string> => {
    const advised = await advice(connection, target);
    if (advised.level === 'blocked' || !advised.url) {
      throw new AppError('INVALID_INPUT', [advised.message, ...advised.remedies].join(' '));
    }
    if (advised.level === 'warning' && !acknowledged) {
      throw new AppError('INVALID_INPUT', [advised.message, ...advised.remedies].join(' '), {
        needsConfirmation: true,
      });
    }
    return advised.url;
  };

  const secretFor = async (target: WebhookTarget | undefined, given: string | null) => {
    if (target?.kind === 'receiver') {
      const secret = await receivers.secretOf(target.receiverId);
      if (!secret) throw new AppError('INVALID_INPUT', 'The receiver has no secret');
      return secret;
    }
    return given ?? generateWebhookSecret();
  };

  return {
    async list(connectionId: string): Promise<Webhook[]> {
      return Promise.all((await (await admin(connectionId)).list()).map(toWebhook));
    },

    async create(input: CreateWebhookInput) {
      const parsed = createWebhookInputSchema.parse(input);
      const connection = await editable(parsed.connectionId);
      const targetUrl = await registeredUrl(connection, parsed.target, parsed.acknowledgeAdvice);
      const secret = await secretFor(parsed.target, parsed.secret);
      const created = await (
        await admin(parsed.connectionId)
      ).create({
        targetUrl,
        operations: parsed.operations,
        description: parsed.description,
        secret,
      });
      return { webhook: await toWebhook(created), secret: created.secret || null };
    },

    async update(input: UpdateWebhookInput) {
      const parsed = updateWebhookInputSchema.parse(input);
      const connection = await editable(parsed.connectionId);
      const api = await admin(parsed.connectionId);
      const change: Parameters<typeof api.update>[1] = {};
      if (parsed.target) {
        change.targetUrl = await registeredUrl(connection, parsed.target, parsed.acknowledgeAdvice);
      }
      if (parsed.operations) change.operations = parsed.operations;
      if (parsed.description !== undefined) change.description = parsed.description;
      let target = parsed.target;
      if (parsed.rotateSecret && !target) {
        const current = await api.get(parsed.id);
        if (!current) throw new AppError('NOT_FOUND', 'No such webhook');
        const receiverId = await receiverOf(current.targetUrl);
        if (receiverId) target = { kind: 'receiver', receiverId };
      }
      if (parsed.rotateSecret || parsed.target?.kind === 'receiver') {
        change.secret = await secretFor(target, null);
      }
      const updated = await api.update(parsed.id, change);
      return { webhook: await toWebhook(updated), secret: change.secret ?? null };
    },

    async remove(connectionId: string, id: string) {
      await editable(connectionId);
      return { deleted: await (await admin(connectionId)).remove(id) };
    },

    async targetAdvice(connectionId: string, target: WebhookTarget) {
      return advice(await findConnection(workspaces, connectionId), target);
    },

    /** Gives the receiver's new secret to every webhook that targets it, on every connection. */
    async propagateSecret(receiverId: string, secret: string) {
      let updated = 0;
      const problems: string[] = [];
      for (const connection of (await workspaces.list()).connections) {
        if (connection.readOnly) continue;
        try {
          const api = await admin(connection.id);
          for (const webhook of await api.list()) {
            if ((await receiverOf(webhook.targetUrl)) !== receiverId) continue;
            await api.update(webhook.id, { secret });
            updated += 1;
          }
        } catch (error) {
          problems.push(`${connection.name}: ${(error as Error).message}`);
        }
      }
      return { updated, problems };
    },

    async findGaps(input: FindGapsInput) {
      const parsed = findGapsInputSchema.parse(input);
      const client = await workspaces.client(parsed.connectionId);
      // Only the webhooks that lead to the receiver asked about count, and only since they exist:
      // before a webhook was created nothing was owed.
      const webhooks = [];
      for (const webhook of await createWebhookAdmin(client).list()) {
        if (!parsed.receiverId || (await receiverOf(webhook.targetUrl)) === parsed.receiverId) {
          webhooks.push(webhook);
        }
      }
      let objects = parsed.objects;
      if (!objects) {
        const all = [...(await readObjects(client)).keys()];
        objects = subscribedObjects(
          webhooks.map((webhook) => webhook.operations),
          all,
        );
      }
      await receivers.idle();
      const firstWebhook = Math.min(
        ...webhooks.map((webhook) => Date.parse(webhook.createdAt ?? '') || Infinity),
      );
      const from = new Date(
        Math.max(Date.parse(parsed.from), firstWebhook === Infinity ? 0 : firstWebhook),
      );
      const to = new Date(parsed.to);
      const since = new Date(from.getTime() - DELIVERY_SLACK_MS).toISOString();
      const until = new Date(to.getTime() + DELIVERY_SLACK_MS).toISOString();
      const report = await findGaps({
        client,
        objects,
        from,
        to,
        delivered: (objectName) => receivers.delivered(objectName, since, until, parsed.receiverId),
      });
      return { ...report, from: from.toISOString(), to: parsed.to };
    },

    /** A real record created, changed and destroyed, so that Twenty sends its events. */
    async sendTestEvent(input: TestEventInput) {
      const parsed = testEventInputSchema.parse(input);
      await writableConnection(
        workspaces,
        parsed.connectionId,
        parsed.confirm,
        'A test record will be created and destroyed in',
      );
      return sendTestEvent(await workspaces.client(parsed.connectionId), {
        objectName: parsed.objectName,
        actions: parsed.actions,
      });
    },

    async fetchRecords(connectionId: string, objectName: string, ids: string[]) {
      return {
        records: await fetchRecords(await workspaces.client(connectionId), objectName, ids),
      };
    },
  };
};

const where = (connection: Connection) => ({ kind: connection.kind, url: connection.baseUrl });

const sameTarget = (a: string, b: string): boolean => {
  try {
    return new URL(a).toString() === new URL(b).toString();
  } catch {
    return a === b;
  }
};
