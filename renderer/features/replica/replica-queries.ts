import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReplicaList } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useContractEvent } from '../../api/use-contract-event';

export const REPLICAS_KEY = ['replica', 'list'] as const;
export const SNAPSHOTS_KEY = ['replica', 'snapshots'] as const;

/** Loaded once, then kept current by `replica.onReplicasChanged`. */
export const useReplicas = () => {
  const client = useQueryClient();
  useContractEvent('replica.onReplicasChanged', (list) =>
    client.setQueryData<ReplicaList>(REPLICAS_KEY, list),
  );
  return useQuery({
    queryKey: REPLICAS_KEY,
    queryFn: () => rpc.call('replica.listReplicas', {}),
    staleTime: Infinity,
  });
};

export const useReplicaOf = (remoteId: string | null) => {
  const { data } = useReplicas();
  return data?.replicas.find((replica) => replica.of === remoteId) ?? null;
};

export const useSnapshots = () =>
  useQuery({ queryKey: SNAPSHOTS_KEY, queryFn: () => rpc.call('replica.listSnapshots', {}) });
