import type { AuthContext } from '../auth/api-key-tokens';
import { objectShape } from '../records/record-shape';
import type { Actor } from '../records/write-records';
import type { WorkspaceRuntime } from '../workspace-runtime';

/**
 * Who a write is attributed to (createdBy / updatedBy), as Twenty does it: an API key writes as
 * source API under the key's name; a signed-in user as source MANUAL with their workspace member.
 */
export const actorForCaller = async (
  runtime: WorkspaceRuntime,
  auth: AuthContext | null,
): Promise<Actor> => {
  const key = auth?.apiKeyId ? await runtime.apiKeys.get(auth.apiKeyId) : null;
  if (key) return { source: 'API', name: key.name, workspaceMemberId: null };
  const member = auth?.userId ? await workspaceMemberOfUser(runtime, auth.userId) : null;
  return { source: 'MANUAL', name: member?.name ?? '', workspaceMemberId: member?.id ?? null };
};

const workspaceMemberOfUser = async (
  runtime: WorkspaceRuntime,
  userId: string,
): Promise<{ id: string; name: string } | null> => {
  const state = runtime.metadata.snapshot;
  const memberObject = [...state.objects.values()].find(
    (object) => object.nameSingular === 'workspaceMember',
  );
  if (!memberObject) return null;
  const members = objectShape(state, memberObject);
  // The local admin user is linked to its member by e-mail (the demo data seeds one).
  const { rows } = await runtime.engine.query<{
    id: string;
    first: string | null;
    last: string | null;
  }>(
    `SELECT m."id", m."nameFirstName" AS "first", m."nameLastName" AS "last"
       FROM ${members.qualifiedTable} m JOIN core."user" u ON lower(u."email") = lower(m."userEmail")
      WHERE u."id" = $1 AND m."deletedAt" IS NULL LIMIT 1`,
    [userId],
  );
  const row = rows[0];
  return row ? { id: row.id, name: [row.first, row.last].filter(Boolean).join(' ') } : null;
};
