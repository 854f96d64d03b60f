import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../../fixtures/test';
import {
  connectionAccount,
  keychainAccounts,
  LOCAL_WORKSPACE_ACCOUNT,
  readKeychain,
} from '../../fixtures/keychain';
import { closedPort as unusedPort } from '../../../electron/services/twenty-client/testing/closed-port';
import { ConnectionsPage, LOCAL_WORKSPACE } from '../../pages/connections-page';

const REMOTE = 'Staging CRM';

const readSettings = async (dataDir: string): Promise<any> =>
  JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));

const connectionId = async (dataDir: string, name: string): Promise<string> => {
  const stored = (await readSettings(dataDir)).connections.find((c: any) => c.name === name);
  expect(stored, `${name} in settings.json`).toBeTruthy();
  return stored.id as string;
};

let connections: ConnectionsPage;

test.beforeEach(async ({ page }) => {
  connections = new ConnectionsPage(page);
  await connections.open();
});

// Each test starts from the local workspace alone, even after a failed test.
test.afterEach(async () => {
  for (const name of await connections.remoteNames()) await connections.remove(name);
});

test('the local workspace is the default, reaches Running, and its test reports server and workspace', async () => {
  const local = connections.card(LOCAL_WORKSPACE);
  await expect(local).toContainText('local · default');
  await expect(local).toContainText('active');
  await connections.shell.expectActiveWorkspace(LOCAL_WORKSPACE);
  await expect(connections.status(LOCAL_WORKSPACE)).toHaveAttribute('data-state', 'ready', {
    timeout: 45_000,
  });
  await expect(connections.status(LOCAL_WORKSPACE)).toHaveText('Running');

  await connections.test(LOCAL_WORKSPACE);
  const report = connections.report(LOCAL_WORKSPACE);
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report.getByTestId('server-version')).not.toHaveText(/^(—)?$/);
  await expect(report.getByTestId('workspace-name')).not.toHaveText('—');
  await expect(report.getByTestId('test-failure')).toHaveCount(0);
  await expect(connections.status(LOCAL_WORKSPACE)).toHaveAttribute('data-state', 'ok');
  await expect(connections.status(LOCAL_WORKSPACE)).toContainText('Connected');
});

