import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreGraphql, metadataGraphql, rest } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';
import { startTestReceiver, type ReceivedRequest, type TestReceiver } from './test-receiver';

const SECRET = 'local-test-secret';

const createWebhook = async (ws: WorkspaceProcess, input: Record<string, unknown>) => {
  const created = await metadataGraphql(
    ws,
    `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id targetUrl secret } }`,
    { input },
  );
  expect(created.errors).toBeUndefined();
  return created.data!.createWebhook as { id: string; targetUrl: string; secret: string };
};

const deliveries = async (ws: WorkspaceProcess, query = '') => {
  const answer = await rest(ws, 'GET', `/atelier/webhook-deliveries${query}`);
  expect(answer.status).toBe(200);
  return answer.body.deliveries as any[];
};

/** Waits (bounded) until the delivery log holds what `ready` looks for: the log is written after the call ends. */
const waitForLog = async (
  ws: WorkspaceProcess,
  query: string,
  ready: (rows: any[]) => boolean,
  timeoutMs = 10_000,
): Promise<any[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await deliveries(ws, query);
    if (ready(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`delivery log not ready: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const body = (request: ReceivedRequest) => JSON.parse(request.rawBody);
const byEvent = (requests: ReceivedRequest[], eventName: string) =>
  requests.find((request) => body(request).eventName === eventName)!;

describe.each(testEngines())('webhook delivery (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let receiver: TestReceiver;
  let personObjectId: string;
  const webhookIds: string[] = [];

  beforeAll(async () => {
    receiver = await startTestReceiver();
    ws = await startWorkspaceProcess(engine, ['--no-demo-data']);
    const objects = await metadataGraphql(
      ws,
      '{ objects(paging: {first: 1000}) { edges { node { id nameSingular } } } }',
    );
    personObjectId = objects.data!.objects.edges.find(
      (edge: any) => edge.node.nameSingular === 'person',
    ).node.id;
  });
  afterAll(async () => {
    await ws?.dispose();
    await receiver?.close();
  });

  it('posts every record event kind with Twenty’s body, headers and signature', async () => {
    const all = await createWebhook(ws, {
      targetUrl: `${receiver.url}/all`,
      operations: ['person.*'],
      secret: SECRET,
    });
    const unsigned = await createWebhook(ws, {
      targetUrl: `${receiver.url}/unsigned`,
      operations: ['person.created'],
      secret: '',
    });
    webhookIds.push(all.id, unsigned.id);

    const created = await rest(ws, 'POST', '/rest/people', {
      name: { firstName: 'Ada', lastName: 'Lovelace' },
      jobTitle: 'Mathematician',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.createPerson.id;
    expect((await rest(ws, 'PATCH', `/rest/people/${id}`, { jobTitle: 'Analyst' })).status).toBe(
      200,
    );
    expect((await rest(ws, 'DELETE', `/rest/people/${id}?soft_delete=true`)).status).toBe(200);
    expect((await rest(ws, 'PATCH', `/rest/people/${id}/restore`)).status).toBe(200);
    expect((await rest(ws, 'DELETE', `/rest/people/${id}`)).status).toBe(200);

    const received = await receiver.waitFor(5, { path: '/all' });
    expect(received.map((r) => body(r).eventName).sort()).toEqual([
      'person.created',
      'person.deleted',
      'person.destroyed',
      'person.restored',
      'person.updated',
    ]);
    for (const request of received) {
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toBe('application/json');
      const timestamp = String(request.headers['x-twenty-webhook-timestamp']);
      expect(timestamp).toMatch(/^\d{13}$/); // milliseconds
      expect(Math.abs(Number(timestamp) - request.receivedAt)).toBeLessThan(5_000);
      expect(request.headers['x-twenty-webhook-signature']).toBe(
        createHmac('sha256', SECRET).update(`${timestamp}:${request.rawBody}`).digest('hex'),
      );
      expect(request.headers['x-twenty-webhook-nonce']).toMatch(/^[0-9a-f]{32}$/);
      const payload = body(request);
      const expectedKeys = ['targetUrl', 'eventName', 'objectMetadata', 'workspaceId', 'webhookId'];
      expectedKeys.push('eventDate', 'record');
      if ('updatedFields' in payload) expectedKeys.push('updatedFields');
      expect(Object.keys(payload)).toEqual(expectedKeys);
      expect(request.rawBody).toBe(JSON.stringify(payload)); // compact JSON, signed as sent
      expect(payload).toMatchObject({
        targetUrl: all.targetUrl,
        objectMetadata: { id: personObjectId, nameSingular: 'person' },
        webhookId: all.id,
        record: { id },
      });
      expect(Object.keys(payload.objectMetadata)).toEqual(['id', 'nameSingular']);
      expect(new Date(payload.eventDate).toISOString()).toBe(payload.eventDate);
    }
    const createdEvent = body(byEvent(received, 'person.created'));
    expect(createdEvent.record).toMatchObject({
      name: { firstName: 'Ada' },
      jobTitle: 'Mathematician',
    });
    expect(createdEvent).not.toHaveProperty('updatedFields');
    const updatedEvent = body(byEvent(received, 'person.updated'));
    expect(updatedEvent.updatedFields).toEqual(['jobTitle']);
    expect(updatedEvent.record.jobTitle).toBe('Analyst');
    const deletedEvent = body(byEvent(received, 'person.deleted'));
    expect(deletedEvent.record.deletedAt).not.toBeNull();
    expect(deletedEvent.updatedFields).toEqual(['deletedAt']);
    const restoredEvent = body(byEvent(received, 'person.restored'));
    expect(restoredEvent.record.deletedAt).toBeNull();
    expect(restoredEvent.updatedFields).toEqual(['deletedAt']);
    const destroyedEvent = body(byEvent(received, 'person.destroyed'));
    expect(destroyedEvent.record).toMatchObject({ id, jobTitle: 'Analyst' }); // before-image
    expect(destroyedEvent).not.toHaveProperty('updatedFields');

    const [plain] = await receiver.waitFor(1, { path: '/unsigned' });
    expect(body(plain!).eventName).toBe('person.created');
    expect(plain!.headers['content-type']).toBe('application/json');
    for (const header of ['timestamp', 'signature', 'nonce'])
      expect(plain!.headers).not.toHaveProperty(`x-twenty-webhook-${header}`);
    expect(receiver.on('/unsigned')).toHaveLength(1); // person.created only
  });

  it('matches operations: X.op, *.op, X.*, *.* and nothing else', async () => {
    const companies = await createWebhook(ws, {
      targetUrl: `${receiver.url}/companies-created`,
      operations: ['company.created'],
    });
    const anyCreated = await createWebhook(ws, {
      targetUrl: `${receiver.url}/any-created`,
      operations: ['*.created'],
    });
    const anyUpdate = await createWebhook(ws, {
      targetUrl: `${receiver.url}/company-any`,
      operations: ['company.*'],
    });
    webhookIds.push(companies.id, anyCreated.id, anyUpdate.id);

    const person = await rest(ws, 'POST', '/rest/people', { name: { firstName: 'Grace' } });
    const company = await rest(ws, 'POST', '/rest/companies', { name: 'Analytical Engines' });
    expect([person.status, company.status]).toEqual([201, 201]);
    const companyId = company.body.data.createCompany.id;
    await rest(ws, 'PATCH', `/rest/companies/${companyId}`, { name: 'Analytical Engines Ltd' });

    const anyCreatedReceived = await receiver.waitFor(2, { path: '/any-created' });
    expect(anyCreatedReceived.map((r) => body(r).eventName).sort()).toEqual([
      'company.created',
      'person.created',
    ]);
    const companyAny = await receiver.waitFor(2, { path: '/company-any' });
    expect(companyAny.map((r) => body(r).eventName).sort()).toEqual([
      'company.created',
      'company.updated',
    ]);
    await waitForLog(ws, `?webhookId=${companies.id}`, (rows) => rows.length >= 1);
    expect(receiver.on('/companies-created').map((r) => body(r).eventName)).toEqual([
      'company.created',
    ]);
    // An update that changes nothing emits no event (Twenty skips empty diffs).
    await rest(ws, 'PATCH', `/rest/companies/${companyId}`, { name: 'Analytical Engines Ltd' });
    await rest(ws, 'PATCH', `/rest/companies/${companyId}`, { name: 'Difference Engines' });
    const afterNoop = await receiver.waitFor(3, { path: '/company-any' });
    const updates = afterNoop.map(body).filter((event) => event.eventName === 'company.updated');
    expect(updates.map((event) => event.updatedFields)).toEqual([['name'], ['name']]);
    expect(updates.map((event) => event.record.name).sort()).toEqual([
      'Analytical Engines Ltd',
      'Difference Engines',
    ]);
  });

  it('delivers writes made through /graphql the same way', async () => {
    const tasks = await createWebhook(ws, {
      targetUrl: `${receiver.url}/tasks`,
      operations: ['task.created', 'task.updated'],
      secret: SECRET,
    });
    webhookIds.push(tasks.id);
    const created = await coreGraphql(
      ws,
      `mutation { createTask(data: { title: "Write report" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createTask.id;
    const updated = await coreGraphql(
      ws,
      `mutation($id: UUID!) { updateTask(id: $id, data: { title: "Report written" }) { id } }`,
      { id },
    );
    expect(updated.errors).toBeUndefined();
    const received = await receiver.waitFor(2, { path: '/tasks' });
    const events = received.map(body);
    expect(events.map((event) => event.eventName).sort()).toEqual(['task.created', 'task.updated']);
    expect(events.find((event) => event.eventName === 'task.updated')).toMatchObject({
      record: { id, title: 'Report written' },
      updatedFields: ['title'],
    });
    for (const request of received) {
      const timestamp = String(request.headers['x-twenty-webhook-timestamp']);
      expect(request.headers['x-twenty-webhook-signature']).toBe(
        createHmac('sha256', SECRET).update(`${timestamp}:${request.rawBody}`).digest('hex'),
      );
    }
  });

  it('never lets a dead target slow the API; the call fails after 5 s and is logged', async () => {
    const hang = await createWebhook(ws, {
      targetUrl: `${receiver.url}/hang`,
      operations: ['person.created'],
    });
    webhookIds.push(hang.id);
    const started = performance.now();
    const created = await rest(ws, 'POST', '/rest/people', { name: { firstName: 'Slow' } });
    const elapsed = performance.now() - started;
    expect(created.status).toBe(201);
    expect(elapsed).toBeLessThan(1_000); // the timeout is 5 s; the API does not wait for it

    const [arrived] = await receiver.waitFor(1, { path: '/hang' });
    const [closed] = await receiver.waitForClosed(1);
    expect(closed).toBe(arrived);
    expect(closed!.closedAt! - closed!.receivedAt).toBeGreaterThanOrEqual(4_500);

    const [failed] = await waitForLog(ws, `?webhookId=${hang.id}`, (rows) => rows.length === 1);
    expect(failed).toMatchObject({
      webhookId: hang.id,
      targetUrl: hang.targetUrl,
      eventName: 'person.created',
      statusCode: null,
      success: false,
      error: 'timeout of 5000ms exceeded',
    });
    expect(failed.durationMs).toBeGreaterThanOrEqual(4_900);
    expect(failed.durationMs).toBeLessThan(7_000);
  });

  it('logs every delivery, newest first, with the exact request sent', async () => {
    const failing = await createWebhook(ws, {
      targetUrl: `${receiver.url}/fail`,
      operations: ['note.created'],
      secret: SECRET,
    });
    const note = await rest(ws, 'POST', '/rest/notes', { title: 'Logged' });
    expect(note.status).toBe(201);
    const [sent] = await receiver.waitFor(1, { path: '/fail' });
    const [logged] = await waitForLog(ws, `?webhookId=${failing.id}`, (rows) => rows.length === 1);
    expect(logged).toMatchObject({
      eventName: 'note.created',
      statusCode: 500,
      success: false,
      error: null,
      responseBody: 'receiver failure',
      requestBody: sent!.rawBody,
    });
    expect(logged.requestHeaders).toMatchObject({
      'Content-Type': 'application/json',
      'X-Twenty-Webhook-Signature': sent!.headers['x-twenty-webhook-signature'],
      'X-Twenty-Webhook-Nonce': sent!.headers['x-twenty-webhook-nonce'],
    });

    const recent = await deliveries(ws, '?limit=3');
    expect(recent).toHaveLength(3);
    const times = recent.map((row) => row.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const everything = await deliveries(ws, '?limit=500');
    const successes = everything.filter((row) => row.success);
    expect(successes.length).toBeGreaterThanOrEqual(10);
    for (const row of successes) expect(row.statusCode).toBe(200);
    const loggedWebhooks = new Set(everything.map((row) => row.webhookId));
    for (const id of webhookIds) expect(loggedWebhooks.has(id)).toBe(true);

    const anonymous = await rest(ws, 'GET', '/atelier/webhook-deliveries', undefined, null);
    expect(anonymous.status).toBe(403);
    const badLimit = await rest(ws, 'GET', '/atelier/webhook-deliveries?limit=0');
    expect(badLimit.status).toBe(400);
  });
});
