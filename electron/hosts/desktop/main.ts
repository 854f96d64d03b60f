import { app, BrowserWindow, dialog, nativeTheme, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOsKeychain, DEFAULT_KEYCHAIN_SERVICE } from '../../platform/keychain';
import { createServices } from '../../services/create-services';
import { contentSecurityPolicy } from '../browser/static-files';
import { serveContractOverIpc } from './ipc-transport';
import { lockDownContents, secureWebPreferences } from './window-security';

/**
 * The desktop main process: the same services as browser mode, behind Electron IPC, in a
 * sandboxed window loading the built renderer from disk.
 */
const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '../../../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  const services = createServices({
    dataDir: process.env.ATELIER_DATA_DIR || app.getPath('userData'),
    host: 'desktop',
    version: app.getVersion(),
    secrets: createOsKeychain(process.env.ATELIER_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE),
    localWorkspace: {
      // The workspace CLI bundled beside main.js, run by Electron's own Node.
      runner: {
        script: join(here, 'local-workspace.js'),
        execArgv: [],
        env: { ELECTRON_RUN_AS_NODE: '1' },
      },
    },
    webhookInspector: {
      runner: {
        script: join(here, 'webhook-inspector.js'),
        execArgv: [],
        env: { ELECTRON_RUN_AS_NODE: '1' },
      },
    },
    openExternal: async (url) => {
      await shell.openExternal(url);
      return true;
    },
    chooseFiles: async ({ title, filters, multiple }) => {
      const options = {
        title,
        filters,
        properties: multiple
          ? ['openFile' as const, 'multiSelections' as const]
          : ['openFile' as const],
      };
      const chosen = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? [] : chosen.filePaths;
    },
  });

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy('http://127.0.0.1')],
      },
    });
  });

  let window: BrowserWindow | null = null;
  serveContractOverIpc(
    services,
    (contents, frameUrl) => contents === window?.webContents && frameUrl === rendererUrl,
  );

  const createWindow = () => {
    window = new BrowserWindow({
      width: 1360,
      height: 860,
      minWidth: 960,
      minHeight: 600,
      title: 'Atelier',
      show: false,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#111318' : '#ffffff',
      webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
    });
    lockDownContents(window.webContents, rendererUrl);
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(rendererUrl);
  };

  createWindow();
  app.on('second-instance', () => window?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void services.stop();
  });
});
