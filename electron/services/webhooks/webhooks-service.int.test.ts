import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliverySummary, Receiver } from '../../../shared/contract/webhooks';
import { createOsKeychain } from '../../platform/keychain';
import type { Services } from '../create-services';
import { createTestServices } from '../testing/test-services';

// The inspector end to end through the contract: the local workspace delivers real, signed
// webhooks to a receiver the app started; they are logged, verified, searchable, kept across a
// restart of the app, and a secret rotation reaches the webhook in the workspace.
describe('webhook inspector over the contract', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  let services: Services;
  const arrived: DeliverySummary[] = [];
  const call = async (method: string, input: unknown = {}): Promise<any> => {
    const result = await services.dispatcher.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
  const start = async () => {
    services = createTestServices(dataDir, keychain);
    services.events.listen((event, payload) => {
      if (event === 'webhooks.onDeliveries') {
        arrived.push(...(payload as { deliveries: DeliverySummary[] }).deliveries);
      }
    });
    await services.localReady;
  };
  const waitFor = async (check: () => boolean, what: string, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  let receiver: Receiver;
  let recordId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-webhooks-'));
    await start();
  });
  afterAll(async () => {
    await services?.stop();
    await keychain.delete('local-workspace');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('logs every record event the local workspace sends, each with a valid signature', async () => {
    const created = await call('webhooks.createReceiver', { name: 'Local handler' });
    receiver = created.receiver;
    expect(receiver).toMatchObject({ state: 'running', hasSecret: true, bind: 'loopback' });
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/[\w-]+$/);
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);

    const advice = await call('webhooks.targetAdvice', {
      connectionId: 'local',
      target: { kind: 'receiver', receiverId: receiver.id },
    });
    expect(advice).toMatchObject({ level: 'ok', url: receiver.url });
    const saved = await call('webhooks.createWebhook', {
      connectionId: 'local',
      target: { kind: 'receiver', receiverId: receiver.id },
      operations: ['*.*'],
      description: 'Atelier inspector',
    });
    expect(saved.secret).toBe(created.secret);
    const listed = await call('webhooks.listWebhooks', { connectionId: 'local' });
    expect(listed).toEqual([
      expect.objectContaining({ id: saved.webhook.id, receiverId: receiver.id, signed: true }),
    ]);

    const client = await services.workspaces.client('local');
    const company = await client.rest.create<{ id: string }>('companies', {
      name: 'Inspector Öresund AB',
    });
    recordId = company.id;
    await client.rest.update('companies', recordId, { name: 'Inspector Öresund Group' });
    await client.rest.delete('companies', recordId, { soft: true });
    await client.rest.restore('companies', recordId);
    await client.rest.delete('companies', recordId, { soft: false });

    await waitFor(() => arrived.filter((d) => d.recordId === recordId).length >= 5, '5 events');
    const events = arrived.filter((d) => d.recordId === recordId);
    expect(events.map((d) => d.eventName).sort()).toEqual(
      [
        'company.created',
        'company.deleted',
        'company.destroyed',
        'company.restored',
        'company.updated',
      ].sort(),
    );
    expect(events.every((d) => d.verification === 'valid' && d.answerStatus === 200)).toBe(true);
    expect(events.every((d) => d.receiverId === receiver.id && d.objectName === 'company')).toBe(
      true,
    );

    const detail = await call('webhooks.getDelivery', {
      id: events.find((d) => d.eventName === 'company.updated')!.id,
    });
    expect(detail.updatedFields).toEqual([{ field: 'name', value: 'Inspector Öresund Group' }]);
    expect(detail.headers['x-twenty-webhook-signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds deliveries by record id, by a value inside the payload, and by filters', async () => {
    const byId = await call('webhooks.listDeliveries', { search: recordId });
    expect(byId.total).toBe(5);
    const byValue = await call('webhooks.listDeliveries', { search: 'Öresund Group' });
    expect(byValue.deliveries.map((d: DeliverySummary) => d.eventName)).toContain(
      'company.updated',
    );
    const created = await call('webhooks.listDeliveries', {
      eventName: 'company.created',
      verification: ['valid'],
    });
    expect(created.deliveries.map((d: DeliverySummary) => d.recordId)).toEqual([recordId]);
    const none = await call('webhooks.listDeliveries', { verification: ['invalid'] });
    expect(none.total).toBe(0);
  });

  it('exports the log as JSON lines', async () => {
    const file = await call('webhooks.exportDeliveries', { recordId });
    expect(file.count).toBe(5);
    const lines = (file.text as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.payload.record.id)).toEqual(Array(5).fill(recordId));
    expect(lines[0].verification.status).toBe('valid');
  });

  it('keeps the log and restarts the receiver on the same address after the app restarts', async () => {
    await services.stop();
    await start();
    const receivers: Receiver[] = await call('webhooks.listReceivers');
    const again = receivers.find((r) => r.id === receiver.id)!;
    expect(again).toMatchObject({ state: 'running', url: receiver.url });
    const kept = await call('webhooks.listDeliveries', { search: recordId });
    expect(kept.total).toBe(5);
  });

  it('rotates the secret: the webhook in the workspace gets the new one and deliveries stay valid', async () => {
    const rotated = await call('webhooks.rotateReceiverSecret', {
      id: receiver.id,
      keepPreviousMinutes: 5,
    });
    expect(rotated.webhooksUpdated).toBe(1);
    expect(rotated.problems).toEqual([]);
    expect(rotated.receiver.previousSecretUntil).not.toBeNull();
    const client = await services.workspaces.client('local');
    const company = await client.rest.create<{ id: string }>('companies', {
      name: 'After rotation',
    });
    await waitFor(() => arrived.some((d) => d.recordId === company.id), 'the new event');
    const delivery = arrived.find((d) => d.recordId === company.id)!;
    expect(delivery).toMatchObject({
      verification: 'valid',
      verificationReason: 'Valid signature',
    });
  });

  it('replays a delivery to another receiver re-signed with its secret, and it verifies there', async () => {
    const second = (await call('webhooks.createReceiver', { name: 'Replay target' })).receiver;
    const original = arrived.find((d) => d.eventName === 'company.created')!;
    const { results } = await call('webhooks.replay', {
      deliveryIds: [original.id],
      url: second.url,
      signing: 'resign',
      secretFrom: second.id,
    });
    expect(results).toEqual([expect.objectContaining({ status: 200, error: null })]);
    await waitFor(() => arrived.some((d) => d.receiverId === second.id), 'the replay');
    const replayed = arrived.find((d) => d.receiverId === second.id)!;
    expect(replayed).toMatchObject({ verification: 'valid', recordId: original.recordId });
  });

  it('sends test events: a record created, updated, deleted and destroyed, each delivery arriving', async () => {
    const report = await call('webhooks.sendTestEvent', { connectionId: 'local' });
    expect(report.cleanedUp).toBe(true);
    expect(report.steps.every((step: { ok: boolean }) => step.ok)).toBe(true);
    await waitFor(
      () => arrived.filter((d) => d.recordId === report.recordId).length >= 4,
      'the test events',
    );
    const names = arrived.filter((d) => d.recordId === report.recordId).map((d) => d.eventName);
    expect(new Set(names)).toEqual(
      new Set(['company.created', 'company.updated', 'company.deleted', 'company.destroyed']),
    );
  });

  it('lists the events that never came while the receiver was down', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    await call('webhooks.stopReceiver', { id: receiver.id });
    const client = await services.workspaces.client('local');
    const lost = await client.rest.create<{ id: string }>('companies', { name: 'Never delivered' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await call('webhooks.startReceiver', { id: receiver.id });
    const seen = await client.rest.create<{ id: string }>('companies', { name: 'Delivered' });
    await waitFor(() => arrived.some((d) => d.recordId === seen.id), 'the delivered event');
    const report = await call('webhooks.findGaps', {
      connectionId: 'local',
      receiverId: receiver.id,
      from,
      to: new Date(Date.now() + 1000).toISOString(),
      objects: ['company'],
    });
    expect(report.missing).toEqual([
      expect.objectContaining({ objectName: 'company', recordId: lost.id, action: 'created' }),
    ]);
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    const fetched = await call('webhooks.fetchRecords', {
      connectionId: 'local',
      objectName: 'company',
      recordIds: [lost.id],
    });
    expect(fetched.records[0]).toMatchObject({ id: lost.id, name: 'Never delivered' });
  });

  it('says plainly when a remote Twenty cannot reach a local receiver, and registers it only when acknowledged', async () => {
    const local = await services.workspaces.client('local');
    const remote = await call('workspaces.addConnection', {
      name: 'Self-hosted (this machine)',
      baseUrl: local.baseUrl,
      apiKey: await keychain.get('local-workspace'),
    });
    const target = { kind: 'receiver', receiverId: receiver.id };
    const advice = await call('webhooks.targetAdvice', { connectionId: remote.id, target });
    expect(advice.level).toBe('warning');
    expect(advice.message).toContain('OUTBOUND_HTTP_SAFE_MODE_ENABLED');
    expect(advice.remedies.join(' ')).toMatch(/tunnel/);
    await expect(
      call('webhooks.createWebhook', { connectionId: remote.id, target, operations: ['person.*'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { needsConfirmation: true } });
    const saved = await call('webhooks.createWebhook', {
      connectionId: remote.id,
      target,
      operations: ['person.*'],
      acknowledgeAdvice: true,
    });
    expect(saved.webhook).toMatchObject({ receiverId: receiver.id, targetUrl: receiver.url });
    await call('webhooks.deleteWebhook', { connectionId: remote.id, id: saved.webhook.id });

    // With a tunnel's address as the receiver's public URL, that is what gets registered.
    await call('webhooks.updateReceiver', {
      id: receiver.id,
      publicUrl: 'https://hooks.example.com',
    });
    const viaTunnel = await call('webhooks.targetAdvice', { connectionId: remote.id, target });
    expect(viaTunnel).toMatchObject({
      level: 'ok',
      url: `https://hooks.example.com/hooks/${receiver.pathToken}`,
    });
  });
});
