import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../shared/errors/app-error';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { idFilter } from './record-api';
import type { ClientEvent } from './request-executor';
import { closedPort } from './testing/closed-port';
import { startFaultProxy, rateLimitFaults, type FaultProxy } from './testing/fault-proxy';
import { createTwentyClient, type TwentyClient, type TwentyClientOptions } from './twenty-client';

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

const isGet = (r: { method: string }) => r.method === 'GET';
const isBatch = (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path.startsWith('/rest/batch/');

describe('Twenty client against the local workspace through a fault proxy', () => {
  let ws: WorkspaceProcess;
  let proxy: FaultProxy;
  const clients: TwentyClient[] = [];
  const client = (options: Partial<TwentyClientOptions> = {}) => {
    const created = createTwentyClient({
      baseUrl: proxy.url,
      apiKey: ws.apiKey,
      rateLimit: null,
      retries: 4,
      retryMinDelayMs: 10,
      retryMaxDelayMs: 50,
      timeoutMs: 5_000,
      ...options,
    });
    clients.push(created);
    return created;
  };
  const countByIds = async (ids: string[]) =>
    (
      await client({ baseUrl: ws.url }).rest.list('companies', {
        filter: idFilter(ids),
        limit: 200,
      })
    ).totalCount;

  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
    proxy = await startFaultProxy(ws.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await ws?.dispose();
  });
  // A fresh proxy (and fresh counters) per test.
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await proxy.close();
    proxy = await startFaultProxy(ws.url);
  });

  it('retries GETs through 5xx, a dropped request, a timeout and a truncated body', async () => {
    proxy.schedule(
      [
        { kind: 'respond', status: 503, body: { statusCode: 503, messages: ['down'] } },
        { kind: 'drop-before-forward' },
        { kind: 'delay', ms: 3000 },
        { kind: 'truncate' },
      ],
      isGet,
    );
    const events: ClientEvent[] = [];
    // A timeout generous enough for a loaded machine's answers, far below the delay.
    const page = await client({ timeoutMs: 1500, onEvent: (e) => events.push(e) }).rest.list(
      'companies',
      { limit: 1 },
    );
    expect(page.records).toEqual([]);
    expect(page.totalCount).toBe(0);
    expect(proxy.pending()).toBe(0);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e as any).errorCode)).toEqual([
      'SERVER',
      'NETWORK',
      'TIMEOUT',
      'NETWORK',
    ]);
    expect(JSON.stringify(events)).not.toContain(ws.apiKey);
  });

  it('never duplicates nor loses a batch create whose answer was lost after it landed', async () => {
    proxy.schedule({ kind: 'reset-after-forward' }, isBatch);
    const marker = randomUUID();
    const created = await client().rest.createMany(
      'companies',
      Array.from({ length: 10 }, (_, i) => ({ name: `${marker}-${i}` })),
    );
    expect(created).toHaveLength(10);
    const ids = created.map((record) => record.id as string);
    expect(new Set(ids).size).toBe(10);
    expect(await countByIds(ids)).toBe(10);
    const batches = proxy.counters.upstream.filter(isBatch);
    expect(batches.map((b) => b.path)).toEqual([
      '/rest/batch/companies',
      '/rest/batch/companies?upsert=true',
    ]);
    expect(batches.map((b) => b.status)).toEqual([201, 201]);
  });

  it('does not repeat a plain create after a reset: NETWORK error, one record', async () => {
    proxy.schedule({ kind: 'reset-after-forward' }, (r) => r.method === 'POST');
    const name = `plain-${randomUUID()}`;
    const error = await failure(client().rest.create('companies', { name }));
    expect(error.code).toBe('NETWORK');
    expect(error.details).toMatchObject({ notSent: false, method: 'POST' });
    expect(proxy.counters.upstream.filter((r) => r.method === 'POST')).toHaveLength(1);
    const found = await client({ baseUrl: ws.url }).rest.list('companies', {
      filter: `name[eq]:"${name}"`,
    });
    expect(found.totalCount).toBe(1);
  });

  it('repeats a create that certainly never left (connection refused)', async () => {
    const events: ClientEvent[] = [];
    const error = await failure(
      createTwentyClient({
        baseUrl: `http://127.0.0.1:${await closedPort()}`,
        onEvent: (e) => events.push(e),
        apiKey: 'k',
        rateLimit: null,
        retries: 2,
        retryMinDelayMs: 5,
      }).rest.create('companies', { name: 'x' }),
    );
    expect(error.code).toBe('NETWORK');
    expect(error.toJSON()).toMatchObject({ details: { notSent: true, networkKind: 'REFUSED' } });
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it.each([
    ['v1.x REST 429 without Retry-After', rateLimitFaults.v1Rest(5, 500), 'rest', 450],
    ['REST 429 with Retry-After: 1', rateLimitFaults.retryAfter(1), 'rest', 950],
    [
      'v1.x GraphQL BAD_USER_INPUT "Limit reached"',
      rateLimitFaults.v1Graphql(5, 400),
      'graphql',
      350,
    ],
    [
      'GraphQL RATE_LIMITED with retryAfterMs',
      rateLimitFaults.rateLimitedGraphql(300),
      'graphql',
      250,
    ],
  ] as const)('honours %s, then succeeds', async (_name, fault, api, minWaitMs) => {
    proxy.schedule(fault);
    const events: ClientEvent[] = [];
    const c = client({ onEvent: (e) => events.push(e) });
    const started = performance.now();
    if (api === 'rest') await c.rest.list('companies', { limit: 1 });
    else
      expect(await c.graphql({ query: '{ companies(first: 1) { totalCount } }' })).toEqual({
        companies: { totalCount: expect.any(Number) },
      });
    expect(performance.now() - started).toBeGreaterThanOrEqual(minWaitMs);
    expect(events.filter((e) => e.type === 'rate-limited')).toHaveLength(1);
    expect(proxy.counters.forwarded).toBe(1);
  });

  it('types errors with Twenty’s own message', async () => {
    const bad = createTwentyClient({ baseUrl: ws.url, apiKey: 'wrong-key', rateLimit: null });
    const auth = await failure(bad.rest.list('companies'));
    expect(auth.toJSON()).toMatchObject({
      code: 'AUTH',
      message: 'Token invalid.',
      details: { status: 401 },
    });
    const gqlAuth = await failure(bad.metadataGraphql({ query: '{ currentWorkspace { id } }' }));
    expect(gqlAuth.code).toBe('AUTH');
    bad.close();
    const c = client({ baseUrl: ws.url });
    const unknown = await failure(c.rest.list('foos'));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain("object 'foos' not found");
    const missing = await failure(c.rest.get('companies', randomUUID()));
    expect(missing.toJSON()).toMatchObject({ code: 'NOT_FOUND', message: 'Record not found' });
    const invalid = await failure(c.graphql({ query: '{ companies { nope } }' }));
    expect(invalid.code).toBe('VALIDATION');
    const badId = await failure(c.rest.get('companies', 'abc'));
    expect(badId.code).toBe('VALIDATION');
  });

  it('cancels on the caller’s signal and times out per attempt', async () => {
    proxy.schedule({ kind: 'delay', ms: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const cancelled = await failure(client().rest.list('companies', { signal: controller.signal }));
    expect(cancelled.code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(1_500);
    proxy.schedule({ kind: 'delay', ms: 2_000 });
    const timedOut = await failure(client({ timeoutMs: 100, retries: 0 }).rest.list('companies'));
    expect(timedOut.code).toBe('TIMEOUT');
  });

  it('updates and deletes many by filter in chunks', async () => {
    const c = client({ baseUrl: ws.url });
    const marker = `bulk-${randomUUID().slice(0, 8)}`;
    const created = await c.rest.createMany(
      'companies',
      Array.from({ length: 5 }, (_, i) => ({ name: `${marker}-${i}` })),
      { batchSize: 2 },
    );
    const filter = `name[like]:"${marker}%"`;
    const updated = await c.rest.updateMany(
      'companies',
      { filter },
      { address: { addressCity: 'Paris' } },
      { chunkSize: 2 },
    );
    expect(updated).toHaveLength(5);
    expect(updated.every((r) => (r.address as any)?.addressCity === 'Paris')).toBe(true);
    const deleted = await c.rest.deleteMany(
      'companies',
      { ids: created.map((r) => r.id as string) },
      { chunkSize: 2 },
    );
    expect(deleted).toHaveLength(5);
    expect((await c.rest.list('companies', { filter })).totalCount).toBe(0);
  });

  it('restores on the newest path, and on the older one from a server that only knows it', async () => {
    const direct = client({ baseUrl: ws.url });
    const created = await direct.rest.create('companies', { name: `Restore ${randomUUID()}` });
    await direct.rest.delete('companies', created.id as string, { soft: true });
    const restored = await direct.rest.restore('companies', created.id as string);
    expect(restored).toMatchObject({ id: created.id, deletedAt: null });

    // An E2-era server: the old route only; the new one is an invalid query path, as Twenty said.
    const e2 = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const old = /^\/rest\/restore\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (!old) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            statusCode: 400,
            error: 'BadRequestException',
            messages: [
              `Query path '${url.pathname}' invalid. Valid examples: /rest/companies/id or /rest/companies or /rest/batch/companies or /rest/restore/companies/id`,
            ],
          }),
        );
        return;
      }
      const answer = await fetch(`${ws.url}/rest/${old[1]}/${old[2]}/restore`, {
        method: 'PATCH',
        headers: { Authorization: req.headers.authorization ?? '' },
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(await answer.text());
    });
    await new Promise<void>((resolve) => e2.listen(0, '127.0.0.1', resolve));
    try {
      const old = client({ baseUrl: `http://127.0.0.1:${(e2.address() as AddressInfo).port}` });
      await direct.rest.delete('companies', created.id as string, { soft: true });
      expect(await old.rest.restore('companies', created.id as string)).toMatchObject({
        id: created.id,
        deletedAt: null,
      });
      // A genuinely missing record is still an error, not a reason to switch paths.
      expect(await failure(direct.rest.restore('companies', randomUUID()))).toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      await new Promise((resolve) => e2.close(resolve));
    }
  });

  it('shares one scheduler between clients of the same key and workspace', () => {
    const a = client({ baseUrl: ws.url });
    const b = client({ baseUrl: ws.url });
    const other = client({ baseUrl: ws.url, apiKey: 'another-key' });
    expect(a.scheduler).toBe(b.scheduler);
    expect(other.scheduler).not.toBe(a.scheduler);
  });
});

describe('client-side rate limit against a workspace run with --rate-limit 20/1000', () => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', '20/1000']);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('never gets a 429 while 60 requests race, across two clients of the workspace', async () => {
    const statuses: number[] = [];
    const onEvent = (event: ClientEvent) => {
      if (event.type === 'request-finished' && event.status !== null) statuses.push(event.status);
    };
    const options = {
      baseUrl: ws.url,
      apiKey: ws.apiKey,
      rateLimit: { shortLimit: 20, shortTtlMs: 1000 },
      retries: 0,
      maxRateLimitRetries: 0,
      onEvent,
    };
    const a = createTwentyClient(options);
    const b = createTwentyClient(options);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).rest.list('companies', { limit: 1 })),
    );
    const elapsed = performance.now() - started;
    expect(statuses).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(a.scheduler.stats.rateLimited).toBe(0);
    // 19 at once, then 19 per second: the pacing is real.
    expect(elapsed).toBeGreaterThan(1_500);
    a.close();
    b.close();
  });
});
