import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/http-io';
import type { WorkspaceRuntime } from '../workspace-runtime';

/** POST /graphql — Twenty's per-workspace core GraphQL API (built in issue 4). */
export const handleCoreGraphql = async (_req: IncomingMessage, res: ServerResponse, _runtime: WorkspaceRuntime): Promise<void> => {
  sendJson(res, 200, { errors: [{ message: 'The core GraphQL API is not available on this local workspace yet', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
};
