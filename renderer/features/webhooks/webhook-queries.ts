import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import type { DeliverySummary, Receiver } from '../../../shared/contract';
import { rpc } from '../../api/rpc';
import { useContractEvent } from '../../api/use-contract-event';
import { toastError } from '../../ui/toast-error';
import { applyArrivals, nextBeforeSeq, type DeliveryPages } from './delivery-cache';
import { deliveryFilterOf, type LogFilter } from './log-filter';

/**
 * Server state of the inspector (React Query). Main pushes receivers (`onReceiversChanged`) and
 * new deliveries (`onDeliveries`), which land in the cache: no polling.
 */
export const RECEIVERS_KEY = ['webhooks', 'receivers'] as const;
export const DELIVERIES_KEY = ['webhooks', 'deliveries'] as const;
export const LOG_STATS_KEY = ['webhooks', 'logStats'] as const;
export const deliveriesKey = (filter: LogFilter) => [...DELIVERIES_KEY, filter] as const;
export const deliveryKey = (id: string | null) => ['webhooks', 'delivery', id] as const;
export const twentyWebhooksKey = (connectionId: string | null) =>
  ['webhooks', 'twenty', connectionId] as const;

export const PAGE_SIZE = 100;
/** How often the log is read again while deliveries wait to be indexed. */
const PENDING_POLL_MS = 1000;
/** How long a delivery that just arrived stays highlighted. */
export const FRESH_MS = 4000;

/** Puts a receiver main answered with into the list. */
export const storeReceiver = (client: QueryClient, receiver: Receiver): void => {
  client.setQueryData<Receiver[]>(RECEIVERS_KEY, (list) =>
    list
      ? list.some((item) => item.id === receiver.id)
        ? list.map((item) => (item.id === receiver.id ? receiver : item))
        : [...list, receiver]
      : list,
  );
};

/** New deliveries into every cached list they belong to (a search is read again). */
const storeArrivals = (client: QueryClient, arrived: DeliverySummary[]): void => {
  const now = Date.now();
  for (const [key, data] of client.getQueriesData<DeliveryPages>({ queryKey: DELIVERIES_KEY })) {
    if (!data) continue;
    const filter = deliveryFilterOf(key[2] as LogFilter, now);
    const result = applyArrivals(data, arrived, filter);
    if (result.data !== data) client.setQueryData(key, result.data);
    if (result.refetch) void client.invalidateQueries({ queryKey: key, exact: true });
  }
  void client.invalidateQueries({ queryKey: LOG_STATS_KEY });
};

/**
 * Mounted once by the page: events into the cache; answers the ids that arrived in the last few
 * seconds, for the list's highlight.
 */
export const useWebhookEvents = (): ReadonlySet<string> => {
  const client = useQueryClient();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useContractEvent('webhooks.onReceiversChanged', (list) =>
    client.setQueryData(RECEIVERS_KEY, list),
  );
  useContractEvent('webhooks.onDeliveries', ({ deliveries }) => {
    storeArrivals(client, deliveries);
    setFresh((previous) => new Set([...previous, ...deliveries.map((item) => item.id)]));
    setTimeout(
      () =>
        setFresh((previous) => {
          const next = new Set(previous);
          for (const item of deliveries) next.delete(item.id);
          return next;
        }),
      FRESH_MS,
    );
  });
  return fresh;
};

export const useReceivers = () =>
  useQuery({
    queryKey: RECEIVERS_KEY,
    queryFn: () => rpc.call('webhooks.listReceivers', {}),
    staleTime: Infinity,
    refetchOnMount: 'always',
  });

export const useDeliveries = (filter: LogFilter) =>
  useInfiniteQuery({
    queryKey: deliveriesKey(filter),
    queryFn: ({ pageParam }) =>
      rpc.call('webhooks.listDeliveries', {
        ...deliveryFilterOf(filter),
        beforeSeq: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => nextBeforeSeq(last),
    // Events keep it current while the log is open; read again when it opens.
    staleTime: Infinity,
    refetchOnMount: 'always',
    // While main is still indexing, a search may miss deliveries: read again until it caught up.
    refetchInterval: (query) =>
      (query.state.data?.pages[0]?.pendingIndex ?? 0) > 0 ? PENDING_POLL_MS : false,
  });

export const useDelivery = (id: string | null) =>
  useQuery({
    queryKey: deliveryKey(id),
    queryFn: () => rpc.call('webhooks.getDelivery', { id: id! }),
    enabled: id !== null,
    // Forwards land after the delivery was logged: read again when selected anew.
    staleTime: 2000,
  });

export const useLogStats = () =>
  useQuery({ queryKey: LOG_STATS_KEY, queryFn: () => rpc.call('webhooks.logStats', {}) });

export const useTwentyWebhooks = (connectionId: string | null) =>
  useQuery({
    queryKey: twentyWebhooksKey(connectionId),
    queryFn: () => rpc.call('webhooks.listWebhooks', { connectionId: connectionId! }),
    enabled: connectionId !== null,
  });

/** A receiver action whose answer replaces the receiver in the list; failures are toasted. */
export const useReceiverAction = <I>(run: (input: I) => Promise<Receiver>) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (receiver) => storeReceiver(client, receiver),
    onError: toastError,
  });
};
