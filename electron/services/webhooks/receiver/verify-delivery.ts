import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Verification, VerificationStep } from '../../../../shared/contract/webhooks';

/**
 * Checks one delivery as Twenty signs it (call-webhook.job.ts): `X-Twenty-Webhook-Signature` is the
 * lowercase hex HMAC-SHA256, keyed by the secret's UTF-8 bytes, of `<X-Twenty-Webhook-Timestamp>:`
 * followed by the body exactly as sent; the timestamp is Date.now() in milliseconds. Twenty itself
 * enforces no window, so the tolerance is ours (replay protection). Everything runs on the raw
 * bytes: a body re-serialised after parsing would not verify.
 */
export interface VerifySecrets {
  current: string | null;
  /** During a rotation: still accepted. */
  previous: string | null;
}

export interface VerifyInput {
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  receivedAt: number;
  secrets: VerifySecrets;
  toleranceSeconds: number;
  /**
   * Whether an earlier delivery of the same webhook verified with these secrets: then a mismatch
   * means the body changed after signing rather than a wrong secret.
   */
  webhookVerifiedBefore?: boolean;
}

const TIMESTAMP = 'x-twenty-webhook-timestamp';
const SIGNATURE = 'x-twenty-webhook-signature';
const HEX64 = /^[0-9a-f]{64}$/;

