import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type {
  DeliveryDetail,
  DeliveryFilter,
  DeliveryPage,
  DeliverySummary,
  ForwardResult,
  LogSettings,
} from '../../../../shared/contract/webhooks';
import { DeliveryLog } from '../log/delivery-log';
import { parsePayload, toDetail, toSummary, type StoredDelivery } from '../log/stored-delivery';
import {
  startReceiverServer,
  type ReceiverRuntimeConfig,
  type RunningReceiver,
} from '../receiver/receiver-server';
import type { VerifySecrets } from '../receiver/verify-delivery';
import { sendDelivery } from '../replay/send-delivery';

/**
 * Everything that handles deliveries, in plain Node: the receivers, the log, forwarding and
 * replay. It runs in a process of its own (inspector-process.ts) so that a flood of deliveries
 * and the embedded database never stall the app's main process.
 */
export interface ReceiverSetup extends ReceiverRuntimeConfig {
  forwardTo: string | null;
  secrets: VerifySecrets;
}

export interface InspectorOptions {
  dir: string;
  onDeliveries?: (deliveries: DeliverySummary[]) => void;
  onError?: (message: string, error: unknown) => void;
}

export interface ReplayRequest {
  deliveryIds: string[];
  url: string;
  signing: 'as-recorded' | 'resign';
  /** The secret per receiver id (null: unsigned). */
  secrets: Record<string, string | null>;
  /** Sign every delivery with this secret instead of its receiver's. */
  overrideSecret: string | null;
  body: string | null;
}

interface Live {
  setup: ReceiverSetup;
  server: RunningReceiver;
  verifiedWebhooks: Set<string>;
}

/** Nonces are remembered this long at most, whatever a receiver's tolerance. */
const NONCE_MEMORY_MS = 24 * 3_600_000;
const NONCE_MEMORY_MAX = 200_000;

export class Inspector {
  private readonly receivers = new Map<string, Live>();
  private readonly nonces = new Map<string, number>();
  private verifiedAtStart = new Set<string>();

  private constructor(readonly log: DeliveryLog) {}

  static async open(options: InspectorOptions): Promise<Inspector> {
    const log = await DeliveryLog.open({
      dir: options.dir,
      onIndexed: (rows) =>
        options.onDeliveries?.(rows.map((row) => toSummary(row.delivery, row.forwardStatus))),
      onError: options.onError,
    });
    const inspector = new Inspector(log);
    const recent = await log.index.recent(Date.now() - NONCE_MEMORY_MS);
    for (const [nonce, at] of recent.nonces.reverse()) inspector.nonces.set(nonce, at);
    inspector.verifiedAtStart = new Set(recent.verified);
    return inspector;
  }

  private seenNonce(nonce: string, at: number): boolean {
    const seen = this.nonces.has(nonce);
    if (!seen) {
      this.nonces.set(nonce, at);
      if (this.nonces.size > NONCE_MEMORY_MAX) {
        for (const [oldest, when] of this.nonces) {
          if (this.nonces.size <= NONCE_MEMORY_MAX && at - when < NONCE_MEMORY_MS) break;
          this.nonces.delete(oldest);
        }
      }
    }
    return seen;
  }

  async startReceiver(setup: ReceiverSetup): Promise<{ port: number; url: string }> {
    await this.stopReceiver(setup.id);
    const verifiedWebhooks = new Set(
      [...this.verifiedAtStart]
        .filter((key) => key.startsWith(`${setup.id} `))
        .map((key) => key.slice(setup.id.length + 1)),
    );
    const live: Live = { setup, server: null as unknown as RunningReceiver, verifiedWebhooks };
    live.server = await startReceiverServer(setup, {
      secrets: () => live.setup.secrets,
      record: (delivery) => this.log.record(delivery),
      seenNonce: (nonce, at) => this.seenNonce(nonce, at),
      verifiedBefore: (webhookId) => live.verifiedWebhooks.has(webhookId),
      markVerified: (webhookId) => live.verifiedWebhooks.add(webhookId),
      afterAnswer: (delivery, raw) => {
        const target = live.setup.forwardTo;
        if (target) void this.forward(delivery, raw, target);
      },
    });
    this.receivers.set(setup.id, live);
    return { port: live.server.port, url: live.server.url };
  }

