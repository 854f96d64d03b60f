import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import type { TwentyClient, TwentyRecord } from '../twenty-client';
import { linkBody, recordBody } from './record-payloads';
import { clientSource, existingIds, scanIds, ANY_DELETED_STATE, TRASHED } from './record-source';
import type { RecordSource } from './record-source';
import {
  objectState,
  PHASES,
  targetIdOf,
  type Journal,
  type ObjectProgress,
  type Phase,
} from './replica-journal';
import type { LinkField, ReplicaObject } from './replica-objects';

/**
 * The two record passes of a run, one object at a time, a journal save after every batch.
 * Pass 1 writes each page of source records with `?upsert=true` under the target id (the source's
 * own unless the target held it before the copy, then a new one kept in the journal), so a batch
 * sent again updates what it created. Pass 2 reads the same pages and sets the join columns
 * through the id maps. Trashed records go through both passes too (written, then soft-deleted
 * again, since an upsert restores a trashed row), so live records may point at them as in the
 * source.
 */
export interface PassContext {
  source: RecordSource;
  target: TwentyClient;
  journal: Journal;
  save(): Promise<void>;
  /** Objects of this run, by nameSingular. */
  objects: Map<string, ReplicaObject>;
  caps: Map<string, number>;
  pageSize: number;
  /** Refresh: only records updated after `since`. */
  filter?: string;
  /** Refresh: a record's links may have become empty, so empty links are written too. */
  writeEmptyLinks: boolean;
  /** Copy the source's trash (copy and import; a refresh's deletions pass mirrors it instead). */
  withTrash: boolean;
  deletions: boolean;
  report(object: string, phase: string, done: number, total: number | null): void;
  signal?: AbortSignal;
}

export const throwIfCancelled = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The replica run was cancelled');
};

const progressOf = (ctx: PassContext, name: string): ObjectProgress =>
  (ctx.journal.run!.objects[name] ??= { phase: 'records', cursor: null, done: 0 });

const isTrashPhase = (phase: Phase) => phase === 'trash' || phase === 'trash-links';

/** The phase after this one for an object (trash phases only where the trash is copied). */
const nextPhase = (ctx: PassContext, object: ReplicaObject, phase: Phase): Phase => {
  const withTrash = ctx.withTrash && !ctx.caps.has(object.nameSingular);
  const applies = (candidate: Phase) =>
    (withTrash || !isTrashPhase(candidate)) && (ctx.deletions || candidate !== 'deletions');
  return PHASES.slice(PHASES.indexOf(phase) + 1).find(applies) ?? 'done';
};

const finishPhase = async (ctx: PassContext, object: ReplicaObject, progress: ObjectProgress) => {
  Object.assign(progress, {
    phase: nextPhase(ctx, object, progress.phase),
    cursor: null,
    done: 0,
  });
  await ctx.save();
};

/** The run's filter, narrowed to the trash in a trash phase. */
const filterOf = (ctx: PassContext, phase: Phase): string | undefined => {
  if (!isTrashPhase(phase)) return ctx.filter;
  return ctx.filter ? `and(${ctx.filter},${TRASHED})` : TRASHED;
};

const trashAgain = async (ctx: PassContext, object: ReplicaObject, ids: string[]) => {
  if (ids.length > 0)
    await ctx.target.rest.deleteMany(
      object.namePlural,
      { ids },
      { soft: true, ...(ctx.signal ? { signal: ctx.signal } : {}) },
    );
};

/** Target ids present before the replica first wrote this object (read once, then journaled). */
const preexistingIds = async (ctx: PassContext, object: ReplicaObject): Promise<Set<string>> => {
  const state = objectState(ctx.journal, object.nameSingular, object.namePlural);
  if (state.preexisting === null) {
    state.preexisting = [
      ...(await scanIds(clientSource(ctx.target), object.namePlural, {
        filter: ANY_DELETED_STATE,
        pageSize: 200,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      })),
    ];
    await ctx.save();
  }
  return new Set(state.preexisting);
};

