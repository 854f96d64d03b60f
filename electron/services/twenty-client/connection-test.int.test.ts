import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionTestReportSchema } from '../../../shared/contract/connection-test';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../local-workspace/testing/workspace-process';
import { mintAdminKey, revokeKey, signIn } from '../local-workspace/testing/api-key-session';
import { testConnection } from './connection-test';
import { closedPort } from './testing/closed-port';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('testConnection with real API-key tokens', () => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
  });
  afterAll(() => ws?.dispose());

  it('reads the role of a minted key, and names a revoked key FORBIDDEN', async () => {
    const session = await signIn(ws);
    const key = await mintAdminKey(ws, session, 'Atelier test');
    const ok = await testConnection({ baseUrl: ws.url, apiKey: key.token });
    expect(ok.role).toMatchObject({
      label: 'Admin',
      canUpdateAllSettings: true,
      canReadAllObjectRecords: true,
      canUpdateAllObjectRecords: true,
    });
    expect(ok.steps.find((step) => step.step === 'permissions')).toMatchObject({ ok: true });

    await revokeKey(ws, session, key.id);
    const revoked = await testConnection({ baseUrl: ws.url, apiKey: key.token });
    expect(revoked).toMatchObject({
      ok: false,
      failure: { kind: 'FORBIDDEN', message: expect.stringContaining('This API Key is revoked') },
    });
  });
});

describe('testConnection', () => {
  let ws: WorkspaceProcess;
  const servers: Server[] = [];
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite', ['--no-demo-data']);
  });
  afterAll(async () => {
    servers.forEach((server) => server.close());
    await ws?.dispose();
  });

  it('reports every step against the local workspace', async () => {
    const report = await testConnection({ baseUrl: `${ws.url}/`, apiKey: ws.apiKey });
    expect(connectionTestReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      ok: true,
      serverVersion: 'atelier-local',
      workspace: { id: expect.any(String) },
      role: null,
    });
    expect(report.failure).toBeUndefined();
    expect(report.latencyMs).toBeGreaterThan(0);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['reachability', true],
      ['twenty', true],
      ['authentication', true],
      ['workspace', true],
      ['permissions', true],
    ]);
    expect(report.steps[4]!.message).toMatch(/^Role not read: /);
  });

  it('says UNAUTHENTICATED for a wrong key', async () => {
    const report = await testConnection({ baseUrl: ws.url, apiKey: 'not-a-key' });
    expect(report).toMatchObject({
      ok: false,
      failure: {
        kind: 'UNAUTHENTICATED',
        message: expect.stringContaining('Twenty says: "Token invalid."'),
      },
      serverVersion: 'atelier-local',
    });
    expect(report.steps.at(-1)).toMatchObject({ step: 'authentication', ok: false });
  });

  it('classifies network failures: invalid URL, refused, DNS', async () => {
    expect((await testConnection({ baseUrl: 'ftp://x', apiKey: 'k' })).failure?.kind).toBe(
      'INVALID_URL',
    );
    expect((await testConnection({ baseUrl: 'nonsense', apiKey: 'k' })).failure?.kind).toBe(
      'INVALID_URL',
    );
    const refused = await testConnection({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      apiKey: 'k',
    });
    expect(refused.failure?.kind).toBe('REFUSED');
    expect(refused.latencyMs).toBeNull();
    const dns = await testConnection({ baseUrl: 'http://does-not-exist.invalid', apiKey: 'k' });
    expect(dns.failure?.kind).toBe('DNS');
  });

  it('says NOT_TWENTY for a plain web server and TIMEOUT for a slow one', async () => {
    const html = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>hello</body></html>');
    });
    servers.push(html);
    const notTwenty = await testConnection({
      baseUrl: `http://${await listen(html)}`,
      apiKey: 'k',
    });
    expect(notTwenty.failure?.kind).toBe('NOT_TWENTY');
    expect(notTwenty.steps.map((s) => s.ok)).toEqual([true, false]);

    const slow = createServer(() => undefined); // never answers
    servers.push(slow);
    const started = performance.now();
    const timeout = await testConnection({
      baseUrl: `http://${await listen(slow)}`,
      apiKey: 'k',
      timeoutMs: 200,
    });
    expect(timeout.failure?.kind).toBe('TIMEOUT');
    expect(performance.now() - started).toBeLessThan(2_000);
    slow.closeAllConnections();
  });

  it.skipIf(!hasOpenssl)('says TLS for a self-signed certificate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atelier-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        { stdio: 'ignore' },
      );
      const server = createHttpsServer(
        { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) },
        (_req, res) => res.end('{}'),
      );
      servers.push(server as unknown as Server);
      const address = await listen(server as unknown as Server);
      const report = await testConnection({ baseUrl: `https://${address}`, apiKey: 'k' });
      expect(report.failure?.kind).toBe('TLS');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
