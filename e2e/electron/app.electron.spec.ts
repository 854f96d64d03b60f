import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { deleteKeychainService } from '../fixtures/keychain';
import { electronBinary, NO_ELECTRON } from './electron-binary';

const binary = electronBinary();
test.skip(!binary, NO_ELECTRON);

let app: ElectronApplication;
let dataDir: string;
const keychainService = `atelier-e2e-${randomUUID()}`;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'atelier-e2e-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      'dist/electron/hosts/desktop/main.js',
    ],
    env: { ...process.env, ATELIER_DATA_DIR: dataDir, ATELIER_KEYCHAIN_SERVICE: keychainService },
  });
});

test.afterAll(async () => {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
  deleteKeychainService(keychainService);
});

test('the desktop window is sandboxed and exposes only the contract bridge', async () => {
  const page = await app.firstWindow();
  await expect(page).toHaveTitle('Atelier');
  expect(await page.evaluate(() => Object.keys((window as any).atelier ?? {}).sort())).toEqual([
    'call',
    'subscribe',
  ]);
  expect(await page.evaluate(() => typeof (globalThis as any).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as any).process)).toBe('undefined');
  const info = await page.evaluate(() => (window as any).atelier.call('app.getInfo', {}));
  expect(info).toMatchObject({ ok: true, value: { host: 'desktop' } });
});
