import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BodyKind, Verification } from '../../../../shared/contract/webhooks';
import type { StoredDelivery } from '../log/stored-delivery';
import { twentyFields } from '../log/stored-delivery';
import { verifyDelivery, type VerifySecrets } from './verify-delivery';

/**
 * One receiver: an HTTP server that takes POSTs on `/hooks/<pathToken>`, keeps the raw bytes,
 * checks the signature, hands the delivery to the log and answers only once it is durable.
 * Nothing a sender does can crash it: oversized bodies are drained and answered 413, bodies that
 * are not JSON 400, unknown paths 404 (not logged).
 */
export interface ReceiverRuntimeConfig {
  id: string;
  bind: 'loopback' | 'all';
  port: number | null;
  pathToken: string;
  toleranceSeconds: number;
  maxBodyBytes: number;
  rejectInvalid: boolean;
}

export interface ReceiverDeps {
  secrets: () => VerifySecrets;
  /** Durable once resolved. */
  record: (delivery: Omit<StoredDelivery, 'seq' | 'type'>) => Promise<StoredDelivery>;
  /** A nonce seen before within the tolerance window (and remembers this one). */
  seenNonce: (nonce: string, at: number) => boolean;
  /** Whether a delivery of this webhook verified on this receiver before (and remembers valid ones). */
  verifiedBefore: (webhookId: string) => boolean;
  markVerified: (webhookId: string) => void;
  /** After the answer: live forwarding. */
  afterAnswer?: (delivery: StoredDelivery, rawBody: Buffer) => void;
}

export interface RunningReceiver {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Bytes of an oversized body kept for the log. */
const KEPT_OF_OVERSIZED = 64 * 1024;

const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json', Connection: 'keep-alive' });
  res.end(JSON.stringify(body));
};

const flatHeaders = (req: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index]!.toLowerCase();
    const value = req.rawHeaders[index + 1]!;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
};

const decodeUtf8 = new TextDecoder('utf-8', { fatal: true });

const classify = (
  raw: Buffer,
  tooLarge: boolean,
): { kind: BodyKind; text: string | null; payload: unknown } => {
  let text: string | null;
  try {
    text = decodeUtf8.decode(raw);
  } catch {
    text = null;
  }
  if (tooLarge) return { kind: 'too-large', text, payload: undefined };
  if (raw.length === 0) return { kind: 'empty', text: '', payload: undefined };
  if (text === null) return { kind: 'not-json', text, payload: undefined };
  try {
    const payload = JSON.parse(text) as unknown;
    return payload !== null && typeof payload === 'object'
      ? { kind: 'json', text, payload }
      : { kind: 'not-json', text, payload: undefined };
  } catch {
    return { kind: 'not-json', text, payload: undefined };
  }
};

export const startReceiverServer = async (
  config: ReceiverRuntimeConfig,
  deps: ReceiverDeps,
): Promise<RunningReceiver> => {
  const path = `/hooks/${config.pathToken}`;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = Date.now();
    const started = performance.now();
    const url = req.url ?? '/';
    const pathname = url.split('?')[0]!.replace(/\/+$/, '');
    if (pathname !== path) {
      req.resume();
      answer(res, 404, {
        error: 'Not found: deliveries go to this receiver’s /hooks/<token> path',
      });
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      req.resume();
      answer(res, 200, { receiver: 'Atelier webhook receiver', accepts: 'POST' });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      answer(res, 405, { error: `Method ${req.method} not allowed: Twenty POSTs deliveries` });
      return;
    }

    // Keeps at most maxBodyBytes (+ one chunk); the rest of an oversized body is only counted.
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < config.maxBodyBytes) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const tooLarge = size > config.maxBodyBytes;
      const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const raw = tooLarge ? whole.subarray(0, KEPT_OF_OVERSIZED) : whole;
      const headers = flatHeaders(req);
      const body = classify(raw, tooLarge);
      const fields = twentyFields(body.payload);
      const nonce = headers['x-twenty-webhook-nonce'] ?? null;
      const verification: Verification = tooLarge
        ? {
            status: 'invalid',
            reason: `Body over the receiver's limit (${size} > ${config.maxBodyBytes} bytes): not verified`,
            steps: [
              {
                check: 'size',
                ok: false,
                detail: `The body has ${size} bytes; this receiver keeps at most ${config.maxBodyBytes} (only the first ${KEPT_OF_OVERSIZED} are logged).`,
              },
            ],
          }
        : verifyDelivery({
            headers,
            rawBody: raw,
            receivedAt,
            secrets: deps.secrets(),
            toleranceSeconds: config.toleranceSeconds,
            webhookVerifiedBefore: fields.webhookId ? deps.verifiedBefore(fields.webhookId) : false,
          });
      if (verification.status === 'valid' && fields.webhookId) deps.markVerified(fields.webhookId);
      const repeatedNonce = nonce !== null && deps.seenNonce(nonce, receivedAt);

      const [status, message]: [number, Record<string, unknown>] = tooLarge
        ? [
            413,
            {
              error: `Body too large: ${size} bytes, this receiver accepts ${config.maxBodyBytes}`,
            },
          ]
        : body.kind === 'empty'
          ? [400, { error: 'Empty body: Twenty sends a JSON object' }]
          : body.kind === 'not-json'
            ? [400, { error: 'The body is not a JSON object' }]
            : config.rejectInvalid && verification.status !== 'valid'
              ? [401, { error: verification.reason }]
              : [200, { received: true }];
      const id = randomUUID();
      const delivery: Omit<StoredDelivery, 'seq' | 'type'> = {
        id,
        receiverId: config.id,
        receivedAt,
        method: req.method ?? 'POST',
        path: url,
        remoteAddress: req.socket.remoteAddress ?? null,
        headers,
        bodyText: body.text,
        bodyBase64: body.text === null ? raw.toString('base64') : null,
        bodyTruncated: tooLarge,
        sizeBytes: size,
        bodyKind: body.kind,
        answerStatus: status,
        answerMs: 0,
        verification,
        nonce,
        repeatedNonce,
        ...fields,
      };
      deps
        .record({ ...delivery, answerMs: Math.round((performance.now() - started) * 100) / 100 })
        .then(
          (stored) => {
            answer(res, status, { ...message, id });
            if (status < 400 || status === 401) deps.afterAnswer?.(stored, raw);
          },
          () => answer(res, 503, { error: 'The delivery could not be stored; send it again' }),
        );
    });
  };

  const server: Server = createServer({ keepAliveTimeout: 10_000 }, handle);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const host = config.bind === 'all' ? '0.0.0.0' : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
