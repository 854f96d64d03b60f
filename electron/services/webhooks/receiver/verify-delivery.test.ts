import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signForTwenty, verifyDelivery, type VerifyInput } from './verify-delivery';

const SECRET = '0123456789abcdef'.repeat(4);
const BODY = '{"eventName":"person.created","record":{"id":"r1","city":"Lyon"}}';
const NOW = 1_764_000_000_000;

const mac = (secret: string | Buffer, text: string) =>
  createHmac('sha256', secret).update(text).digest('hex');

const input = (
  headers: Record<string, string>,
  change: Partial<VerifyInput> = {},
): VerifyInput => ({
  headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  rawBody: Buffer.from(BODY),
  receivedAt: NOW + 150,
  secrets: { current: SECRET, previous: null },
  toleranceSeconds: 300,
  ...change,
});

const signed = (signature: string, timestamp = String(NOW)) => ({
  'X-Twenty-Webhook-Timestamp': timestamp,
  'X-Twenty-Webhook-Signature': signature,
});

describe('verifyDelivery', () => {
  it("accepts Twenty's own signature and shows every step passing", () => {
    const result = verifyDelivery(input(signForTwenty(SECRET, BODY, NOW)));
    expect(result.status).toBe('valid');
    expect(result.steps.map((step) => [step.check, step.ok])).toEqual([
      ['headers', true],
      ['timestamp unit', true],
      ['tolerance', true],
      ['signature format', true],
      ['HMAC-SHA256', true],
    ]);
  });

  it('says what the sender got wrong when a usual mistake explains the signature', () => {
    const seconds = String(Math.floor(NOW / 1000));
    const cases: Array<[Record<string, string>, string]> = [
      [signed(mac(SECRET, `${seconds}:${BODY}`)), 'the timestamp in seconds'],
      [signed(mac(SECRET, `${NOW}.${BODY}`)), "'.' as the separator"],
      [signed(mac(SECRET, BODY)), 'the body alone'],
      [signed(mac(SECRET, `${NOW}:${JSON.stringify(BODY)}`)), 'encoded as JSON a second time'],
      [signed(mac(Buffer.from(SECRET, 'hex'), `${NOW}:${BODY}`)), 'secret decoded from hex'],
    ];
    for (const [headers, expected] of cases) {
      const result = verifyDelivery(input(headers));
      expect(result.status).toBe('invalid');
      expect(result.reason).toContain(expected);
      expect(result.steps.at(-1)).toMatchObject({ check: 'diagnosis', ok: false });
    }
  });

  it('sees a body re-serialised in transit (pretty-printed after signing)', () => {
    const headers = signForTwenty(SECRET, BODY, NOW);
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const result = verifyDelivery(input(headers, { rawBody: Buffer.from(pretty) }));
    expect(result.reason).toContain('changed in transit');
  });

  it('flags a seconds timestamp even when the signature matches it', () => {
    const seconds = String(Math.floor(NOW / 1000));
    const result = verifyDelivery(input(signed(mac(SECRET, `${seconds}:${BODY}`), seconds)));
    expect(result).toMatchObject({
      status: 'invalid',
      reason: 'Timestamp in seconds, Twenty sends milliseconds',
    });
  });

  it('tells a future timestamp from a stale one', () => {
    const future = verifyDelivery(input(signForTwenty(SECRET, BODY, NOW + 3_600_000)));
    expect(future.reason).toBe('Timestamp in the future');
  });

  it('knows a receiver without secret from an unsigned delivery', () => {
    const noSecret = verifyDelivery(
      input(signForTwenty(SECRET, BODY, NOW), { secrets: { current: null, previous: null } }),
    );
    expect(noSecret.status).toBe('no-secret');
    const unsigned = verifyDelivery(input({}, { secrets: { current: null, previous: null } }));
    expect(unsigned).toMatchObject({
      status: 'unsigned',
      reason: 'Unsigned: the webhook has no secret',
    });
  });

  it('refuses a malformed signature; an uppercase one is compared by value', () => {
    const short = verifyDelivery(input(signed('abc')));
    expect(short.steps.find((step) => step.check === 'signature format')?.ok).toBe(false);
    expect(short.status).toBe('invalid');
    const upper = signForTwenty(SECRET, BODY, NOW);
    const result = verifyDelivery(
      input({
        ...upper,
        'X-Twenty-Webhook-Signature': upper['X-Twenty-Webhook-Signature'].toUpperCase(),
      }),
    );
    expect(result.status).toBe('valid');
    expect(result.steps.find((step) => step.check === 'signature format')?.detail).toContain(
      'capitals',
    );
  });
});
