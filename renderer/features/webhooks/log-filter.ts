import type { DeliveryFilter, DeliverySummary, VerificationStatus } from '../../../shared/contract';

/**
 * The log's filters as the admin sets them (UI state) and as `webhooks.listDeliveries` takes
 * them. A relative range ("last hour") stays relative: it becomes a `from` when a page is read,
 * so the query key does not change every second.
 */
export const TIME_RANGES = ['all', '15m', '1h', '24h', '7d', 'custom'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

export const TIME_RANGE_LABELS: Record<TimeRange, string> = {
  all: 'Any time',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  custom: 'Between…',
};

const RANGE_MS: Record<Exclude<TimeRange, 'all' | 'custom'>, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};

export interface LogFilter {
  search: string;
  receiverId: string | null;
  eventName: string;
  objectName: string;
  recordId: string;
  range: TimeRange;
  /** `datetime-local` values (the admin's local time), used with `range: 'custom'`. */
  customFrom: string;
  customTo: string;
  verification: VerificationStatus[];
}

export const EMPTY_FILTER: LogFilter = {
  search: '',
  receiverId: null,
  eventName: '',
  objectName: '',
  recordId: '',
  range: 'all',
  customFrom: '',
  customTo: '',
  verification: [],
};

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A `datetime-local` value as an ISO time, or null when empty or not a date. */
const localToIso = (value: string): string | null => {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};

export const deliveryFilterOf = (filter: LogFilter, now: number = Date.now()): DeliveryFilter => {
  let from: string | null = null;
  let to: string | null = null;
  if (filter.range === 'custom') {
    from = localToIso(filter.customFrom);
    to = localToIso(filter.customTo);
  } else if (filter.range !== 'all') {
    from = new Date(now - RANGE_MS[filter.range]).toISOString();
  }
  return {
    search: text(filter.search),
    receiverId: filter.receiverId,
    eventName: text(filter.eventName),
    objectName: text(filter.objectName),
    recordId: text(filter.recordId),
    from,
    to,
    verification: filter.verification.length > 0 ? filter.verification : null,
  };
};

/** How many filters narrow the log (the search box aside), for the "Filters (n)" button. */
export const activeFilterCount = (filter: LogFilter): number =>
  [
    filter.receiverId !== null,
    text(filter.eventName) !== null,
    text(filter.objectName) !== null,
    text(filter.recordId) !== null,
    filter.range !== 'all',
    filter.verification.length > 0,
  ].filter(Boolean).length;

/**
 * Whether a delivery that just arrived belongs in a list read with this filter; null when only
 * main can tell (a full-text search).
 */
export const matchesFilter = (
  delivery: DeliverySummary,
  filter: DeliveryFilter,
): boolean | null => {
  if (filter.receiverId !== null && delivery.receiverId !== filter.receiverId) return false;
  if (filter.eventName !== null && delivery.eventName !== filter.eventName) return false;
  if (filter.objectName !== null && delivery.objectName !== filter.objectName) return false;
  if (filter.recordId !== null && delivery.recordId !== filter.recordId) return false;
  if (filter.verification !== null && !filter.verification.includes(delivery.verification))
    return false;
  const at = Date.parse(delivery.receivedAt);
  if (filter.from !== null && at < Date.parse(filter.from)) return false;
  if (filter.to !== null && at > Date.parse(filter.to)) return false;
  return filter.search === null ? true : null;
};
