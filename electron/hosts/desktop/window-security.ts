import { shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../../shared/security/external-url';

/** The only web preferences an Atelier window is created with. */
export const secureWebPreferences = (
  preload: string,
): BrowserWindowConstructorOptions['webPreferences'] => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

/**
 * The renderer never navigates away from its bundle and never opens windows: links to the web go
 * to the system browser, and only if the URL predicate accepts them.
 */
export const lockDownContents = (contents: WebContents, rendererUrl: string): void => {
  contents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
};
