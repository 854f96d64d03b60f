import type { AuthContext } from '../auth/api-key-tokens';
import type { Actor } from '../records/write-records';
import type { WorkspaceRuntime } from '../workspace-runtime';

/** Who a write is attributed to (createdBy / updatedBy): API keys write as source API with the key's name. */
export const actorForCaller = async (
  runtime: WorkspaceRuntime,
  auth: AuthContext | null,
): Promise<Actor> => {
  const key = auth?.apiKeyId ? await runtime.apiKeys.get(auth.apiKeyId) : null;
  return key
    ? { source: 'API', name: key.name, workspaceMemberId: null }
    : { source: 'MANUAL', name: 'Admin', workspaceMemberId: null };
};
