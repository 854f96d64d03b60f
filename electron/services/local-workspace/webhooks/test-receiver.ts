import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test fixture: a real HTTP receiver on 127.0.0.1 (random port) that records every request with
 * its raw body. Paths choose the answer: `/hang…` never answers, `/fail…` answers 500, anything
 * else 200. `waitFor(n)` resolves when n requests arrived (bounded), `waitForClosed(n)` when n
 * hanging requests were given up by the client.
 */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  receivedAt: number;
  /** For `/hang` requests: when the client closed the connection. */
  closedAt?: number;
}

export interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  on(path: string): ReceivedRequest[];
  waitFor(
    count: number,
    options?: { path?: string; timeoutMs?: number },
  ): Promise<ReceivedRequest[]>;
  waitForClosed(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export const startTestReceiver = async (): Promise<TestReceiver> => {
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();
  const notify = () => waiters.forEach((check) => check());
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '/',
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(entry);
      if (entry.path.startsWith('/hang')) {
        hanging.add(res);
        res.on('close', () => {
          hanging.delete(res);
          entry.closedAt = Date.now();
          notify();
        });
      } else if (entry.path.startsWith('/fail')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('receiver failure');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      }
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitUntil = <T>(
    check: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      const tryNow = () => {
        const result = check();
        if (result === undefined) return;
        waiters.delete(tryNow);
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        waiters.delete(tryNow);
        reject(new Error(`test receiver: ${describe()} after ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(tryNow);
      tryNow();
    });

  const on = (path: string) => requests.filter((request) => request.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on,
    waitFor(count, { path, timeoutMs = 10_000 } = {}) {
      const matching = () => (path === undefined ? requests : on(path));
      return waitUntil(
        () => (matching().length >= count ? matching() : undefined),
        timeoutMs,
        () => `expected ${count} request(s)${path ? ` on ${path}` : ''}, got ${matching().length}`,
      );
    },
    waitForClosed(count, timeoutMs = 15_000) {
      const closed = () => requests.filter((request) => request.closedAt !== undefined);
      return waitUntil(
        () => (closed().length >= count ? closed() : undefined),
        timeoutMs,
        () => `expected ${count} closed hanging request(s), got ${closed().length}`,
      );
    },
    async close() {
      hanging.forEach((res) => res.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