const hmac = (secret: string | Buffer, parts: Array<string | Buffer>): Buffer => {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

const describeAge = (ms: number): string => {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
};

/**
 * The ways a sender commonly gets Twenty's scheme wrong, tried when the signature does not match,
 * so the detail view can say what the sender actually signed.
 */
const diagnoses = (
  secret: string,
  timestamp: string,
  rawBody: Buffer,
): Array<{ what: string; mac: () => Buffer }> => {
  const text = rawBody.toString('utf8');
  const out: Array<{ what: string; mac: () => Buffer }> = [];
  if (/^\d{13}$/.test(timestamp)) {
    const seconds = String(Math.floor(Number(timestamp) / 1000));
    out.push({
      what: `the timestamp in seconds (${seconds}) instead of milliseconds`,
      mac: () => hmac(secret, [`${seconds}:`, rawBody]),
    });
  }
  if (/^\d{10}$/.test(timestamp)) {
    out.push({
      what: 'a timestamp in seconds: Twenty sends milliseconds (13 digits)',
      mac: () => hmac(secret, [`${timestamp}:`, rawBody]),
    });
  }
  out.push(
    {
      what: "'.' as the separator instead of ':'",
      mac: () => hmac(secret, [`${timestamp}.`, rawBody]),
    },
    { what: 'the body alone, without the timestamp', mac: () => hmac(secret, [rawBody]) },
  );
  try {
    const reserialised = JSON.stringify(JSON.parse(text));
    if (reserialised !== text) {
      out.push({
        what: 'the body before it was changed in transit (whitespace or key order differ from what was signed)',
        mac: () => hmac(secret, [`${timestamp}:`, reserialised]),
      });
    }
    out.push({
      what: 'the body encoded as JSON a second time (a JSON string of the body)',
      mac: () => hmac(secret, [`${timestamp}:`, JSON.stringify(text)]),
    });
  } catch {
    // not JSON: nothing to re-serialise
  }
  if (/^[0-9a-f]+$/i.test(secret) && secret.length % 2 === 0) {
    out.push({
      what: 'the secret decoded from hex (Twenty uses the secret text as it is)',
      mac: () => hmac(Buffer.from(secret, 'hex'), [`${timestamp}:`, rawBody]),
    });
  }
  return out;
};

export const verifyDelivery = (input: VerifyInput): Verification => {
  const steps: VerificationStep[] = [];
  const timestamp = input.headers[TIMESTAMP]?.trim();
  const signatureText = input.headers[SIGNATURE]?.trim();
  const { current, previous } = input.secrets;

  if (timestamp === undefined && signatureText === undefined) {
    steps.push({
      check: 'headers',
      ok: false,
      detail:
        'No X-Twenty-Webhook-Signature and no X-Twenty-Webhook-Timestamp: Twenty sends them only when the webhook has a secret.',
    });
    return {
      status: 'unsigned',
      reason: current
        ? 'Unsigned, although this receiver expects a signature: the webhook in Twenty has an empty secret'
        : 'Unsigned: the webhook has no secret',
      steps,
    };
  }
  if (timestamp === undefined || signatureText === undefined) {
    const missing =
      timestamp === undefined ? 'X-Twenty-Webhook-Timestamp' : 'X-Twenty-Webhook-Signature';
    steps.push({ check: 'headers', ok: false, detail: `${missing} is missing.` });
    return { status: 'invalid', reason: `Missing header ${missing}`, steps };
  }
  steps.push({
    check: 'headers',
    ok: true,
    detail: 'X-Twenty-Webhook-Timestamp and X-Twenty-Webhook-Signature are present.',
  });

  if (!current && !previous) {
    steps.push({
      check: 'secret',
      ok: false,
      detail: 'This receiver has no secret to verify with: set the webhook secret on the receiver.',
    });
    return {
      status: 'no-secret',
      reason: 'Signed, but the receiver has no secret to check it',
      steps,
    };
  }

  const failures: string[] = [];
  if (!/^\d+$/.test(timestamp)) {
    steps.push({
      check: 'timestamp',
      ok: false,
      detail: `"${timestamp}" is not a number of milliseconds.`,
    });
    failures.push('Timestamp is not a number');
  } else {
    const value = Number(timestamp);
    const seconds = timestamp.length <= 10;
    const sentAt = seconds ? value * 1000 : value;
    steps.push({
      check: 'timestamp unit',
      ok: !seconds,
      detail: seconds
        ? `${timestamp} looks like seconds; Twenty sends milliseconds since 1970 (13 digits).`
        : `${timestamp} ms = ${new Date(sentAt).toISOString()}.`,
    });
    if (seconds) failures.push('Timestamp in seconds, Twenty sends milliseconds');
    const age = input.receivedAt - sentAt;
    const withinTolerance = Math.abs(age) <= input.toleranceSeconds * 1000;
    steps.push({
      check: 'tolerance',
      ok: withinTolerance,
      detail: withinTolerance
        ? `Sent ${describeAge(age)} before it arrived (tolerance ${input.toleranceSeconds} s).`
        : age > 0
          ? `Sent ${describeAge(age)} before it arrived, beyond the ${input.toleranceSeconds} s tolerance: a stale or replayed delivery.`
          : `Dated ${describeAge(age)} in the future, beyond the ${input.toleranceSeconds} s tolerance: the sender's clock is off.`,
    });
    if (!withinTolerance)
      failures.push(age > 0 ? 'Stale timestamp (possible replay)' : 'Timestamp in the future');
  }

  const signatureOk = HEX64.test(signatureText.toLowerCase());
  const upper = /[A-F]/.test(signatureText);
  steps.push({
    check: 'signature format',
    ok: signatureOk,
    detail: !signatureOk
      ? `Expected 64 hex characters (HMAC-SHA256), got ${signatureText.length} characters.`
      : upper
        ? '64 hex characters, in capitals (Twenty sends lowercase; compared by value).'
        : '64 lowercase hex characters (HMAC-SHA256).',
  });
  if (!signatureOk) failures.push('Signature is not 64 hex characters');
  const signature = Buffer.from(signatureText.toLowerCase(), 'hex');

  const candidates = [
    { name: 'the current secret', secret: current },
    { name: 'the previous secret (rotation)', secret: previous },
  ].filter((candidate): candidate is { name: string; secret: string } => Boolean(candidate.secret));
  const matched = candidates.find((candidate) =>
    sameBytes(hmac(candidate.secret, [`${timestamp}:`, input.rawBody]), signature),
  );
  steps.push({
    check: 'HMAC-SHA256',
    ok: Boolean(matched),
    detail: matched
      ? `HMAC-SHA256 of "<timestamp>:" + the ${input.rawBody.length} raw body bytes with ${matched.name} matches.`
      : `HMAC-SHA256 of "<timestamp>:" + the ${input.rawBody.length} raw body bytes matches neither ${candidates.map((c) => c.name).join(' nor ')}.`,
  });

  if (!matched) {
    let explained = false;
    for (const candidate of candidates) {
      const found = diagnoses(candidate.secret, timestamp, input.rawBody).find((diagnosis) =>
        sameBytes(diagnosis.mac(), signature),
      );
      if (found) {
        steps.push({
          check: 'diagnosis',
          ok: false,
          detail: `The signature matches ${found.what}, with ${candidate.name}.`,
        });
        failures.unshift(`Signed over ${found.what}`);
        explained = true;
        break;
      }
    }
    if (!explained) {
      const tampered = input.webhookVerifiedBefore === true;
      steps.push({
        check: 'diagnosis',
        ok: false,
        detail: tampered
          ? 'Earlier deliveries of this webhook verify with this secret, so this body was changed after it was signed.'
          : 'No usual mistake explains it and no delivery of this webhook has verified with this secret: the webhook in Twenty has another secret (or the body was changed after signing).',
      });
      failures.unshift(
        tampered
          ? 'Body changed after signing'
          : "Wrong secret: the signature does not match the receiver's secret",
      );
    }
    return { status: 'invalid', reason: failures[0]!, steps };
  }
  if (failures.length > 0) return { status: 'invalid', reason: failures[0]!, steps };
  return {
    status: 'valid',
    reason:
      matched.name === 'the current secret' ? 'Valid signature' : 'Valid with the previous secret',
    steps,
  };
};

/** Twenty's headers for a body signed now (replay re-signing). */
export const signForTwenty = (secret: string, body: Buffer | string, now = Date.now()) => {
  const timestamp = String(now);
  return {
    'X-Twenty-Webhook-Timestamp': timestamp,
    'X-Twenty-Webhook-Signature': hmac(secret, [`${timestamp}:`, body]).toString('hex'),
  };
};
