/**
 * What a record's timestamps say happened to it in a window, and whether a delivery accounts for
 * it. Timestamps keep only the last state, so the rule is:
 * - `created` when createdAt is in the window, else `deleted` when deletedAt is, else `updated`;
 * - a `created` record is accounted for by its `.created` delivery, or — the timestamps cannot
 *   tell which came — by `.updated` when it was changed after creation, or `.deleted` when it
 *   was soft-deleted since (the receiver heard of the record after it appeared);
 * - an `updated` record by `.updated`, or `.restored` (a restore bumps updatedAt and Twenty sends
 *   `restored`, not `updated`);
 * - a `deleted` record by `.deleted` only (the soft delete; `destroyed` leaves no record to read);
 * - only deliveries received after the change count, less {@link CLOCK_SKEW_MS} for the
 *   difference between Twenty's clock and this computer's.
 */
export type ChangeAction = 'created' | 'updated' | 'deleted';

export const CLOCK_SKEW_MS = 5 * 60_000;

export interface Change {
  action: ChangeAction;
  /** When it happened (the timestamp that says so), ISO. */
  at: string;
}

export interface Delivery {
  recordId: string;
  eventName: string;
  receivedAt: string;
}

const time = (value: unknown): number | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
};

const iso = (ms: number) => new Date(ms).toISOString();

export const classifyChange = (
  record: Record<string, unknown>,
  from: Date,
  to: Date,
): Change | null => {
  const inWindow = (ms: number | null): ms is number =>
    ms !== null && ms >= from.getTime() && ms <= to.getTime();
  const created = time(record.createdAt);
  const updated = time(record.updatedAt);
  const deleted = time(record.deletedAt);
  if (inWindow(created)) return { action: 'created', at: iso(created) };
  if (inWindow(deleted)) return { action: 'deleted', at: iso(deleted) };
  if (inWindow(updated)) return { action: 'updated', at: iso(updated) };
  return null;
};

export const acceptedActions = (record: Record<string, unknown>, change: Change): string[] => {
  if (change.action === 'deleted') return ['deleted'];
  if (change.action === 'updated') return ['updated', 'restored'];
  const created = time(record.createdAt);
  const updated = time(record.updatedAt);
  return [
    'created',
    ...(created !== null && updated !== null && updated > created ? ['updated'] : []),
    ...(time(record.deletedAt) !== null ? ['deleted'] : []),
  ];
};

export const isAccountedFor = (
  objectName: string,
  record: Record<string, unknown>,
  change: Change,
  deliveries: Delivery[],
): boolean => {
  const events = new Set(
    acceptedActions(record, change).map((action) => `${objectName}.${action}`),
  );
  const since = new Date(change.at).getTime() - CLOCK_SKEW_MS;
  return deliveries.some((delivery) => {
    if (!events.has(delivery.eventName)) return false;
    const received = time(delivery.receivedAt);
    return received === null || received >= since;
  });
};
