import type { WorkspaceRuntime } from '../workspace-runtime';
import { findRecordById, findRecords } from './find-records';
import type { FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import { sortKey } from './query/order-by';
import { RecordError } from './record-errors';
import { findUpsertMatch } from './find-upsert-match';
import { assertConsistentConnects, resolveNestedRelations } from './resolve-nested-relations';
import type { RecordAction } from './record-events';
import type { ObjectShape } from './record-shape';
import {
  createRecords,
  destroyRecord,
  restoreRecord,
  softDeleteRecord,
  updateRecord,
  type Actor,
} from './write-records';

/**
 * API-agnostic record writes: REST and GraphQL both go through here, so each write emits the
 * same webhook event once its transaction has committed.
 */
const emit = (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  action: RecordAction,
  record: Record<string, unknown>,
  updatedFields?: string[],
) =>
  runtime.events.emit({
    action,
    objectMetadata: { id: shape.object.id, nameSingular: shape.object.nameSingular },
    record,
    ...(updatedFields ? { updatedFields } : {}),
    eventDate: new Date().toISOString(),
    workspaceId: runtime.workspace.id,
  });

/** Nested `connect` / `disconnect` inputs become foreign keys before anything is written. */
const resolveAll = (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  inputs: Record<string, unknown>[],
) => {
  assertConsistentConnects(shape, inputs);
  return Promise.all(
    inputs.map((input) =>
      resolveNestedRelations(runtime.engine, runtime.metadata.snapshot, shape, input),
    ),
  );
};

export const createMany = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  inputs: Record<string, unknown>[],
  actor: Actor,
) => {
  const resolved = await resolveAll(runtime, shape, inputs);
  // One transaction: a batch lands whole or not at all.
  const records = await runtime.engine.transaction((tx) =>
    createRecords(tx, shape, resolved, actor),
  );
  for (const record of records) emit(runtime, shape, 'created', record);
  return records;
};

/**
 * Upsert (REST `?upsert=true`, GraphQL `upsert: true`): each input updates the record it matches
 * on id or a unique field (restoring it if soft-deleted, createdBy kept) or is inserted; the whole
 * call is one transaction.
 */
export const upsertMany = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  inputs: Record<string, unknown>[],
  actor: Actor,
) => {
  const resolvedInputs = await resolveAll(runtime, shape, inputs);
  const outcomes = await runtime.engine.transaction(async (tx) => {
    const results: Array<{
      action: 'created' | 'updated';
      record: Record<string, unknown>;
      updatedFields?: string[];
    }> = [];
    for (const input of resolvedInputs) {
      const matchId = await findUpsertMatch(tx, shape, input);
      if (matchId) {
        const record = await updateRecord(tx, shape, matchId, input, actor, { restore: true });
        results.push({
          action: 'updated',
          record,
          updatedFields: Object.keys(input).filter((key) => key !== 'id'),
        });
      } else {
        const [record] = await createRecords(tx, shape, [input], actor);
        results.push({ action: 'created', record: record! });
      }
    }
    return results;
  });
  for (const outcome of outcomes)
    emit(runtime, shape, outcome.action, outcome.record, outcome.updatedFields);
  return outcomes.map((outcome) => outcome.record);
};

export const updateOne = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  id: string,
  input: Record<string, unknown>,
  actor: Actor,
) => {
  input = await resolveNestedRelations(runtime.engine, runtime.metadata.snapshot, shape, input);
  const before = await findRecordById(runtime.engine, shape, id);
  const after = await updateRecord(runtime.engine, shape, id, input, actor);
  const updatedFields = Object.keys(input).filter(
    (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after[key]),
  );
  emit(runtime, shape, 'updated', after, updatedFields);
  return after;
};

export const softDeleteOne = async (runtime: WorkspaceRuntime, shape: ObjectShape, id: string) => {
  const record = await softDeleteRecord(runtime.engine, shape, id);
  emit(runtime, shape, 'deleted', record);
  return record;
};

export const destroyOne = async (runtime: WorkspaceRuntime, shape: ObjectShape, id: string) => {
  const record = await destroyRecord(runtime.engine, shape, id);
  emit(runtime, shape, 'destroyed', record);
  return record;
};

export const restoreOne = async (runtime: WorkspaceRuntime, shape: ObjectShape, id: string) => {
  const record = await restoreRecord(runtime.engine, shape, id);
  emit(runtime, shape, 'restored', record);
  return record;
};

/** Ids a bulk operation acts on: those the filter selects, refused above Twenty's 200 cap. */
export const idsMatching = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  filter: FilterNode,
  verb: 'update' | 'delete' | 'destroy' | 'restore',
  maxRecords = 200,
): Promise<string[]> => {
  // destroy reaches trashed rows too; restore only trashed rows; update/delete only live rows.
  const anyDeletedState: FilterNode = {
    or: [
      { path: ['deletedAt'], op: 'is', value: 'NULL' },
      { path: ['deletedAt'], op: 'is', value: 'NOT_NULL' },
    ],
  };
  const trashed: FilterNode = { path: ['deletedAt'], op: 'is', value: 'NOT_NULL' };
  const softDeletable = shape.byName.has('deletedAt');
  const scope: FilterNode =
    softDeletable && verb === 'destroy'
      ? { and: [filter, anyDeletedState] }
      : softDeletable && verb === 'restore'
        ? { and: [filter, trashed] }
        : filter;
  const page = await findRecords(runtime.engine, shape, {
    filter: scope,
    orderBy: [sortKey(shape, ['id'], 'AscNullsFirst')],
    limit: maxRecords + 1,
  });
  if (page.records.length > maxRecords) {
    throw new RecordError(
      `Cannot ${verb} more than ${maxRecords} records at once`,
      'BAD_REQUEST',
      'TOO_MANY_RECORDS_TO_UPDATE',
    );
  }
  return page.records.map((record) => String(record.id));
};
