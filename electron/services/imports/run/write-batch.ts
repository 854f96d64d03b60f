import { randomUUID } from 'node:crypto';
import type { ModelObject } from '../../../../shared/contract/data-model';
import type { ImportMode, KeyTarget } from '../../../../shared/imports';
import type { AppError } from '../../../../shared/errors/app-error';
import { isAppError } from '../../../../shared/errors/app-error';
import type { TwentyClient, TwentyRecord } from '../../twenty-client';
import { findByKeys } from '../workspace-keys';
import type { BatchPlan, ParentPlan, RowResultEntry } from './import-journal';
import type { LookupResolver } from './lookup-resolver';
import type { StagedRow } from './stage-step';

/**
 * One batch of staged rows: planned (lookups, which rows create and which update, the values an
 * update will overwrite), then sent — parents first, then new records with the ids the plan chose
 * (`POST /rest/batch/{plural}`), then updates (`?upsert=true` by id). Twenty refuses a whole
 * batch for one bad record, so a refused batch is split in halves until the record at fault is
 * alone and reported with Twenty's message; the others are written.
 */
export interface BatchContext {
  client: TwentyClient;
  object: ModelObject;
  mode: ImportMode;
  key: KeyTarget | null;
  lookups: LookupResolver;
  signal?: AbortSignal;
}

const ANY_DELETED_STATE = 'or(deletedAt[is]:NULL,deletedAt[is]:NOT_NULL)';

const settledRow = (
  line: number,
  status: RowResultEntry['status'],
  reason: string,
  id: string | null = null,
): RowResultEntry => ({
  line,
  status,
  id,
  reason,
});

export const planBatch = async (ctx: BatchContext, rows: StagedRow[]): Promise<BatchPlan> => {
  const plan: BatchPlan = { creates: [], updates: [], parents: [], settled: [] };
  const lookups = await ctx.lookups.resolve(rows, ctx.signal);
  plan.parents = lookups.parents;
  const attachments = lookups.attachments;
  const live = rows.filter((row) => {
    const reason = lookups.failed.get(row.line);
    if (reason) plan.settled.push(settledRow(row.line, 'failed', reason));
    return !reason;
  });
  const existing = new Map<string, TwentyRecord[]>();
  if (ctx.key) {
    const keys = live.flatMap((row) => (row.key === null ? [] : [row.key]));
    if (keys.length > 0)
      for (const [key, records] of (
        await findByKeys(ctx.client, ctx.object, ctx.key, keys, ctx.signal)
      ).byKey)
        existing.set(key, records);
  }
  for (const row of live) {
    const links = lookups.links.get(row.line) ?? {};
    const matches = row.key === null ? [] : (existing.get(row.key) ?? []);
    if (matches.length > 1) {
      plan.settled.push(
        settledRow(
          row.line,
          ctx.mode === 'create' ? 'skipped' : 'failed',
          `${matches.length} records have ${ctx.key!.path} "${row.key}"`,
        ),
      );
      continue;
    }
    const match = matches[0];
    if (match && ctx.mode === 'create') {
      plan.settled.push(
        settledRow(
          row.line,
          'skipped',
          `Already in the workspace (${ctx.key!.path} "${row.key}")`,
          String(match.id),
        ),
      );
      continue;
    }
    if (!match && ctx.mode === 'update') {
      plan.settled.push(
        settledRow(
          row.line,
          'skipped',
          row.key === null
            ? `No ${ctx.key?.path ?? 'key'} in this row`
            : `No record has ${ctx.key!.path} "${row.key}"`,
        ),
      );
      continue;
    }
    if (match) {
      const previous: Record<string, unknown> = {};
      for (const name of [...Object.keys(row.values), ...Object.keys(links)])
        previous[name] = match[name] ?? null;
      plan.updates.push({
        line: row.line,
        id: String(match.id),
        links,
        previous,
        trashed: typeof match.deletedAt === 'string',
      });
    } else plan.creates.push({ line: row.line, id: randomUUID(), links });
  }
  // Attachments go with new records only: a record updated again would be attached twice.
  const created = new Set(plan.creates.map((create) => create.line));
  const attach = attachments.filter((attachment) => created.has(attachment.line));
  if (attach.length > 0) plan.attachments = attach;
  return plan;
};

/** A refusal of the records themselves (not of the connection, the key or the server). */
const isRowRefusal = (error: unknown): error is AppError =>
  isAppError(error) &&
  (error.code === 'VALIDATION' ||
    error.code === 'CONFLICT' ||
    [400, 409, 422].includes(Number(error.details?.status)));

