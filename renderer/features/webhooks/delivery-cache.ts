import type { InfiniteData } from '@tanstack/react-query';
import type { DeliveryFilter, DeliveryPage, DeliverySummary } from '../../../shared/contract';
import { matchesFilter } from './log-filter';

export type DeliveryPages = InfiniteData<DeliveryPage, number | null>;

/**
 * What `webhooks.onDeliveries` does to one cached list: the new deliveries that match its filter
 * go on top of the first page (newest first, no duplicates) and count in its total. Later pages
 * page by `beforeSeq`, so they stay right. `refetch`: a full-text search only main can judge.
 */
export const applyArrivals = (
  data: DeliveryPages,
  arrived: DeliverySummary[],
  filter: DeliveryFilter,
): { data: DeliveryPages; refetch: boolean } => {
  const [first, ...rest] = data.pages;
  if (!first) return { data, refetch: false };
  let refetch = false;
  // The log is filled in seq order and events follow the filling, so a delivery at or below the
  // newest seq the list was read with was already counted in its total (loaded or not).
  const newest = first.deliveries[0]?.seq ?? -1;
  const known = new Set(data.pages.flatMap((page) => page.deliveries.map((item) => item.id)));
  const added = arrived.filter((delivery) => {
    if (known.has(delivery.id) || delivery.seq <= newest) return false;
    const match = matchesFilter(delivery, filter);
    if (match === null) refetch = true;
    return match === true;
  });
  if (added.length === 0) return { data, refetch };
  const deliveries = [...added, ...first.deliveries].sort((a, b) => b.seq - a.seq);
  return {
    data: {
      ...data,
      pages: [{ ...first, deliveries, total: first.total + added.length }, ...rest],
    },
    refetch,
  };
};

/** The `beforeSeq` of the page after `last`, or undefined when there is none. */
export const nextBeforeSeq = (last: DeliveryPage): number | undefined =>
  last.hasMore && last.deliveries.length > 0
    ? last.deliveries[last.deliveries.length - 1]!.seq
    : undefined;
