import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOsKeychain } from '../../platform/keychain';
import { createLogger } from '../../platform/logging/logger';
import { createJsonFileStore } from '../../platform/settings/json-file-store';
import { createJobRegistry } from '../jobs/job-registry';
import {
  connectionSettingsSchema,
  defaultConnectionSettings,
  keychainAccount,
} from './connection-settings';
import { createWorkspacesService } from './workspaces-service';

// Failure paths of the registry, on the real keychain: nothing may be left half-done.
describe('the connection registry when a step fails', () => {
  const keychain = createOsKeychain(`atelier-test-${randomUUID()}`);
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  const registry = async (failWrites: boolean) => {
    const dir = await mkdtemp(join(tmpdir(), 'atelier-reg-'));
    dirs.push(dir);
    const store = createJsonFileStore(
      join(dir, 'settings.json'),
      connectionSettingsSchema,
      defaultConnectionSettings,
    );
    const stored: string[] = [];
    const service = createWorkspacesService({
      settings: {
        ...store,
        read: store.read,
        write: async (value) => {
          if (failWrites) throw new Error('disk full');
          return store.write(value);
        },
      },
      secrets: {
        ...keychain,
        set: async (account, secret) => {
          stored.push(account);
          return keychain.set(account, secret);
        },
      },
      logger: createLogger({ console: false }),
      jobs: createJobRegistry(() => {}),
      local: { current: () => ({ state: 'starting' }), onChange: () => {} },
      testConnection: async () => {
        throw new Error('not used');
      },
      onChanged: () => {},
    });
    return { service, stored };
  };

  it('deletes the key again when the settings cannot be saved', async () => {
    const { service, stored } = await registry(true);
    await expect(
      service.add({ name: 'Prod', baseUrl: 'https://crm.example.com', apiKey: 'k-123456789' }),
    ).rejects.toThrow('disk full');
    expect(stored).toHaveLength(1);
    expect(await keychain.get(stored[0]!)).toBeNull();
    expect((await service.list()).connections).toHaveLength(1);
  });

  it('says which key is missing when the keychain lost it', async () => {
    const { service } = await registry(false);
    const added = await service.add({
      name: 'Prod',
      baseUrl: 'https://crm.example.com',
      apiKey: 'k-123456789',
    });
    await keychain.delete(keychainAccount(added.id));
    await expect(service.credentials(added.id)).rejects.toMatchObject({
      code: 'AUTH',
      message: expect.stringMatching(/"Prod" is missing from the OS keychain/),
    });
    await expect(service.test('local')).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'The local workspace is still starting',
    });
    await expect(service.update({ id: 'local', name: 'Mine' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await service.remove(added.id);
  });
});
