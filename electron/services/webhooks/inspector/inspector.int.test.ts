import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliverySummary } from '../../../../shared/contract/webhooks';
import { DeliveryJournal } from '../log/delivery-journal';
import { signForTwenty } from '../receiver/verify-delivery';
import { Inspector, type ReceiverSetup } from './inspector';

const SECRET = 'a'.repeat(64);
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const folder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'atelier-inspector-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

const setup = (id: string, change: Partial<ReceiverSetup> = {}): ReceiverSetup => ({
  id,
  bind: 'loopback',
  port: null,
  pathToken: `token-${id}`,
  toleranceSeconds: 300,
  maxBodyBytes: 1024 * 1024,
  rejectInvalid: false,
  forwardTo: null,
  secrets: { current: SECRET, previous: null },
  ...change,
});

const open = async (dir: string, arrived: DeliverySummary[] = []) => {
  const inspector = await Inspector.open({ dir, onDeliveries: (list) => arrived.push(...list) });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await inspector.close();
  });
  return {
    inspector,
    close: async () => {
      closed = true;
      await inspector.close();
    },
  };
};

const twentyBody = (recordId: string, city: string) =>
  JSON.stringify({
    targetUrl: 'http://127.0.0.1/hooks/x',
    eventName: 'person.updated',
    objectMetadata: { id: '0b0b0b0b-0000-4000-8000-000000000001', nameSingular: 'person' },
    workspaceId: '0b0b0b0b-0000-4000-8000-000000000002',
    webhookId: '0b0b0b0b-0000-4000-8000-000000000003',
    eventDate: new Date().toISOString(),
    record: { id: recordId, city, name: { firstName: 'Ada', lastName: 'Lovelace' } },
    updatedFields: ['city'],
  });

