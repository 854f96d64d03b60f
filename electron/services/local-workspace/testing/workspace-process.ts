import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Test fixture: the real workspace CLI in a child process, reached over real HTTP.
 * Engines: 'pglite' (temp data dir) or 'postgres' (a fresh database on the server named by
 * ATELIER_TEST_DATABASE_URL, dropped afterwards).
 */
export type EngineKind = 'pglite' | 'postgres';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(here, '../cli.ts');
const TSX = resolve(here, '../../../../node_modules/.bin/tsx');
export const DEFAULT_TEST_DATABASE_URL = 'postgres://atelier:atelier@127.0.0.1:5432/postgres';

export const testDatabaseUrl = (): string =>
  process.env.ATELIER_TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;

/** Engines to run suites on; ATELIER_SKIP_POSTGRES=1 drops PostgreSQL explicitly (never silently). */
export const testEngines = (): EngineKind[] =>
  process.env.ATELIER_SKIP_POSTGRES === '1' ? ['pglite'] : ['pglite', 'postgres'];

export interface WorkspaceProcess {
  url: string;
  apiKey: string;
  adminPassword: string;
  dataDir: string;
  databaseUrl?: string;
  output: () => string;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** Start again on the same data (same dir / database). */
  restart(): Promise<WorkspaceProcess>;
  /** Stop and delete its data. */
  dispose(): Promise<void>;
}

/** A fresh, empty database on the test PostgreSQL server (tests and benches). */
export const createDatabase = async (): Promise<string> => {
  const adminUrl = testDatabaseUrl();
  const name = `atelier_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL for the external-engine tests is not reachable at ${adminUrl} (${(error as Error).message}). ` +
        'Start it as .ci/run does, point ATELIER_TEST_DATABASE_URL at a server, or set ATELIER_SKIP_POSTGRES=1 to run PGlite only.',
      { cause: error },
    );
  }
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

export const dropDatabase = async (databaseUrl: string): Promise<void> => {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
};

const launch = (
  dataDir: string,
  apiKey: string,
  adminPassword: string,
  databaseUrl: string | undefined,
  extraArgs: string[],
): Promise<WorkspaceProcess> =>
  new Promise((resolvePromise, reject) => {
    const args = [
      CLI,
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--api-key',
      apiKey,
      '--admin-password',
      adminPassword,
      ...extraArgs,
    ];
    if (databaseUrl) args.push('--database-url', databaseUrl);
    const child: ChildProcess = spawn(TSX, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'test' },
    });
    let output = '';
    let settled = false;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && !settled) {
        settled = true;
        const proc: WorkspaceProcess = {
          url: match[1]!,
          apiKey,
          adminPassword,
          dataDir,
          ...(databaseUrl ? { databaseUrl } : {}),
          output: () => output,
          async stop() {
            if (child.exitCode !== null) return child.exitCode;
            child.kill('SIGTERM');
            return exited;
          },
          async restart() {
            await proc.stop();
            return launch(dataDir, apiKey, adminPassword, databaseUrl, extraArgs);
          },
          async dispose() {
            await proc.stop();
            await rm(dataDir, { recursive: true, force: true });
            if (databaseUrl) await dropDatabase(databaseUrl);
          },
        };
        resolvePromise(proc);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`workspace exited with ${code} before it was ready:\n${output}`));
      }
    });
  });

export const startWorkspaceProcess = async (
  engine: EngineKind = 'pglite',
  extraArgs: string[] = [],
): Promise<WorkspaceProcess> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atelier-ws-'));
  const databaseUrl = engine === 'postgres' ? await createDatabase() : undefined;
  // Suites make hundreds of calls; Twenty's 100-per-minute default is tested on purpose elsewhere.
  const args = extraArgs.includes('--rate-limit')
    ? extraArgs
    : ['--rate-limit', 'off', ...extraArgs];
  return launch(dataDir, `test-key-${randomUUID()}`, `pw-${randomUUID()}`, databaseUrl, args);
};
