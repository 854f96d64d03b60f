import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOsKeychain } from '../platform/keychain';
import { createTestServices } from './testing/test-services';

// The local workspace's key across restarts: kept in the keychain, replaced if the keychain lost it.
describe('the local workspace connection across restarts', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  let dataDir: string;
  afterAll(async () => {
    await keychain.delete('local-workspace');
    await rm(dataDir, { recursive: true, force: true });
  });

  const boot = async () => {
    const services = createTestServices(dataDir, keychain);
    await services.localReady;
    const report = await services.dispatcher.dispatch('workspaces.testConnection', { id: 'local' });
    await services.stop();
    return report;
  };

  it('mints a key with a real role, reuses it, and replaces it when the keychain lost it', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atelier-restart-'));
    const first = await boot();
    expect(first).toMatchObject({ ok: true, value: { ok: true } });
    const key = await keychain.get('local-workspace');
    expect(key).toMatch(/^eyJ/);

    expect(await boot()).toMatchObject({ ok: true, value: { ok: true } });
    expect(await keychain.get('local-workspace')).toBe(key);

    await keychain.delete('local-workspace');
    expect(await boot()).toMatchObject({ ok: true, value: { ok: true } });
    const replaced = await keychain.get('local-workspace');
    expect(replaced).toBeTruthy();
    expect(replaced).not.toBe(key);
  });

  it('answers while the workspace starts, and reports it when its process dies', async () => {
    const services = createTestServices(dataDir, keychain);
    const starting = await services.dispatcher.dispatch('workspaces.listConnections', {});
    expect(starting).toMatchObject({
      ok: true,
      value: { connections: [{ id: 'local', status: { state: 'starting' } }] },
    });
    await services.localReady;
    const changed = new Promise<any>((resolve) =>
      services.events.listen((event, payload: any) => {
        const local = payload?.connections?.[0];
        if (event === 'workspaces.onConnectionsChanged' && local?.status.state === 'error') {
          resolve(payload);
        }
      }),
    );
    process.kill(services.localPid()!, 'SIGKILL');
    const list = await changed;
    expect(list.connections[0].status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/stopped unexpectedly/),
    });
    await services.stop();
  });
});
