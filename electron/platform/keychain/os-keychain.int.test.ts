import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createOsKeychain } from './os-keychain';

// The real OS keychain (Secret Service on Linux: `npm test` starts one when the session has none).
describe('the OS keychain', () => {
  const service = `atelier-test-${randomUUID()}`;
  const keychain = createOsKeychain(service);
  const account = 'connection:test';
  afterAll(() => keychain.delete(account));

  it('stores, reads, replaces and deletes a key', async () => {
    expect(await keychain.get(account)).toBeNull();
    await keychain.set(account, 'first-key-value');
    expect(await keychain.get(account)).toBe('first-key-value');
    await keychain.set(account, 'second-key-value');
    expect(await keychain.get(account)).toBe('second-key-value');
    expect(await keychain.delete(account)).toBe(true);
    expect(await keychain.get(account)).toBeNull();
    expect(await keychain.delete(account)).toBe(false);
  });

  it('keeps services apart', async () => {
    const other = createOsKeychain(`${service}-other`);
    await keychain.set(account, 'mine');
    expect(await other.get(account)).toBeNull();
    await keychain.delete(account);
  });

  it('round-trips long keys and unicode', async () => {
    const key = `eyJ${'a'.repeat(3000)}.é✓.${randomUUID()}`;
    await keychain.set(account, key);
    expect(await keychain.get(account)).toBe(key);
    await keychain.delete(account);
  });
});
