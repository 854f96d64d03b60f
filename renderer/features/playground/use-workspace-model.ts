import { useQuery } from '@tanstack/react-query';
import { rpc } from '../../api/rpc';

/**
 * The workspace's model (objects and fields), as the data-model editor reads it and under the
 * same React Query key, so a read there serves the playground and "Read the schema again" here
 * refreshes both. The REST builder completes and checks from it; the body editor validates by it.
 */
export const workspaceModelKey = (connectionId: string | null) => ['dataModel', connectionId];

export const useWorkspaceModel = (connectionId: string | null, enabled = true) =>
  useQuery({
    queryKey: workspaceModelKey(connectionId),
    queryFn: () => rpc.call('dataModel.getModel', { connectionId: connectionId! }),
    enabled: connectionId !== null && enabled,
    staleTime: 60_000,
  });
