import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createOsKeychain } from '../../platform/keychain';
import { createLogger } from '../../platform/logging/logger';
import { createServices, type Services } from '../../services/create-services';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../../services/local-workspace/testing/workspace-process';
import { closedPort } from '../../services/twenty-client/testing/closed-port';
import { startBrowserHost, type BrowserHost } from './browser-host';

/**
 * The whole app core in plain Node, as browser mode runs it: real services, the real OS
 * keychain, the local workspace plus a second workspace server as a remote connection, driven
 * over the real WebSocket transport.
 */
let remote: WorkspaceProcess;
let dataDir: string;
let services: Services;
let host: BrowserHost;
const keychainService = `atelier-test-${randomUUID()}`;
const keychain = createOsKeychain(keychainService);
const frames: string[] = [];
const WRONG_KEY = `wrong-${randomUUID()}`;

const token = () => new URL(host.launchUrl).hash.replace('#token=', '');

const open = (query = `?token=${token()}`, origin = host.origin) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/rpc${query}`, {
      headers: { Origin: origin },
    });
    socket.on('message', (data) => frames.push(data.toString()));
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });

let socket: WebSocket;
let nextId = 1;
const call = (method: string, input: unknown): Promise<any> =>
  new Promise((resolve) => {
    const id = nextId++;
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'result' && frame.id === id) {
        socket.off('message', onMessage);
        resolve(frame.result);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'call', id, method, input }));
  });
const ok = async (method: string, input: unknown) => {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
};

beforeAll(async () => {
  remote = await startWorkspaceProcess('pglite');
  dataDir = await mkdtemp(join(tmpdir(), 'atelier-app-'));
  const rendererDir = join(dataDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Atelier</title>');
  services = createServices({
    dataDir,
    host: 'browser',
    version: '0.0.0-test',
    openExternal: async () => false,
    secrets: keychain,
    logger: createLogger({ file: join(dataDir, 'logs', 'atelier.log'), console: false }),
    localWorkspace: { port: 0, seedDemoData: false },
  });
  await services.localReady;
  host = await startBrowserHost({ services, rendererDir });
  socket = await open();
  for (const event of ['workspaces.onConnectionsChanged', 'jobs.onJobUpdated']) {
    socket.send(JSON.stringify({ type: 'subscribe', event }));
  }
});

afterAll(async () => {
  socket?.close();
  await host?.stop();
  await services?.stop();
  await keychain.delete('local-workspace');
  await remote?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

describe('browser host transport', () => {
  it('refuses a socket without the session token, with a wrong one, or from another origin', async () => {
    await expect(open('')).rejects.toThrow('HTTP 401');
    await expect(open('?token=nope')).rejects.toThrow('HTTP 401');
    await expect(open(undefined, 'http://evil.example')).rejects.toThrow('HTTP 401');
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await fetch(host.origin);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    const escape = await fetch(`${host.origin}/%2e%2e/%2e%2e/package.json`);
    expect(await escape.text()).not.toContain('"dependencies"');
  });

  it('answers calls, rejects unknown methods and events, and closes on malformed frames', async () => {
    expect(await ok('app.getInfo', {})).toMatchObject({ host: 'browser', version: '0.0.0-test' });
    expect(await call('workspaces.dropDatabase', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const extra = await open();
    const errorFrame = new Promise<any>((resolve) =>
      extra.on('message', (data) => resolve(JSON.parse(data.toString()))),
    );
    extra.send(JSON.stringify({ type: 'subscribe', event: 'secrets.onLeak' }));
    expect(await errorFrame).toMatchObject({ type: 'error', message: /Unknown event/ });
    const closed = new Promise<number>((resolve) => extra.on('close', (code) => resolve(code)));
    extra.send('{not json');
    expect(await closed).toBe(1003);
  });

  it('refuses links that are not http(s) or mailto', async () => {
    expect(await call('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await ok('app.openExternal', { url: 'https://twenty.com' })).toEqual({ opened: false });
  });

  it('has no file dialog in browser mode: the renderer asks for a path', async () => {
    expect(await ok('app.chooseFiles', { kind: 'spreadsheet', multiple: true })).toEqual({
      supported: false,
      paths: [],
    });
  });
});

describe('connections over the contract', () => {
  let id: string;

  it('has the local workspace as the default, running connection', async () => {
    const list = await ok('workspaces.listConnections', {});
    expect(list.activeId).toBe('local');
    expect(list.connections).toHaveLength(1);
    expect(list.connections[0]).toMatchObject({ kind: 'local', status: { state: 'ready' } });
    const report = await ok('workspaces.testConnection', { id: 'local' });
    expect(report).toMatchObject({ ok: true, workspace: { id: expect.any(String) } });
    // The local workspace's key is a real API-key token, so its role is read and shown.
    expect(report.role).toMatchObject({ label: 'Admin', canUpdateAllSettings: true });
  });

  it('adds a remote workspace, tests it, renames and selects it', async () => {
    const draft = await ok('workspaces.testDraftConnection', {
      baseUrl: remote.url,
      apiKey: remote.apiKey,
    });
    expect(draft.ok).toBe(true);
    const added = await ok('workspaces.addConnection', {
      name: 'Second workspace',
      baseUrl: `${remote.url}/`,
      apiKey: remote.apiKey,
    });
    id = added.id;
    expect(added).toMatchObject({ kind: 'remote', hasKey: true, baseUrl: remote.url });
    expect(added).not.toHaveProperty('apiKey');
    expect(await keychain.get(`connection:${id}`)).toBe(remote.apiKey);

    const report = await ok('workspaces.testConnection', { id });
    expect(report.ok).toBe(true);
    expect(report.failure).toBeUndefined();
    expect(report.steps.map((step: any) => step.step)).toContain('authentication');

    await ok('workspaces.updateConnection', { id, name: 'Renamed workspace' });
    const selected = await ok('workspaces.selectConnection', { id });
    expect(selected.activeId).toBe(id);
    const named = selected.connections.find((c: any) => c.id === id);
    expect(named).toMatchObject({ name: 'Renamed workspace', status: { state: 'ok' } });
  });

  it('gives main a Twenty client paced by the connection rate limit', async () => {
    await ok('workspaces.updateConnection', {
      id,
      rateLimit: { shortLimit: 40, shortTtlMs: 1000, longLimit: 500, longTtlMs: 60_000 },
    });
    const client = await services.workspaces.client(id);
    expect(await services.workspaces.client(id)).toBe(client);
    expect(client.scheduler.options.rateLimit).toMatchObject({ shortLimit: 40, longLimit: 500 });
    const page = await client.rest.list('companies', { limit: 1 });
    expect(Array.isArray(page.records)).toBe(true);
    await ok('workspaces.updateConnection', {
      id,
      rateLimit: { shortLimit: 100, shortTtlMs: 1000, longLimit: 100, longTtlMs: 60_000 },
    });
    expect(await services.workspaces.client(id)).not.toBe(client);
  });

  it('rejects a duplicate name and bad input with clear messages', async () => {
    expect(
      await call('workspaces.addConnection', {
        name: 'renamed workspace',
        baseUrl: remote.url,
        apiKey: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /already exists/ } });
    const bad = await call('workspaces.addConnection', {
      name: 'x',
      baseUrl: 'ftp://example.com',
      apiKey: 'has spaces in it',
    });
    expect(bad.error.message).toMatch(/baseUrl: Use an http/);
    expect(bad.error.message).toMatch(/apiKey: An API key has no spaces/);
  });

  it('names a wrong key as UNAUTHENTICATED and recovers when the key is replaced', async () => {
    await ok('workspaces.replaceKey', { id, apiKey: WRONG_KEY });
    expect(await keychain.get(`connection:${id}`)).toBe(WRONG_KEY);
    const failed = await ok('workspaces.testConnection', { id });
    expect(failed).toMatchObject({ ok: false, failure: { kind: 'UNAUTHENTICATED' } });
    const list = await ok('workspaces.listConnections', {});
    expect(list.connections.find((c: any) => c.id === id).status.state).toBe('failing');
    await ok('workspaces.replaceKey', { id, apiKey: remote.apiKey });
    expect(await ok('workspaces.testConnection', { id })).toMatchObject({ ok: true });
  });

  it('reports a refused port precisely', async () => {
    const report = await ok('workspaces.testDraftConnection', {
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      apiKey: 'anything',
    });
    expect(report).toMatchObject({ ok: false, failure: { kind: 'REFUSED' } });
  });

  it('publishes connection changes and job progress as events', () => {
    const events = frames.map((frame) => JSON.parse(frame)).filter((f) => f.type === 'event');
    expect(events.some((e) => e.event === 'workspaces.onConnectionsChanged')).toBe(true);
    const tests = events.filter(
      (e) => e.event === 'jobs.onJobUpdated' && e.payload.kind === 'connection-test',
    );
    expect(tests.some((e) => e.payload.status === 'succeeded')).toBe(true);
    const outcomes = tests
      .filter((e) => e.payload.status === 'succeeded')
      .map((e) => e.payload.message);
    expect(outcomes).toContain('Connected');
    expect(outcomes).toContain('Failed: API key rejected (401)');
  });

  it('persists connections (not keys) in the data dir', async () => {
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(settings.connections.map((c: any) => c.name)).toEqual(['Renamed workspace']);
    expect(settings.activeId).toBe(id);
  });

  it('removes a connection with its keychain entry and falls back to the local workspace', async () => {
    expect(await ok('workspaces.removeConnection', { id })).toEqual({ removed: true });
    expect(await keychain.get(`connection:${id}`)).toBeNull();
    const list = await ok('workspaces.listConnections', {});
    expect(list.activeId).toBe('local');
    expect(await call('workspaces.selectConnection', { id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('never lets a key reach a reply, an event, the settings file or the logs', async () => {
    const localKey = await keychain.get('local-workspace');
    expect(localKey).toBeTruthy();
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        // The embedded database holds the local workspace's own (hashed) key table; skip it.
        if (entry.name === 'workspace') continue;
        if (entry.isDirectory()) await walk(path);
        else files.push(await readFile(path, 'utf8'));
      }
    };
    await walk(dataDir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const everything = [...frames, ...files].join('\n');
    expect(frames.length).toBeGreaterThan(10);
    for (const secret of [remote.apiKey, WRONG_KEY, localKey!]) {
      expect(everything).not.toContain(secret);
    }
  });
});
