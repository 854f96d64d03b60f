import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORE_LIMITS } from '../graphql-common/query-complexity';
import { serveGraphql } from '../graphql-common/serve-graphql';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { actorForCaller } from './actor-for-caller';
import { buildCoreSchema, type CoreContext } from './graphql/build-core-schema';

/** POST /graphql — Twenty's per-workspace core API; the schema follows the live data model. */
export const handleCoreGraphql = (
  req: IncomingMessage,
  res: ServerResponse,
  runtime: WorkspaceRuntime,
): Promise<void> =>
  serveGraphql<CoreContext>(req, res, runtime, {
    schema: (workspaceRuntime) => buildCoreSchema(workspaceRuntime.metadata.snapshot),
    limits: CORE_LIMITS,
    allowAnonymous: false,
    context: async (workspaceRuntime, auth) => ({
      auth,
      runtime: workspaceRuntime,
      actor: await actorForCaller(workspaceRuntime, auth),
      loads: new Map(),
    }),
  });
