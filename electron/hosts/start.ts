import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary';

/**
 * `npm start`: the Electron app where its binary is installed, otherwise browser mode with the
 * same services. Says which one it chose and why.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const run = (command: string, args: string[]) =>
  new Promise<number>((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => done(code ?? 1));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => child.kill(signal));
    }
  });

const binary = electronBinary();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (binary) {
  console.log('Starting the Atelier desktop app (Electron).');
  const built = await run(npm, ['run', '--silent', 'build:desktop']);
  process.exit(built === 0 ? await run(binary, ['.']) : built);
} else {
  console.log(
    'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD), so Atelier runs in browser mode: same services, same contract, served on 127.0.0.1.',
  );
  process.exit(
    await run(process.execPath, [
      resolve(root, 'node_modules/tsx/dist/cli.mjs'),
      'electron/hosts/browser/main.ts',
      ...process.argv.slice(2),
    ]),
  );
}
