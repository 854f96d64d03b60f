import type { WorkspaceRuntime } from '../workspace-runtime';
import { findRecordById } from './find-records';
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

export const createMany = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  inputs: Record<string, unknown>[],
  actor: Actor,
) => {
  // One transaction: a batch lands whole or not at all.
  const records = await runtime.engine.transaction((tx) => createRecords(tx, shape, inputs, actor));
  for (const record of records) emit(runtime, shape, 'created', record);
  return records;
};

export const updateOne = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  id: string,
  input: Record<string, unknown>,
  actor: Actor,
) => {
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
