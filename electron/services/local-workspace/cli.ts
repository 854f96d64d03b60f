import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseRateLimitFlags } from './limits/rate-limiter';
import { parseFeatureFlagArgs } from './workspace/feature-flags';
import { startLocalWorkspace, type LocalWorkspace } from './local-workspace-server';

const parseMaxBatch = (value: string): number => {
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1)
    throw new Error(`--max-batch takes a positive whole number, got "${value}"`);
  return max;
};

/**
 * npm run workspace -- --port <p> --data-dir <dir> [--api-key <token>] [--database-url <url>]
 * Prints one line containing the URL when ready; stops cleanly on SIGINT/SIGTERM.
 */
const USAGE = `Usage: npm run workspace -- --port <port> --data-dir <dir> [options]

  --port <port>            TCP port on 127.0.0.1 (0 picks a free one)        default 3020
  --data-dir <dir>         where the embedded Postgres keeps the workspace    default .atelier-data/workspace
  --api-key <token>        make this exact bearer token a valid admin API key
  --database-url <url>     use a real PostgreSQL server instead of the embedded engine
  --admin-password <pw>    password of admin@atelier.local (for Twenty's sign-in flow)
  --no-demo-data           create the workspace without the demo records
  --rate-limit <n>/<ms>    API-key rate-limit bucket (repeatable); "off" disables   default 100/1000 100/60000
  --max-batch <n>          records per batch create / createMany                 default 200
  --feature-flag <K>=<v>   set a workspace feature flag (repeatable), e.g.
                           IS_REST_METADATA_API_NEW_FORMAT_DIRECT=false for the legacy REST envelope
  -h, --help               show this help`;

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3020' },
      'data-dir': { type: 'string', default: '.atelier-data/workspace' },
      'api-key': { type: 'string' },
      'database-url': { type: 'string' },
      'admin-password': { type: 'string' },
      'no-demo-data': { type: 'boolean', default: false },
      'rate-limit': { type: 'string', multiple: true, default: [] },
      'max-batch': { type: 'string' },
      'feature-flag': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  // A parent process (the app) passes its key in the environment, never on the command line.
  const apiKey = values['api-key'] ?? process.env.ATELIER_WORKSPACE_API_KEY;
  // From the app: the admin's password kept in the keychain, passed in the environment, never argv.
  const adminPassword = values['admin-password'] ?? process.env.ATELIER_WORKSPACE_ADMIN_PASSWORD;
  const workspace = await startLocalWorkspace({
    port,
    dataDir: resolve(values['data-dir']!),
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(adminPassword ? { adminPassword } : {}),
    seedDemoData: !values['no-demo-data'],
    rateLimits: parseRateLimitFlags(values['rate-limit'] ?? []),
    ...(values['max-batch'] ? { maxBatch: parseMaxBatch(values['max-batch']) } : {}),
    featureFlags: parseFeatureFlagArgs(values['feature-flag'] ?? []),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, stopping the local workspace…`);
    await workspace.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  if (process.send) {
    // Forked by the app: report over the IPC channel (the key never reaches stdout) and stop
    // when the parent goes away, so no orphan keeps the data dir open.
    process.send({
      type: 'ready',
      url: workspace.url,
      workspaceId: workspace.workspaceId,
      apiKeyToken: apiKey ? null : workspace.apiKeyToken,
    });
    process.on('disconnect', () => void stop('disconnect'));
  } else {
    announce(workspace, Boolean(apiKey));
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

const announce = (workspace: LocalWorkspace, keyGiven: boolean): void => {
  console.log(`Local Twenty workspace ready at ${workspace.url}`);
  if (workspace.apiKeyToken && !keyGiven) {
    console.log(`API key (shown once, keep it safe): ${workspace.apiKeyToken}`);
  } else if (!keyGiven) {
    console.log(
      'API key: minted when this data dir was created; pass --api-key <token> to set one, or sign in and call generateApiKeyToken.',
    );
  }
  if (workspace.generatedAdminPassword) {
    console.log(
      `Admin sign-in: ${workspace.adminEmail} / ${workspace.generatedAdminPassword} (shown once)`,
    );
  }
  console.log(
    `Try: curl -H "Authorization: Bearer <API key>" ${workspace.url}/rest/metadata/objects?limit=1`,
  );
};

// A stray rejection must not take the workspace down with the user's data open: log it.
process.on('unhandledRejection', (reason) => {
  console.error('[local-workspace] unhandled rejection:', reason);
});

main().catch((error: unknown) => {
  console.error(
    `Local workspace failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