  /** Secrets, forwarding and checks change in place; port and interface need a restart. */
  configureReceiver(id: string, change: Partial<Omit<ReceiverSetup, 'id'>>): boolean {
    const live = this.receivers.get(id);
    if (!live) return false;
    if (change.secrets && change.secrets.current !== live.setup.secrets.current) {
      live.verifiedWebhooks.clear();
    }
    // In place: the running server reads its settings from this same object.
    Object.assign(live.setup, change);
    return true;
  }

  async stopReceiver(id: string): Promise<void> {
    const live = this.receivers.get(id);
    if (!live) return;
    this.receivers.delete(id);
    await live.server.close();
  }

  running(): Array<{ id: string; port: number; url: string }> {
    return [...this.receivers.values()].map((live) => ({
      id: live.setup.id,
      port: live.server.port,
      url: live.server.url,
    }));
  }

  private async forward(
    delivery: StoredDelivery,
    raw: Buffer,
    url: string,
  ): Promise<ForwardResult> {
    const result = await sendDelivery({
      url,
      headers: delivery.headers,
      body: raw,
      signing: 'as-recorded',
      secret: null,
    });
    await this.log.recordForward(delivery.id, result).catch(() => undefined);
    return result;
  }

  async list(
    filter: DeliveryFilter,
    beforeSeq: number | null,
    limit: number,
  ): Promise<DeliveryPage> {
    const page = await this.log.index.list(filter, beforeSeq, limit);
    return {
      deliveries: page.rows.map((row) =>
        toSummary(row.delivery, row.forwards.at(-1)?.status ?? null),
      ),
      total: page.total,
      hasMore: page.hasMore,
      pendingIndex: this.log.pending,
    };
  }

  async get(id: string): Promise<DeliveryDetail | null> {
    const row = await this.log.index.get(id);
    return row ? toDetail(row.delivery, row.forwards) : null;
  }

  /** JSON lines, oldest first: the delivery as logged, its parsed payload and its forwards. */
  async exportTo(filter: DeliveryFilter, path: string): Promise<number> {
    await mkdir(dirname(path), { recursive: true });
    const out = createWriteStream(path);
    let count = 0;
    for await (const row of this.log.index.scan(filter)) {
      const line = JSON.stringify({
        ...row.delivery,
        receivedAt: new Date(row.delivery.receivedAt).toISOString(),
        payload: parsePayload(row.delivery) ?? null,
        forwards: row.forwards,
      });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      count += 1;
    }
    out.end();
    await once(out, 'finish');
    return count;
  }

  async stats() {
    const counted = await this.log.index.count();
    return { ...counted, pendingIndex: this.log.pending, settings: await this.log.settings() };
  }

  async setSettings(settings: LogSettings) {
    await this.log.saveSettings(settings);
    return this.stats();
  }

  async clear(receiverId: string | null): Promise<number> {
    await this.log.idle();
    return this.log.index.clear(receiverId);
  }

  async replay(request: ReplayRequest): Promise<Array<ForwardResult & { deliveryId: string }>> {
    const results: Array<ForwardResult & { deliveryId: string }> = [];
    for (const deliveryId of request.deliveryIds) {
      const row = await this.log.index.get(deliveryId);
      if (!row) {
        results.push({
          deliveryId,
          url: request.url,
          status: null,
          durationMs: 0,
          error: 'No such delivery in the log (deleted by retention?)',
          responseBody: null,
          at: new Date().toISOString(),
        });
        continue;
      }
      const { delivery } = row;
      const body =
        request.body ??
        (delivery.bodyText !== null
          ? delivery.bodyText
          : Buffer.from(delivery.bodyBase64 ?? '', 'base64'));
      const secret = request.overrideSecret ?? request.secrets[delivery.receiverId] ?? null;
      if (request.signing === 'resign' && !secret) {
        results.push({
          deliveryId,
          url: request.url,
          status: null,
          durationMs: 0,
          error: 'No secret to sign with: the receiver has none',
          responseBody: null,
          at: new Date().toISOString(),
        });
        continue;
      }
      const result = await sendDelivery({
        url: request.url,
        headers: delivery.headers,
        body,
        signing: request.signing,
        secret,
      });
      await this.log.recordForward(deliveryId, result).catch(() => undefined);
      results.push({ ...result, deliveryId });
    }
    return results;
  }

  delivered(objectName: string, from: string, to: string, receiverId: string | null) {
    return this.log.index.delivered(objectName, from, to, receiverId);
  }

  async close(): Promise<void> {
    await Promise.all([...this.receivers.keys()].map((id) => this.stopReceiver(id)));
    await this.log.close();
  }
}
