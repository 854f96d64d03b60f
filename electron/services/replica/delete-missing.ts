import { clientSource, scanIds, TRASHED } from './record-source';
import { objectState } from './replica-journal';
import type { ReplicaObject } from './replica-objects';
import { throwIfCancelled, type PassContext } from './write-records';

/**
 * Refresh's third pass: records of the target that no live source record maps to go. One the
 * source has in its trash is soft-deleted (restorable, as in the source); one the source no
 * longer has at all is destroyed. Records the target held before the replica first wrote the
 * object are never touched. Costs a scan of source ids, source trash and target ids.
 */
export const deleteMissingPass = async (
  ctx: PassContext,
  object: ReplicaObject,
): Promise<{ trashed: number; destroyed: number }> => {
  const progress = ctx.journal.run!.objects[object.nameSingular];
  if (progress?.phase !== 'deletions') return { trashed: 0, destroyed: 0 };
  const state = objectState(ctx.journal, object.nameSingular, object.namePlural);
  const scan = { pageSize: 200, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  const live = await scanIds(ctx.source, object.namePlural, scan);
  const trash = await scanIds(ctx.source, object.namePlural, { ...scan, filter: TRASHED });
  const targetIds = await scanIds(clientSource(ctx.target), object.namePlural, scan);
  throwIfCancelled(ctx.signal);
  const kept = new Set(state.preexisting ?? []);
  for (const id of live) kept.add(state.idMap[id] ?? id);
  const sourceOf = new Map(Object.entries(state.idMap).map(([from, to]) => [to, from]));
  const soft: string[] = [];
  const destroy: string[] = [];
  for (const id of targetIds) {
    if (kept.has(id)) continue;
    (trash.has(sourceOf.get(id) ?? id) ? soft : destroy).push(id);
  }
  const options = ctx.signal ? { signal: ctx.signal } : {};
  if (soft.length > 0)
    await ctx.target.rest.deleteMany(object.namePlural, { ids: soft }, { ...options, soft: true });
  if (destroy.length > 0)
    await ctx.target.rest.deleteMany(object.namePlural, { ids: destroy }, options);
  Object.assign(progress, { phase: 'done', cursor: null, done: soft.length + destroy.length });
  await ctx.save();
  ctx.report(object.nameSingular, 'deletions', soft.length + destroy.length, targetIds.size);
  return { trashed: soft.length, destroyed: destroy.length };
};
