import { afterAll, beforeAll } from 'vitest';
import {
  startWorkspaceProcess,
  type WorkspaceProcess,
} from '../../local-workspace/testing/workspace-process';
import { createTwentyClient, type TwentyClient } from '../../twenty-client';

/**
 * For a describe block: a local workspace without demo data or rate limit, and a Twenty client on
 * it, started before its tests and stopped after. Read `ws` and `client` inside tests.
 */
export const useLocalWorkspaceClient = () => {
  const context = {} as { ws: WorkspaceProcess; client: TwentyClient };
  beforeAll(async () => {
    context.ws = await startWorkspaceProcess('pglite', ['--no-demo-data', '--rate-limit', 'off']);
    context.client = createTwentyClient({
      baseUrl: context.ws.url,
      apiKey: context.ws.apiKey,
      rateLimit: null,
    });
  });
  afterAll(async () => {
    context.client?.close();
    await context.ws?.dispose();
  });
  return context;
};