export const writeRecordsPass = async (
  ctx: PassContext,
  object: ReplicaObject,
  phase: 'records' | 'trash',
): Promise<void> => {
  const progress = progressOf(ctx, object.nameSingular);
  if (progress.phase !== phase) return;
  const filter = filterOf(ctx, phase);
  const state = objectState(ctx.journal, object.nameSingular, object.namePlural);
  const preexisting = await preexistingIds(ctx, object);
  const cap = phase === 'records' ? ctx.caps.get(object.nameSingular) : undefined;
  if (cap !== undefined) state.copied ??= [];
  const copied = new Set(state.copied ?? []);
  for await (const page of ctx.source.pages(object.namePlural, {
    after: progress.cursor,
    pageSize: ctx.pageSize,
    ...(filter ? { filter } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  })) {
    throwIfCancelled(ctx.signal);
    const records =
      cap === undefined ? page.records : page.records.slice(0, Math.max(0, cap - progress.done));
    if (records.length > 0) {
      let remapped = false;
      const bodies = records.map((record) => {
        const sourceId = String(record.id);
        let targetId = state.idMap[sourceId];
        if (!targetId && preexisting.has(sourceId)) {
          targetId = state.idMap[sourceId] = randomUUID();
          remapped = true;
        }
        return recordBody(object, record, targetId ?? sourceId);
      });
      // A new id must be on disk before it is sent, or a resumed run would pick another.
      if (remapped) await ctx.save();
      const written = await ctx.target.rest.createMany(object.namePlural, bodies, {
        upsert: true,
        batchSize: bodies.length,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      // Upsert also matches unique fields (an e-mail the target already has): that record's id wins.
      written.forEach((record, i) => {
        if (typeof record.id === 'string' && record.id !== bodies[i]!.id)
          state.idMap[String(records[i]!.id)] = record.id;
      });
      if (state.copied) for (const record of records) copied.add(String(record.id));
      if (state.copied) state.copied = [...copied];
      if (phase === 'trash')
        await trashAgain(
          ctx,
          object,
          written.map((r) => String(r.id)),
        );
    }
    progress.cursor = page.endCursor;
    progress.done += records.length;
    await ctx.save();
    const total = cap === undefined ? page.totalCount : Math.min(cap, page.totalCount ?? cap);
    ctx.report(object.nameSingular, phase, progress.done, total);
    if (cap !== undefined && progress.done >= cap) break;
  }
  await finishPhase(ctx, object, progress);
};

/** Where a source id points in the target: mapped, or null when a capped copy left it out. */
const resolverFor = (ctx: PassContext) => {
  const capped = new Map<string, Set<string>>();
  return (link: LinkField, ref: string): string | null => {
    const state = ctx.journal.objects[link.targetObject];
    if (state?.copied) {
      let copied = capped.get(link.targetObject);
      if (!copied) capped.set(link.targetObject, (copied = new Set(state.copied)));
      if (!copied.has(ref)) return null;
    }
    return targetIdOf(state, ref);
  };
};

/**
 * Writes join columns; when Twenty refuses the batch, the ids it points at are checked in the
 * target (a record trashed or left out in the source is not there) and the missing ones cleared.
 */
const writeLinks = async (ctx: PassContext, object: ReplicaObject, bodies: TwentyRecord[]) => {
  const options = {
    upsert: true,
    batchSize: bodies.length,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  try {
    await ctx.target.rest.createMany(object.namePlural, bodies, options);
  } catch (error) {
    if (isAppError(error) && error.code === 'CANCELLED') throw error;
    for (const link of object.links) {
      const refs = bodies.flatMap((body) => {
        const ref = body[link.joinColumn];
        return typeof ref === 'string' ? [ref] : [];
      });
      const plural = ctx.objects.get(link.targetObject)?.namePlural;
      if (!plural || refs.length === 0) continue;
      const present = await existingIds(ctx.target, plural, [...new Set(refs)], ctx.signal);
      for (const body of bodies) {
        const ref = body[link.joinColumn];
        if (typeof ref === 'string' && !present.has(ref)) body[link.joinColumn] = null;
      }
    }
    await ctx.target.rest.createMany(object.namePlural, bodies, options);
  }
};

export const linkRecordsPass = async (
  ctx: PassContext,
  object: ReplicaObject,
  phase: 'links' | 'trash-links',
): Promise<void> => {
  const progress = progressOf(ctx, object.nameSingular);
  if (progress.phase !== phase) return;
  const filter = filterOf(ctx, phase);
  const state = objectState(ctx.journal, object.nameSingular, object.namePlural);
  const copied = state.copied ? new Set(state.copied) : null;
  const resolve = resolverFor(ctx);
  if (object.links.length > 0 && (copied === null || copied.size > 0)) {
    let seen = 0;
    for await (const page of ctx.source.pages(object.namePlural, {
      after: progress.cursor,
      pageSize: ctx.pageSize,
      ...(filter ? { filter } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) {
      throwIfCancelled(ctx.signal);
      const records = copied
        ? page.records.filter((record) => copied.has(String(record.id)))
        : page.records;
      const bodies = records.flatMap((record) => {
        const { body, linked } = linkBody(
          object,
          record,
          targetIdOf(state, String(record.id)),
          resolve,
        );
        return linked > 0 || ctx.writeEmptyLinks ? [body] : [];
      });
      if (bodies.length > 0) await writeLinks(ctx, object, bodies);
      if (phase === 'trash-links')
        await trashAgain(
          ctx,
          object,
          bodies.map((body) => String(body.id)),
        );
      seen += records.length;
      progress.cursor = page.endCursor;
      progress.done += bodies.length;
      await ctx.save();
      ctx.report(object.nameSingular, phase, progress.done, page.totalCount);
      // A capped object's records are the first ones: stop once they are all linked.
      if (copied && seen >= copied.size) break;
    }
  }
  await finishPhase(ctx, object, progress);
};
