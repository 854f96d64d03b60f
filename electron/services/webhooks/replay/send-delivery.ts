import { randomBytes } from 'node:crypto';
import type { ForwardResult } from '../../../../shared/contract/webhooks';
import { signForTwenty } from '../receiver/verify-delivery';

/**
 * Sends a logged delivery to the admin's handler: live forwarding and replays. `as-recorded` keeps
 * the headers that came (the old signature verifies only within the handler's tolerance);
 * `resign` signs the body again with a fresh timestamp and nonce, as Twenty would now.
 */
export interface SendInput {
  url: string;
  headers: Record<string, string>;
  body: Buffer | string;
  signing: 'as-recorded' | 'resign';
  /** Needed to re-sign. */
  secret: string | null;
  timeoutMs?: number;
}

/** Hop-by-hop and transport headers that belong to the original connection. */
const DROPPED = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'accept-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);
const SIGNATURE_HEADERS = new Set([
  'x-twenty-webhook-timestamp',
  'x-twenty-webhook-signature',
  'x-twenty-webhook-nonce',
]);
const RESPONSE_KEPT = 4096;

export const outgoingHeaders = (input: SendInput): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (DROPPED.has(name.toLowerCase())) continue;
    if (input.signing === 'resign' && SIGNATURE_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = value;
  }
  headers['content-type'] ??= 'application/json';
  if (input.signing === 'resign' && input.secret) {
    Object.assign(headers, signForTwenty(input.secret, input.body), {
      'X-Twenty-Webhook-Nonce': randomBytes(16).toString('hex'),
    });
  }
  return headers;
};

export const sendDelivery = async (input: SendInput): Promise<ForwardResult> => {
  const at = new Date().toISOString();
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const response = await fetch(input.url, {
      method: 'POST',
      headers: outgoingHeaders(input),
      body: typeof input.body === 'string' ? input.body : new Uint8Array(input.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    return {
      url: input.url,
      status: response.status,
      durationMs: elapsed(),
      error: null,
      responseBody: text.slice(0, RESPONSE_KEPT),
      at,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message =
      (error as Error).name === 'TimeoutError'
        ? `No answer within ${Math.round((input.timeoutMs ?? 10_000) / 1000)} s`
        : cause?.code === 'ECONNREFUSED'
          ? `Nothing listens at ${input.url} (connection refused)`
          : (cause?.message ?? (error as Error).message);
    return {
      url: input.url,
      status: null,
      durationMs: elapsed(),
      error: message,
      responseBody: null,
      at,
    };
  }
};