test('says whether keys outlive this run', async ({ page }) => {
  // `npm test` starts a private keyring when the session has none, and tells the app so.
  const notice = page.getByTestId('temporary-keychain');
  if (process.env.ATELIER_TEMPORARY_KEYCHAIN === '1') {
    await expect(notice).toContainText('forgotten when Atelier exits');
  } else {
    await expect(page.getByRole('heading', { name: 'Connections' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  }
});

test('adds a second workspace after a passing test in the dialog; its card reaches ok', async ({
  remoteWorkspace,
}) => {
  await connections.fillAddForm({
    name: REMOTE,
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });
  const draft = await connections.testDraft();
  await expect(draft).toHaveAttribute('data-ok', 'true');
  await expect(draft.getByTestId('server-version')).not.toHaveText('—');
  await connections.submitAdd();
  await expect(connections.addDialog).toBeHidden();

  await expect(connections.status(REMOTE)).toHaveAttribute('data-state', 'ok');
  await expect(connections.status(REMOTE)).toContainText('Connected');
  await expect(connections.report(REMOTE)).toHaveAttribute('data-ok', 'true');
  await expect(connections.card(REMOTE)).toContainText(remoteWorkspace.url);
});

test('switches workspaces with the switcher menu and the command palette, and back', async ({
  remoteWorkspace,
}) => {
  const { shell } = connections;
  await connections.add({
    name: REMOTE,
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });

  await shell.switchWithMenu(REMOTE);
  await expect(connections.card(REMOTE)).toContainText('active');
  await shell.goByShortcut('Data model');
  await expect(shell.activeWorkspaceName).toHaveText(REMOTE);

  await shell.switchWithMenu(LOCAL_WORKSPACE);
  await expect(shell.activeWorkspaceName).toHaveText(LOCAL_WORKSPACE);

  await shell.switchWithPalette(REMOTE);
  await expect(shell.activeWorkspaceName).toHaveText(REMOTE);
  await shell.switchWithPalette(LOCAL_WORKSPACE);
  await expect(shell.activeWorkspaceName).toHaveText(LOCAL_WORKSPACE);
  await shell.goByShortcut('Connections');
});

test('a wrong key is rejected as UNAUTHENTICATED with a plain message; replacing it fixes the connection', async ({
  remoteWorkspace,
}) => {
  const wrongKey = `wrong-${remoteWorkspace.apiKey}`;
  await connections.fillAddForm({ name: REMOTE, baseUrl: remoteWorkspace.url, apiKey: wrongKey });
  const draft = await connections.testDraft();
  await expect(draft).toHaveAttribute('data-ok', 'false');
  await expect(draft.getByTestId('test-failure')).toHaveAttribute('data-kind', 'UNAUTHENTICATED');
  await connections.submitAdd();
  await expect(connections.addDialog).toBeHidden();

  const failure = connections.failure(REMOTE);
  await expect(failure).toHaveAttribute('data-kind', 'UNAUTHENTICATED');
  await expect(failure).toContainText('API key rejected (401)');
  // After the title, the server's reason in words: not empty, not JSON, not a stack.
  await expect(failure).toHaveText(/^API key rejected \(401\) — [A-Z][^{}\n]+$/);
  await expect(connections.status(REMOTE)).toHaveAttribute('data-state', 'failing');

  await connections.replaceKey(REMOTE, remoteWorkspace.apiKey);
  await expect(connections.report(REMOTE)).toHaveAttribute('data-ok', 'true');
  await expect(connections.failure(REMOTE)).toHaveCount(0);
  await expect(connections.status(REMOTE)).toHaveAttribute('data-state', 'ok');
});

test('a URL with nothing listening fails as REFUSED', async () => {
  const baseUrl = `http://127.0.0.1:${await unusedPort()}`;
  await connections.fillAddForm({ name: REMOTE, baseUrl, apiKey: 'any-key' });
  const draft = await connections.testDraft();
  await expect(draft.getByTestId('test-failure')).toHaveAttribute('data-kind', 'REFUSED');
  await expect(draft.getByTestId('test-failure')).toContainText('Connection refused');

  await connections.submitAdd();
  await expect(connections.failure(REMOTE)).toHaveAttribute('data-kind', 'REFUSED');
  await expect(connections.status(REMOTE)).toHaveAttribute('data-state', 'failing');
});

test('an invalid URL shows the inline message and is not submitted', async ({ atelier }) => {
  await connections.fillAddForm({ name: REMOTE, baseUrl: 'crm.example.com', apiKey: 'a-key' });
  const url = connections.addDialog.getByLabel('Base URL');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription('Not a URL — e.g. https://crm.example.com');
  await expect(
    connections.addDialog.getByRole('button', { name: 'Test connection' }),
  ).toBeDisabled();

  await connections.submitAdd();
  await expect(connections.addDialog).toBeVisible();
  await url.fill('ftp://crm.example.com');
  await expect(url).toHaveAccessibleDescription('Use an http:// or https:// URL');
  await connections.submitAdd();
  await expect(connections.addDialog).toBeVisible();

  await connections.addDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(connections.card(REMOTE)).toHaveCount(0);
  expect((await readSettings(atelier.dataDir)).connections).toEqual([]);
});

test('removing a connection deletes its card, its settings entry and its keychain entry', async ({
  atelier,
  remoteWorkspace,
}) => {
  await connections.add({
    name: REMOTE,
    baseUrl: remoteWorkspace.url,
    apiKey: remoteWorkspace.apiKey,
  });
  const id = await connectionId(atelier.dataDir, REMOTE);
  const account = connectionAccount(id);
  expect(readKeychain(atelier.keychainService, account)).toBe(remoteWorkspace.apiKey);

  await connections.remove(REMOTE);
  expect((await readSettings(atelier.dataDir)).connections).toEqual([]);
  expect(readKeychain(atelier.keychainService, account)).toBeNull();
  expect(keychainAccounts(atelier.keychainService)).not.toContain(account);
  expect(
    keychainAccounts(atelier.keychainService).filter((name) => name.startsWith('connection:')),
  ).toEqual([]);
});

test('the API key never reaches the page, the settings file or the logs', async ({
  page,
  atelier,
  remoteWorkspace,
  wsFrames,
}) => {
  const key = remoteWorkspace.apiKey;
  await connections.waitForLocalRunning();
  const localKey = readKeychain(atelier.keychainService, LOCAL_WORKSPACE_ACCOUNT);
  expect(localKey, 'the local workspace key in the keychain').toBeTruthy();
  await connections.add({ name: REMOTE, baseUrl: remoteWorkspace.url, apiKey: key });
  await expect(connections.status(REMOTE)).toHaveAttribute('data-state', 'ok');
  await connections.test(REMOTE);
  await expect(connections.report(REMOTE)).toHaveAttribute('data-ok', 'true');
  await connections.shell.switchWithMenu(REMOTE);
  await connections.shell.switchWithMenu(LOCAL_WORKSPACE);

  expect(wsFrames.received.length).toBeGreaterThan(5);
  expect(wsFrames.received.filter((frame) => frame.includes(key))).toEqual([]);
  expect(wsFrames.received.filter((frame) => frame.includes(localKey!))).toEqual([]);
  expect(await page.content()).not.toContain(key);
  expect(await page.content()).not.toContain(localKey);

  const settings = await readFile(join(atelier.dataDir, 'settings.json'), 'utf8');
  expect(settings).toContain(REMOTE);
  expect(settings).not.toContain(key);
  expect(settings).not.toContain(localKey);
  const logDir = join(atelier.dataDir, 'logs');
  const logs = await readdir(logDir);
  expect(logs.length).toBeGreaterThan(0);
  for (const file of logs) {
    const text = await readFile(join(logDir, file), 'utf8');
    expect(text, file).not.toContain(key);
    expect(text, file).not.toContain(localKey);
  }
});
