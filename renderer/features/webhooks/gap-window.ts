/** The time windows the gap finder offers, ending now. */
export const GAP_WINDOWS = [
  { id: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
] as const;
export type GapWindowId = (typeof GAP_WINDOWS)[number]['id'];

export const gapWindow = (id: GapWindowId, now: number = Date.now()) => {
  const window = GAP_WINDOWS.find((item) => item.id === id)!;
  return { from: new Date(now - window.ms).toISOString(), to: new Date(now).toISOString() };
};

/** Missing events grouped by object, as `webhooks.fetchRecords` reads them (200 ids a call). */
export const idsByObject = (
  missing: ReadonlyArray<{ objectName: string; recordId: string }>,
): Array<{ objectName: string; recordIds: string[] }> => {
  const groups = new Map<string, Set<string>>();
  for (const item of missing) {
    const ids = groups.get(item.objectName) ?? new Set<string>();
    ids.add(item.recordId);
    groups.set(item.objectName, ids);
  }
  return [...groups].flatMap(([objectName, ids]) => {
    const all = [...ids];
    const chunks: Array<{ objectName: string; recordIds: string[] }> = [];
    for (let start = 0; start < all.length; start += 200)
      chunks.push({ objectName, recordIds: all.slice(start, start + 200) });
    return chunks;
  });
};

/** Missing events per object, the objects with most first, for a report that stays readable. */
export const missingByObject = <T extends { objectName: string }>(
  missing: ReadonlyArray<T>,
): Array<{ objectName: string; events: T[] }> => {
  const groups = new Map<string, T[]>();
  for (const item of missing)
    groups.set(item.objectName, [...(groups.get(item.objectName) ?? []), item]);
  return [...groups]
    .map(([objectName, events]) => ({ objectName, events }))
    .sort((a, b) => b.events.length - a.events.length || a.objectName.localeCompare(b.objectName));
};
