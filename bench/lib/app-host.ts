import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Entry, findCredentials } from '@napi-rs/keyring';

/**
 * The real app in browser mode (electron/hosts/browser/main.ts) as a child process of a bench:
 * its own data dir, free ports, a keychain service of its own. Where there is no session bus
 * (Linux CI, SSH) it runs under .ci/with-secret-service.sh, so the local workspace's key goes to a
 * private keyring that dies with the host; elsewhere the entries it made are deleted on stop.
 * The host runs in a process group of its own, so stopping it ends exactly what it started.
 */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(ROOT, 'electron/hosts/browser/main.ts');
const READY = /Atelier \(browser mode\) ready at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/;

export interface AppHost {
  launchUrl: string;
  output(): string;
  stop(): Promise<void>;
  /** Synchronous last resort for process exit: SIGKILL to the host's process group. */
  kill(): void;
}

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
};

/**
 * dist/renderer is what the host serves. Built when missing (or BENCH_BUILD=1); a build older than
 * the sources is used as is, with a warning (other work may be rebuilding it at the same time).
 */
export const ensureRendererBuilt = (log: (line: string) => void): void => {
  const index = join(ROOT, 'dist/renderer/index.html');
  if (existsSync(index) && process.env.BENCH_BUILD !== '1') {
    const built = statSync(index).mtimeMs;
    const sources = Math.max(
      newestMtime(join(ROOT, 'renderer')),
      newestMtime(join(ROOT, 'shared')),
    );
    if (sources > built)
      log(
        'note: dist/renderer is older than renderer/ or shared/; BENCH_BUILD=1 rebuilds it first',
      );
    return;
  }
  log('building the renderer (npx vite build --logLevel warn)…');
  const result = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
};

const needsPrivateKeychain = () =>
  process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS;

export const startAppHost = async (options: {
  dataDir: string;
  keychainService: string;
  timeoutMs?: number;
}): Promise<AppHost> => {
  const hostArgs = [
    '--import',
    'tsx',
    MAIN,
    ...['--data-dir', options.dataDir, '--port', '0', '--workspace-port', '0'],
    '--no-demo-data',
    '--no-open',
  ];
  const privateKeychain = needsPrivateKeychain();
  const [command, args] = privateKeychain
    ? ['bash', [join(ROOT, '.ci/with-secret-service.sh'), process.execPath, ...hostArgs]]
    : [process.execPath, hostArgs];
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ATELIER_KEYCHAIN_SERVICE: options.keychainService },
  });
  const group = child.pid!;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // Already gone.
    }
  };
  const forgetKeys = () => {
    if (privateKeychain) return;
    for (const { account } of findCredentials(options.keychainService))
      new Entry(options.keychainService, account).deletePassword();
  };
  let stopped: Promise<void> | null = null;
  const host: AppHost = {
    launchUrl: '',
    output: () => output,
    stop() {
      stopped ??= (async () => {
        signalGroup('SIGTERM');
        const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
        // Children of the group that outlived the host (none expected).
        signalGroup('SIGKILL');
        forgetKeys();
      })();
      return stopped;
    },
    kill() {
      signalGroup('SIGKILL');
    },
  };
  try {
    host.launchUrl = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`The app did not start in time:\n${output}`)),
        options.timeoutMs ?? 60_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY.exec(output);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        fail(new Error(`The app exited before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await host.stop();
    throw error;
  }
  return host;
};
