import { fork, type ChildProcess } from 'node:child_process';
import type { BucketSpec } from './limits/rate-limiter';

/**
 * The local workspace in its own process. Embedded Postgres (PGlite) computes on the thread that
 * calls it, so in the app's process it would stall every contract call while it starts or works;
 * a child keeps the main process responsive and a crash contained.
 */
export interface WorkspaceRunner {
  /** The workspace CLI: cli.ts under tsx in development, its bundle in the packaged app. */
  script: string;
  execArgv: string[];
  env?: Record<string, string>;
}

export interface ForkOptions {
  runner: WorkspaceRunner;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  apiKey?: string;
  /** The password of admin@atelier.local (Twenty's sign-in), from the keychain. */
  adminPassword?: string;
  seedDemoData: boolean;
  rateLimits?: BucketSpec[] | null;
  /** Called if the process ends without being asked to. */
  onExit?: (message: string) => void;
}

export interface ForkedWorkspace {
  url: string;
  workspaceId: string;
  /** The API-key token minted when the workspace was created (null when a key was given). */
  apiKeyToken: string | null;
  pid: number;
  stop(): Promise<void>;
}

interface ReadyMessage {
  type: 'ready';
  url: string;
  workspaceId: string;
  apiKeyToken: string | null;
}

const rateLimitArgs = (buckets: BucketSpec[] | null | undefined): string[] => {
  if (buckets === undefined) return [];
  if (buckets === null) return ['--rate-limit', 'off'];
  return buckets.flatMap((bucket) => ['--rate-limit', `${bucket.limit}/${bucket.windowMs}`]);
};

const lastLines = (text: string) => text.trim().split('\n').slice(-5).join('\n');

export const forkLocalWorkspace = (options: ForkOptions): Promise<ForkedWorkspace> => {
  const args = ['--port', String(options.port), '--data-dir', options.dataDir];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  if (!options.seedDemoData) args.push('--no-demo-data');
  args.push(...rateLimitArgs(options.rateLimits));

  const env: NodeJS.ProcessEnv = { ...process.env, ...options.runner.env };
  if (options.apiKey) env.ATELIER_WORKSPACE_API_KEY = options.apiKey;
  else delete env.ATELIER_WORKSPACE_API_KEY;
  if (options.adminPassword) env.ATELIER_WORKSPACE_ADMIN_PASSWORD = options.adminPassword;
  else delete env.ATELIER_WORKSPACE_ADMIN_PASSWORD;

  const child: ChildProcess = fork(options.runner.script, args, {
    execArgv: options.runner.execArgv,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + String(chunk)).slice(-8000)));
  child.stderr?.on('data', (chunk) => (output = (output + String(chunk)).slice(-8000)));

  return new Promise<ForkedWorkspace>((resolve, reject) => {
    let ready = false;
    let stopping = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('error', (error) => {
      if (!ready) reject(new Error(`Could not start the local workspace: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      const why = `exit code ${code ?? signal}${output ? `: ${lastLines(output)}` : ''}`;
      if (!ready) reject(new Error(`The local workspace stopped while starting (${why})`));
      else if (!stopping) options.onExit?.(`The local workspace stopped unexpectedly (${why})`);
    });
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready' || ready) return;
      ready = true;
      resolve({
        url: message.url,
        workspaceId: message.workspaceId,
        apiKeyToken: message.apiKeyToken,
        pid: child.pid!,
        async stop() {
          if (stopping || child.exitCode !== null) return;
          stopping = true;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
};
