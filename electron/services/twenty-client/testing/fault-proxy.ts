import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP proxy on 127.0.0.1 in front of a target (our local workspace) that injects faults on
 * a schedule, so the client's retry rules are tested against real sockets and a real server:
 * - pass, delay(ms)
 * - drop-before-forward: destroy the client socket; the upstream never sees the request
 * - reset-after-forward: the upstream handles the request (the write lands), then the client
 *   socket is destroyed without a reply
 * - respond: answer with a chosen status/headers/body without forwarding (429 variants, 5xx)
 * - truncate: forward, then send the headers and half of the body and cut the connection
 * Counters tell what the upstream received.
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop-before-forward' }
  | { kind: 'reset-after-forward' }
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'truncate' };

export interface ProxiedRequest {
  method: string;
  path: string;
  body: string;
}

type Matcher = (request: ProxiedRequest) => boolean;

export interface FaultProxy {
  url: string;
  /** Queue faults, each used once by the next request that matches (default: any request). */
  schedule(faults: Fault | Fault[], match?: Matcher): void;
  /** Faults scheduled and not used yet. */
  pending(): number;
  readonly counters: {
    received: number;
    forwarded: number;
    faults: Record<Fault['kind'], number>;
    upstream: Array<{ method: string; path: string; status: number }>;
  };
  close(): Promise<void>;
}

/** The rate-limit answers Twenty gives, for `respond` faults. */
export const rateLimitFaults = {
  /** v1.x REST: 429, no Retry-After (throttler-to-rest-api-exception-handler.util.ts). */
  v1Rest: (tokens: number, windowMs: number): Fault => ({
    kind: 'respond',
    status: 429,
    body: {
      statusCode: 429,
      error: 'HttpException',
      messages: [`Limit reached (${tokens} tokens per ${windowMs} ms)`],
    },
  }),
  /** main-2026 REST: Retry-After + X-RateLimit-* + body fields (usage-limit-http.exception.ts). */
  retryAfter: (seconds: number | string, limit = 100): Fault => ({
    kind: 'respond',
    status: 429,
    headers: {
      'Retry-After': String(seconds),
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': '0',
    },
    body: {
      statusCode: 429,
      error: 'RATE_LIMITED',
      messages: [`Rate limit exceeded for apiKey: ${limit} requests per 60s.`],
    },
  }),
  /** v1.x GraphQL: HTTP 200, BAD_USER_INPUT "Limit reached (…)". */
  v1Graphql: (tokens: number, windowMs: number): Fault => ({
    kind: 'respond',
    status: 200,
    body: {
      data: null,
      errors: [
        {
          message: `Limit reached (${tokens} tokens per ${windowMs} ms)`,
          extensions: {
            code: 'BAD_USER_INPUT',
            userFriendlyMessage: 'Rate limit reached. Please try again later.',
          },
        },
      ],
    },
  }),
  /** main-2026 GraphQL: extensions.code RATE_LIMITED with retryAfterMs. */
  rateLimitedGraphql: (retryAfterMs: number): Fault => ({
    kind: 'respond',
    status: 200,
    body: {
      data: null,
      errors: [
        {
          message: 'Rate limit exceeded for apiKey: 100 requests per 60s.',
          extensions: { code: 'RATE_LIMITED', retryAfterMs, limit: 100, periodCount: 60 },
        },
      ],
    },
  }),
};

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export const startFaultProxy = async (target: string): Promise<FaultProxy> => {
  const targetUrl = new URL(target);
  const queue: Array<{ fault: Fault; match: Matcher }> = [];
  const counters: FaultProxy['counters'] = {
    received: 0,
    forwarded: 0,
    faults: {
      pass: 0,
      delay: 0,
      'drop-before-forward': 0,
      'reset-after-forward': 0,
      respond: 0,
      truncate: 0,
    },
    upstream: [],
  };
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, path: string, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      counters.forwarded += 1;
      const headers = { ...req.headers, host: targetUrl.host };
      delete headers.connection;
      const upstream = httpRequest(
        {
          hostname: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path,
          headers: { ...headers, 'content-length': String(body.length) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            counters.upstream.push({
              method: req.method ?? 'GET',
              path,
              status: response.statusCode ?? 0,
            });
            resolve({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: Buffer.concat(chunks),
            });
          });
          response.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const reply = (res: ServerResponse, upstream: Upstream) => {
    const headers = { ...upstream.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(upstream.body.length);
    res.writeHead(upstream.status, headers);
    res.end(upstream.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    counters.received += 1;
    const body = await readBody(req);
    const path = req.url ?? '/';
    const seen: ProxiedRequest = { method: req.method ?? 'GET', path, body: body.toString() };
    const index = queue.findIndex((entry) => entry.match(seen));
    const fault: Fault = index >= 0 ? queue.splice(index, 1)[0]!.fault : { kind: 'pass' };
    counters.faults[fault.kind] += 1;
    switch (fault.kind) {
      case 'drop-before-forward':
        req.socket.destroy();
        return;
      case 'respond': {
        const text =
          fault.body === undefined
            ? ''
            : typeof fault.body === 'string'
              ? fault.body
              : JSON.stringify(fault.body);
        res.writeHead(fault.status, {
          'Content-Type': 'application/json; charset=utf-8',
          ...fault.headers,
        });
        res.end(text);
        return;
      }
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        break;
      default:
        break;
    }
    const upstream = await forward(req, path, body);
    if (fault.kind === 'reset-after-forward') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'truncate') {
      const headers = { ...upstream.headers };
      delete headers['transfer-encoding'];
      headers['content-length'] = String(upstream.body.length);
      res.writeHead(upstream.status, headers);
      res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
      setImmediate(() => req.socket.destroy());
      return;
    }
    if (!res.destroyed) reply(res, upstream);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else req.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    schedule(faults, match = () => true) {
      for (const fault of Array.isArray(faults) ? faults : [faults]) queue.push({ fault, match });
    },
    pending: () => queue.length,
    counters,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
