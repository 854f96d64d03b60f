import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestReceiver,
  type ReceivedRequest,
  type TestReceiver,
} from '../../local-workspace/webhooks/test-receiver';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../../local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../../twenty-client';
import { fetchRecords } from '../gaps/find-gaps';
import { createWebhookAdmin } from '../manage/webhook-admin';
import { sendTestEvent } from './send-test-event';

interface Body {
  eventName: string;
  record: Record<string, unknown>;
}
const body = (request: ReceivedRequest) => JSON.parse(request.rawBody) as Body;

describe('sendTestEvent against the local workspace', () => {
  let ws: WorkspaceProcess;
  let client: TwentyClient;
  let receiver: TestReceiver;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']);
    client = createTwentyClient({ baseUrl: ws.url, apiKey: ws.apiKey, rateLimit: null });
    receiver = await startTestReceiver();
    const admin = createWebhookAdmin(client);
    for (const object of ['company', 'person', 'opportunity'])
      await admin.create({
        targetUrl: `${receiver.url}/${object}`,
        operations: [`${object}.*`],
        description: null,
        secret: null,
      });
  });
  afterAll(async () => {
    client?.close();
    await receiver?.close();
    await ws?.dispose();
  });

  it('creates, updates, soft-deletes and destroys a named test record', async () => {
    const report = await sendTestEvent(client, {
      objectName: 'company',
      actions: ['created', 'updated', 'deleted'],
      now: () => new Date('2026-11-24T10:00:00.123Z'),
    });
    expect(report).toMatchObject({ objectName: 'company', cleanedUp: true });
    expect(report.steps.map((step) => [step.action, step.ok])).toEqual([
      ['created', true],
      ['updated', true],
      ['deleted', true],
      ['destroyed', true],
    ]);
    // Deliveries are concurrent (fire and forget): their order is not the events' order.
    const received = (await receiver.waitFor(4, { path: '/company' })).map(body);
    const event = (name: string) => received.find((one) => one.eventName === name)!;
    const events = ['created', 'updated', 'deleted', 'destroyed'].map((action) =>
      event(`company.${action}`),
    );
    expect(events.every(Boolean)).toBe(true);
    expect(received).toHaveLength(4);
    expect(new Set(events.map((event) => event.record.id))).toEqual(new Set([report.recordId]));
    expect(events[0]!.record.name).toBe('Atelier test event 2026-11-24T10:00:00Z');
    expect(events[1]!.record.name).toBe('Atelier test event 2026-11-24T10:00:00Z (updated)');
    expect(await fetchRecords(client, 'company', [report.recordId])).toEqual([]);
  });

  it('names a person through its FULL_NAME and causes only the events asked for', async () => {
    const report = await sendTestEvent(client, { objectName: 'person', actions: ['created'] });
    expect(report.steps.map((step) => step.action)).toEqual(['created', 'destroyed']);
    expect(report.cleanedUp).toBe(true);
    const events = (await receiver.waitFor(2, { path: '/person' })).map(body);
    expect(events.map((event) => event.eventName).sort()).toEqual([
      'person.created',
      'person.destroyed',
    ]);
    events.sort((a, b) => a.eventName.localeCompare(b.eventName));
    expect(events[0]!.record.name).toMatchObject({ firstName: 'Atelier test event' });
    expect((events[0]!.record.name as { lastName: string }).lastName).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
  });

  const cancelledRun = async (
    objectName: string,
    cancelOn: (event: { type: string; method: string; path: string }) => boolean,
  ) => {
    const controller = new AbortController();
    const cancelling = createTwentyClient({
      baseUrl: ws.url,
      apiKey: ws.apiKey,
      rateLimit: null,
      onEvent: (event) => {
        if ('method' in event && 'path' in event && cancelOn(event)) controller.abort();
      },
    });
    try {
      return await sendTestEvent(cancelling, {
        objectName,
        actions: ['created', 'updated', 'deleted'],
        signal: controller.signal,
      });
    } finally {
      cancelling.close();
    }
  };

  it('still destroys the record when a later step fails', async () => {
    const report = await cancelledRun(
      'opportunity',
      (event) => event.type === 'request-started' && event.method === 'PATCH',
    );
    expect(report.steps.map((step) => [step.action, step.ok])).toEqual([
      ['created', true],
      ['updated', false],
      ['deleted', false],
      ['destroyed', true],
    ]);
    expect(report.steps[1]!.detail).toContain('cancelled');
    expect(report.cleanedUp).toBe(true);
    expect(await fetchRecords(client, 'opportunity', [report.recordId])).toEqual([]);
  });

  it('destroys a record whose creation’s answer was lost (its id is chosen beforehand)', async () => {
    const report = await cancelledRun(
      'task',
      (event) => event.type === 'request-finished' && event.path.startsWith('/rest/tasks'),
    );
    expect(report.steps.map((step) => [step.action, step.ok])).toEqual([
      ['created', false],
      ['destroyed', true],
    ]);
    expect(report.steps[1]!.detail).toBe('Destroyed it (cleanup).'); // it did exist
    expect(report.cleanedUp).toBe(true);
    expect(await fetchRecords(client, 'task', [report.recordId])).toEqual([]);
  });

  it('refuses an object the workspace does not have', async () => {
    await expect(
      sendTestEvent(client, { objectName: 'noSuchObject', actions: ['created'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