const post = async (url: string, body: string | Buffer, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const ALL = {
  search: null,
  receiverId: null,
  eventName: null,
  objectName: null,
  recordId: null,
  from: null,
  to: null,
  verification: null,
};

describe('Inspector (receivers, journal, log)', () => {
  it('logs a signed delivery as valid, answers 200 once durable, and finds it by record id and by a value', async () => {
    const dir = await folder();
    const arrived: DeliverySummary[] = [];
    const { inspector } = await open(dir, arrived);
    const { url } = await inspector.startReceiver(setup('r1'));
    const recordId = '5f0c6a8e-2c1b-4c55-9a11-0f6a3b2d9e01';
    const body = twentyBody(recordId, 'Valparaíso');
    const answer = await post(url, body, {
      ...signForTwenty(SECRET, body),
      'user-agent': 'atelier-probe/1.0',
    });
    expect(answer.status).toBe(200);
    await inspector.log.idle();
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({
      verification: 'valid',
      recordId,
      eventName: 'person.updated',
    });

    const byId = await inspector.list({ ...ALL, search: recordId }, null, 10);
    expect(byId.deliveries.map((d) => d.id)).toEqual([answer.body.id]);
    const byValue = await inspector.list({ ...ALL, search: 'Valparaíso' }, null, 10);
    expect(byValue.total).toBe(1);
    expect((await inspector.list({ ...ALL, search: 'Lisbon' }, null, 10)).total).toBe(0);
    const byHeader = await inspector.list({ ...ALL, search: 'atelier-probe/1.0' }, null, 10);
    expect(byHeader.total).toBe(1);

    const detail = await inspector.get(String(answer.body.id));
    expect(detail?.bodyText).toBe(body);
    expect(detail?.updatedFields).toEqual([{ field: 'city', value: 'Valparaíso' }]);
    expect(detail?.verificationDetail.steps.every((step) => step.ok)).toBe(true);
  });

  it('flags tampered bodies, wrong secrets, stale timestamps and missing headers with their reason', async () => {
    const { inspector } = await open(await folder());
    const { url } = await inspector.startReceiver(setup('r1'));
    const body = twentyBody('5f0c6a8e-2c1b-4c55-9a11-0f6a3b2d9e02', 'Lyon');
    await post(url, body, signForTwenty(SECRET, body)); // a valid one first: the webhook is known
    const tampered = body.replace('Lyon', 'Nice');
    await post(url, tampered, signForTwenty(SECRET, body));
    // Another webhook, never verified here, signing with a secret the receiver does not have.
    const other = body.replace('000000000003', '000000000009');
    await post(url, other, signForTwenty('b'.repeat(64), other));
    await post(url, body, signForTwenty(SECRET, body, Date.now() - 3_600_000));
    const signed = signForTwenty(SECRET, body);
    await post(url, body, { 'X-Twenty-Webhook-Signature': signed['X-Twenty-Webhook-Signature'] });
    await post(url, body);
    await inspector.log.idle();
    const page = await inspector.list(ALL, null, 10);
    const reasons = page.deliveries
      .reverse()
      .map((d) => `${d.verification}: ${d.verificationReason}`);
    expect(reasons).toEqual([
      'valid: Valid signature',
      'invalid: Body changed after signing',
      "invalid: Wrong secret: the signature does not match the receiver's secret",
      'invalid: Stale timestamp (possible replay)',
      'invalid: Missing header X-Twenty-Webhook-Timestamp',
      'unsigned: Unsigned, although this receiver expects a signature: the webhook in Twenty has an empty secret',
    ]);
  });

  it('answers and logs oversized, malformed and empty bodies without falling over', async () => {
    const { inspector } = await open(await folder());
    const { url } = await inspector.startReceiver(setup('r1'));
    const big = Buffer.alloc(5 * 1024 * 1024, 'x');
    expect((await post(url, big)).status).toBe(413);
    expect((await post(url, '{"eventName": "person.created", ')).status).toBe(400);
    expect((await post(url, Buffer.from([0xff, 0xfe, 0x00, 0x41]))).status).toBe(400);
    expect((await post(url, '')).status).toBe(400);
    const body = twentyBody('5f0c6a8e-2c1b-4c55-9a11-0f6a3b2d9e03', 'Porto');
    expect((await post(url, body, signForTwenty(SECRET, body))).status).toBe(200);
    await inspector.log.idle();
    const kinds = (await inspector.list(ALL, null, 10)).deliveries
      .reverse()
      .map((d) => [d.bodyKind, d.answerStatus, d.sizeBytes]);
    expect(kinds).toEqual([
      ['too-large', 413, 5 * 1024 * 1024],
      ['not-json', 400, Buffer.byteLength('{"eventName": "person.created", ')],
      ['not-json', 400, 4],
      ['empty', 400, 0],
      ['json', 200, Buffer.byteLength(body)],
    ]);
    const binary = (await inspector.list({ ...ALL }, null, 10)).deliveries.find(
      (d) => d.sizeBytes === 4,
    )!;
    expect((await inspector.get(binary.id))?.bodyBase64).toBe(
      Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('base64'),
    );
  });

  it('keeps the log across a restart, and indexes what was only journaled before a crash', async () => {
    const dir = await folder();
    const first = await open(dir);
    const { url } = await first.inspector.startReceiver(setup('r1'));
    const body = twentyBody('5f0c6a8e-2c1b-4c55-9a11-0f6a3b2d9e04', 'Gent');
    const headers = { ...signForTwenty(SECRET, body), 'X-Twenty-Webhook-Nonce': 'cd'.repeat(16) };
    await post(url, body, headers);
    await first.close();

    // A delivery journaled but never indexed (the process died in between).
    const journal = await DeliveryJournal.open(join(dir, 'journal'));
    const orphan = JSON.parse(
      (
        await readFile(
          join(dir, 'journal', (await import('node:fs')).readdirSync(join(dir, 'journal'))[0]!),
          'utf8',
        )
      )
        .trim()
        .split('\n')[0]!,
    ) as Record<string, unknown>;
    await journal.append({ ...orphan, id: 'orphan-delivery' });
    await journal.close();

    const second = await open(dir);
    const page = await second.inspector.list(ALL, null, 10);
    expect(page.deliveries.map((d) => d.id)).toContain('orphan-delivery');
    expect(page.total).toBe(2);
    // The nonce is remembered across the restart: the same delivery again is a replay.
    const again = await second.inspector.startReceiver(setup('r1'));
    await post(again.url, body, headers);
    await second.inspector.log.idle();
    const [latest] = (await second.inspector.list(ALL, null, 1)).deliveries;
    expect(latest?.repeatedNonce).toBe(true);
  });

  it('replays to another receiver re-signed (valid there) and forwards live with the answer kept', async () => {
    const { inspector } = await open(await folder());
    const second = await inspector.startReceiver(
      setup('r2', { secrets: { current: 'c'.repeat(64), previous: null } }),
    );
    const first = await inspector.startReceiver(setup('r1', { forwardTo: second.url }));
    const body = twentyBody('5f0c6a8e-2c1b-4c55-9a11-0f6a3b2d9e05', 'Bergen');
    const answer = await post(first.url, body, signForTwenty(SECRET, body));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await inspector.log.idle();
    const forwarded = await inspector.get(String(answer.body.id));
    expect(forwarded?.forwards).toHaveLength(1);
    expect(forwarded?.forwards[0]).toMatchObject({ url: second.url, status: 200 });
    // As recorded, the r1 signature does not match r2's secret.
    const onSecond = await inspector.list({ ...ALL, receiverId: 'r2' }, null, 10);
    expect(onSecond.deliveries[0]?.verification).toBe('invalid');

    const results = await inspector.replay({
      deliveryIds: [String(answer.body.id)],
      url: second.url,
      signing: 'resign',
      secrets: {},
      overrideSecret: 'c'.repeat(64),
      body: null,
    });
    expect(results[0]).toMatchObject({ status: 200, error: null });
    await inspector.log.idle();
    const replayed = (await inspector.list({ ...ALL, receiverId: 'r2' }, null, 10)).deliveries[0]!;
    expect(replayed.verification).toBe('valid');
    expect(replayed.repeatedNonce).toBe(false);
    expect((await inspector.get(replayed.id))?.bodyText).toBe(body);
  });

  it('accepts the previous secret during a rotation and flags a repeated nonce', async () => {
    const { inspector } = await open(await folder());
    const { url } = await inspector.startReceiver(setup('r1'));
    inspector.configureReceiver('r1', { secrets: { current: 'd'.repeat(64), previous: SECRET } });
    const body = twentyBody('5f0c6a8e-2c1b-4c55-9a11-0f6a3b2d9e06', 'Oslo');
    const headers = { ...signForTwenty(SECRET, body), 'X-Twenty-Webhook-Nonce': 'ab'.repeat(16) };
    await post(url, body, headers);
    await post(url, body, headers);
    await inspector.log.idle();
    const [again, once] = (await inspector.list(ALL, null, 10)).deliveries;
    expect(once).toMatchObject({
      verification: 'valid',
      verificationReason: 'Valid with the previous secret',
      repeatedNonce: false,
    });
    expect(again).toMatchObject({ repeatedNonce: true });
  });

  it('keeps what the retention settings say: the newest N, and nothing older than the days given', async () => {
    const { inspector } = await open(await folder());
    const { url } = await inspector.startReceiver(setup('r1'));
    for (let n = 0; n < 120; n += 1) await post(url, JSON.stringify({ n }));
    await inspector.log.idle();
    const stats = await inspector.setSettings({ retentionDays: 30, maxDeliveries: 100 });
    expect(stats).toMatchObject({ deliveries: 100, settings: { maxDeliveries: 100 } });
    const oldest = (await inspector.list(ALL, null, 500)).deliveries.at(-1)!;
    expect((await inspector.get(oldest.id))?.bodyText).toBe('{"n":20}');
    // Two days on, a one-day retention empties the log.
    const deleted = await inspector.log.index.prune(
      { retentionDays: 1, maxDeliveries: 100 },
      Date.now() + 2 * 86_400_000,
    );
    expect(deleted).toBe(100);
    expect((await inspector.stats()).deliveries).toBe(0);
  });
});