/** Sends records, splitting refused batches down to the record at fault. */
const sendSplitting = async (
  ctx: BatchContext,
  plural: string,
  records: TwentyRecord[],
  upsert: boolean,
  failed: Map<string, string>,
): Promise<void> => {
  if (records.length === 0) return;
  try {
    await ctx.client.rest.createMany(plural, records, {
      upsert,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    if (!isRowRefusal(error)) throw error;
    if (records.length === 1) {
      failed.set(String(records[0]!.id), error.message);
      return;
    }
    const half = Math.ceil(records.length / 2);
    await sendSplitting(ctx, plural, records.slice(0, half), upsert, failed);
    await sendSplitting(ctx, plural, records.slice(half), upsert, failed);
  }
};

/** Ids among these that the workspace has (a resent batch's records written before a crash). */
const presentIds = async (
  ctx: BatchContext,
  plural: string,
  ids: string[],
): Promise<Set<string>> => {
  const present = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    const part = ids.slice(i, i + 100);
    for await (const page of ctx.client.rest.listAll(plural, {
      filter: `and(id[in]:[${part.map((id) => `"${id}"`).join(',')}],${ANY_DELETED_STATE})`,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    }))
      for (const record of page) present.add(String(record.id));
  }
  return present;
};

export interface BatchOutcome {
  results: RowResultEntry[];
  parentsCreated: string[];
  attachmentsCreated: string[];
}

export const sendBatch = async (
  ctx: BatchContext,
  plan: BatchPlan,
  rows: StagedRow[],
  resumed: boolean,
): Promise<BatchOutcome> => {
  const byLine = new Map(rows.map((row) => [row.line, row]));
  const results: RowResultEntry[] = [...plan.settled];

  // Parents, grouped by object.
  const parentFailures = new Map<string, string>();
  const parentsCreated: string[] = [];
  const parentGroups = new Map<string, ParentPlan[]>();
  for (const parent of plan.parents)
    parentGroups.set(parent.plural, [...(parentGroups.get(parent.plural) ?? []), parent]);
  for (const [plural, parents] of parentGroups) {
    const present = resumed
      ? await presentIds(
          ctx,
          plural,
          parents.map((parent) => parent.id),
        )
      : new Set<string>();
    const failed = new Map<string, string>();
    await sendSplitting(
      ctx,
      plural,
      parents
        .filter((parent) => !present.has(parent.id))
        .map((parent) => ({ id: parent.id, ...parent.values })),
      false,
      failed,
    );
    for (const parent of parents) {
      const reason = failed.get(parent.id);
      if (reason) {
        parentFailures.set(parent.id, `Could not create the ${parent.object} to link: ${reason}`);
        ctx.lookups.forget(parent.lookup);
      } else parentsCreated.push(parent.id);
    }
  }
  const parentProblem = (links: Record<string, string>) =>
    Object.values(links)
      .map((id) => parentFailures.get(id))
      .find(Boolean);

  // New records.
  const plural = ctx.object.namePlural;
  const creates = plan.creates.filter((create) => {
    const problem = parentProblem(create.links);
    if (problem) results.push(settledRow(create.line, 'failed', problem));
    return !problem;
  });
  const present = resumed
    ? await presentIds(
        ctx,
        plural,
        creates.map((create) => create.id),
      )
    : new Set<string>();
  const createFailures = new Map<string, string>();
  await sendSplitting(
    ctx,
    plural,
    creates
      .filter((create) => !present.has(create.id))
      .map((create) => ({ ...byLine.get(create.line)!.values, ...create.links, id: create.id })),
    false,
    createFailures,
  );
  for (const create of creates) {
    const reason = createFailures.get(create.id);
    results.push(
      reason
        ? settledRow(create.line, 'failed', reason)
        : settledRow(create.line, 'created', '', create.id),
    );
  }

  // Updates, by id.
  const updates = plan.updates.filter((update) => {
    const problem = parentProblem(update.links);
    if (problem) results.push(settledRow(update.line, 'failed', problem, update.id));
    return !problem;
  });
  const updateFailures = new Map<string, string>();
  await sendSplitting(
    ctx,
    plural,
    updates.map((update) => ({
      ...byLine.get(update.line)!.values,
      ...update.links,
      id: update.id,
    })),
    true,
    updateFailures,
  );
  for (const update of updates) {
    const reason = updateFailures.get(update.id);
    results.push(
      reason
        ? settledRow(update.line, 'failed', reason, update.id)
        : settledRow(
            update.line,
            'updated',
            update.trashed ? 'Restored from the trash' : '',
            update.id,
          ),
    );
  }
  // Junction records of the new records written (a note to its company…).
  const attachmentsCreated: string[] = [];
  const writtenIds = new Map(
    results
      .filter((result) => result.status === 'created' && result.id)
      .map((result) => [result.line, result.id!]),
  );
  const attachGroups = new Map<string, NonNullable<BatchPlan['attachments']>>();
  for (const attachment of plan.attachments ?? [])
    if (writtenIds.has(attachment.line))
      attachGroups.set(attachment.plural, [
        ...(attachGroups.get(attachment.plural) ?? []),
        attachment,
      ]);
  for (const [junctionPlural, group] of attachGroups) {
    const present = resumed
      ? await presentIds(
          ctx,
          junctionPlural,
          group.map((attachment) => attachment.id),
        )
      : new Set<string>();
    const failed = new Map<string, string>();
    await sendSplitting(
      ctx,
      junctionPlural,
      group
        .filter((attachment) => !present.has(attachment.id))
        .map((attachment) => ({
          id: attachment.id,
          [attachment.ownJoinColumn]: writtenIds.get(attachment.line)!,
          ...attachment.values,
        })),
      false,
      failed,
    );
    for (const attachment of group) {
      const reason = failed.get(attachment.id);
      if (!reason) {
        attachmentsCreated.push(attachment.id);
        continue;
      }
      const result = results.find((candidate) => candidate.line === attachment.line)!;
      result.reason = [result.reason, `Not attached (${attachment.object}): ${reason}`]
        .filter(Boolean)
        .join('; ');
    }
  }
  results.sort((a, b) => a.line - b.line);
  return { results, parentsCreated, attachmentsCreated };
};
