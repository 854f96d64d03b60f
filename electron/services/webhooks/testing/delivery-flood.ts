import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { signForTwenty } from '../receiver/verify-delivery';

/**
 * A concurrent sender of Twenty-shaped, signed deliveries over keep-alive connections: the load
 * test and the webhooks bench. Each request's answer time is measured from the write of its
 * first byte to the end of the answer.
 */
export interface FloodOptions {
  url: string;
  count: number;
  concurrency: number;
  /** null: unsigned. */
  secret: string | null;
  /** The body of delivery i (default: a person.updated of Twenty's shape). */
  body?: (index: number) => string;
}

export interface FloodResult {
  sent: number;
  statuses: Record<string, number>;
  errors: number;
  ms: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The record id each delivery carried, in send order. */
  recordIds: string[];
}

const WORKSPACE_ID = randomUUID();
const WEBHOOK_ID = randomUUID();
const OBJECT_ID = randomUUID();

export const twentyDeliveryBody = (index: number, recordId: string): string =>
  JSON.stringify({
    targetUrl: 'http://127.0.0.1/hooks/flood',
    eventName: 'person.updated',
    objectMetadata: { id: OBJECT_ID, nameSingular: 'person' },
    workspaceId: WORKSPACE_ID,
    webhookId: WEBHOOK_ID,
    eventDate: new Date().toISOString(),
    record: {
      id: recordId,
      name: { firstName: `Ada${index}`, lastName: 'Lovelace' },
      emails: { primaryEmail: `ada${index}@example.com`, additionalEmails: null },
      phones: {
        primaryPhoneNumber: '612345678',
        primaryPhoneCountryCode: 'FR',
        primaryPhoneCallingCode: '+33',
      },
      city: index % 2 ? 'Lyon' : 'Marseille',
      jobTitle: 'Head of partnerships',
      position: index,
      companyId: randomUUID(),
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      deletedAt: null,
      createdBy: { source: 'API', workspaceMemberId: null, name: 'Atelier', context: {} },
    },
    updatedFields: ['city'],
  });

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const floodDeliveries = async (options: FloodOptions): Promise<FloodResult> => {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const recordIds: string[] = [];
  let errors = 0;
  let next = 0;

  const sendOne = (index: number) =>
    new Promise<void>((resolve) => {
      const recordId = randomUUID();
      recordIds[index] = recordId;
      const body = options.body ? options.body(index) : twentyDeliveryBody(index, recordId);
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        ...(options.secret ? signForTwenty(options.secret, body) : {}),
      };
      const started = performance.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers,
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            const key = String(res.statusCode);
            statuses[key] = (statuses[key] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });

  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.count) await sendOne(next++);
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    sent: options.count,
    statuses,
    errors,
    ms: Math.round(ms),
    perSecond: Math.round((options.count / ms) * 1000),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    recordIds,
  };
};
