import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCliIo } from './cli-io';
import { runCli } from './run-cli';

/**
 * `npm run atelier -- schema export|diff|apply …` (usage: docs/cli.md). Paths are resolved where
 * the user ran npm (INIT_CWD), the default data dir is the project's, as for `npm start`.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const viaNpm = process.env.npm_lifecycle_event === 'atelier' && process.env.INIT_CWD;

const io = createCliIo(
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  process.env,
  viaNpm ? process.env.INIT_CWD! : process.cwd(),
);

process.exitCode = await runCli(process.argv.slice(2), {
  io,
  defaultDataDir: resolve(root, '.atelier-data'),
});
