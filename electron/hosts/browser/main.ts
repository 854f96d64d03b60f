import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOsKeychain, DEFAULT_KEYCHAIN_SERVICE } from '../../platform/keychain';
import { createServices } from '../../services/create-services';
import { parseRateLimitFlags } from '../../services/local-workspace/limits/rate-limiter';
import { startBrowserHost } from './browser-host';

const USAGE = `Usage: npm run browser -- [options]   (npm start uses this where Electron is absent)

  --data-dir <dir>          settings, logs and the local workspace     default .atelier-data
  --port <port>             port of the app on 127.0.0.1 (0 = free)    default 3030
  --workspace-port <port>   port of the local workspace (0 = free)     default 3020
  --database-url <url>      run the local workspace on this PostgreSQL
  --rate-limit <n>/<ms>     local workspace rate-limit bucket (repeatable), "off" disables
  --no-demo-data            create the local workspace without demo records
  --no-open                 print the URL instead of opening a browser
  -h, --help                show this help

Environment: ATELIER_KEYCHAIN_SERVICE names the keychain service (default ${DEFAULT_KEYCHAIN_SERVICE}).`;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

const openInBrowser = (url: string): boolean => {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return false;
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
  return true;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: '.atelier-data' },
      port: { type: 'string', default: '3030' },
      'workspace-port': { type: 'string', default: '3020' },
      'database-url': { type: 'string' },
      'rate-limit': { type: 'string', multiple: true, default: [] },
      'no-demo-data': { type: 'boolean', default: false },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version as string;
  const services = createServices({
    dataDir: resolve(values['data-dir']),
    host: 'browser',
    version,
    // The page opens vetted links itself (window.open with noopener) in browser mode.
    openExternal: async () => false,
    secrets: createOsKeychain(process.env.ATELIER_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE),
    temporaryKeychain: process.env.ATELIER_TEMPORARY_KEYCHAIN === '1',
    localWorkspace: {
      port: Number(values['workspace-port']),
      databaseUrl: values['database-url'],
      seedDemoData: !values['no-demo-data'],
      rateLimits: values['rate-limit'].length
        ? parseRateLimitFlags(values['rate-limit'])
        : undefined,
    },
  });
  const host = await startBrowserHost({
    services,
    rendererDir: resolve(root, 'dist/renderer'),
    port: Number(values.port),
  });
  const opened = !values['no-open'] && openInBrowser(host.launchUrl);
  // One line the e2e fixture and scripts wait for.
  console.log(
    `Atelier (browser mode) ready at ${host.launchUrl}${opened ? ' (opened in your browser)' : ''}`,
  );

  if (process.env.ATELIER_TEMPORARY_KEYCHAIN === '1') {
    console.log(
      'No Secret Service in this session: Atelier started a temporary keyring. Keys you add now are forgotten when it exits.',
    );
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.stop();
    await services.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error) => {
  console.error(`Atelier could not start: ${(error as Error).message}`);
  process.exit(1);
});
