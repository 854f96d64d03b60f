import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectionList } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useContractEvent } from '../../api/use-contract-event';
import { toastError } from '../../ui/toast-error';

export const CONNECTIONS_KEY = ['workspaces', 'connections'] as const;

/** The list is pushed by main on every change, so the query only loads it once. */
export const useConnections = () => {
  const client = useQueryClient();
  useContractEvent('workspaces.onConnectionsChanged', (list) =>
    client.setQueryData<ConnectionList>(CONNECTIONS_KEY, list),
  );
  return useQuery({
    queryKey: CONNECTIONS_KEY,
    queryFn: () => rpc.call('workspaces.listConnections', {}),
    staleTime: Infinity,
  });
};

export const useActiveConnection = () => {
  const { data } = useConnections();
  return data?.connections.find((connection) => connection.id === data.activeId) ?? null;
};

const useListMutation = <I, O>(run: (input: I) => Promise<O>) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onError: toastError,
    onSettled: () => client.invalidateQueries({ queryKey: CONNECTIONS_KEY }),
  });
};

export const useSelectConnection = () =>
  useListMutation((id: string) => rpc.call('workspaces.selectConnection', { id }));

export const useTestConnection = () =>
  useListMutation((id: string) => rpc.call('workspaces.testConnection', { id }));

export const useRemoveConnection = () =>
  useListMutation((id: string) => rpc.call('workspaces.removeConnection', { id }));
