import { randomUUID } from 'node:crypto';
import { isCompositeFieldType } from '../../../../shared/domain/composite-types';
import { BASE_FIELD_ORDER } from '../metadata/base-fields';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import { tableNameOf } from '../metadata/metadata-types';
import { quoteIdentifier as q } from '../storage/sql-engine';
import type { WorkspaceRuntime } from '../workspace-runtime';
import { RecordError } from './record-errors';
import { rowToRecord, type ObjectShape } from './record-shape';
import { updateRecord, type Actor } from './write-records';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * Merge as Twenty does: the record at `conflictPriorityIndex` survives and wins every conflict,
 * its empty fields are filled from the others (in the given order), additional emails / phones /
 * links are pooled, relations pointing at the others are moved to it, and the others are
 * deleted for good. `dryRun` answers the merged record, as a phantom, without writing. At most 9 records
 * (MUTATION_MAX_MERGE_RECORDS).
 */
export const MUTATION_MAX_MERGE_RECORDS = 9;
// System fields (every base field but the user-facing `name`) are never merged.
const SKIPPED = new Set<string>(BASE_FIELD_ORDER.filter((name) => name !== 'name'));
const POOLED: Record<string, { primary: string; additional: string; key?: string }> = {
  EMAILS: { primary: 'primaryEmail', additional: 'additionalEmails' },
  PHONES: { primary: 'primaryPhoneNumber', additional: 'additionalPhones', key: 'number' },
  LINKS: { primary: 'primaryLinkUrl', additional: 'secondaryLinks', key: 'url' },
};

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every(isEmpty));

const invalid = (message: string) => new RecordError(message, 'BAD_REQUEST', 'INVALID_QUERY_INPUT');

export interface MergeArgs {
  ids: string[];
  /** Absent (REST) → "Priority record not found", as in Twenty. */
  conflictPriorityIndex: number | undefined;
  dryRun?: boolean;
}

export const mergeRecords = async (
  runtime: WorkspaceRuntime,
  shape: ObjectShape,
  args: MergeArgs,
  actor: Actor,
): Promise<Record<string, unknown>> => {
  // Twenty's common-merge-many-query-runner: validate(), then the fetch, then the priority record.
  if (shape.object.duplicateCriteria === null)
    throw invalid(
      `Merge is only available for objects with duplicate criteria. Object '${shape.object.nameSingular}' does not have duplicate criteria defined.`,
    );
  const ids = args.ids ?? [];
  if (ids.length < 2) throw invalid('At least 2 record IDs are required for merge');
  if (ids.length > MUTATION_MAX_MERGE_RECORDS)
    throw invalid(`Maximum ${MUTATION_MAX_MERGE_RECORDS} records can be merged at once`);
  const priority = args.conflictPriorityIndex;
  if (typeof priority === 'number' && (priority < 0 || priority >= ids.length))
    throw invalid(
      `Invalid conflict priority '${priority}'. Valid options for ${ids.length} records: 0-${ids.length - 1}`,
    );
  if (ids.some((id) => typeof id !== 'string' || !UUID.test(id)))
    throw new RecordError('One or more records not found', 'NOT_FOUND', 'RECORD_NOT_FOUND');
  const hidden = shape.byName.has('deletedAt') ? ' AND "deletedAt" IS NULL' : '';
  const { rows } = await runtime.engine.query<Record<string, unknown>>(
    `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE "id" = ANY($1::uuid[])${hidden}`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [String(row.id), rowToRecord(shape, row)]));
  // A repeated id finds one row for two entries: Twenty counts it as not found too.
  if (rows.length !== ids.length)
    throw new RecordError('One or more records not found', 'NOT_FOUND', 'RECORD_NOT_FOUND');
  const winnerId = typeof priority === 'number' ? ids[priority] : undefined;
  if (winnerId === undefined || !byId.has(winnerId))
    throw new RecordError('Priority record not found', 'NOT_FOUND', 'RECORD_NOT_FOUND');
  const ordered = [winnerId, ...ids.filter((id) => id !== winnerId)].map((id) => byId.get(id)!);
  const changes: Record<string, unknown> = {};
  for (const field of shape.fields) {
    if (
      SKIPPED.has(field.name) ||
      field.type === 'RELATION' ||
      field.type === 'MORPH_RELATION' ||
      field.type === 'TS_VECTOR'
    )
      continue;
    const winnerValue = ordered[0]![field.name];
    const pooled = POOLED[field.type];
    if (pooled && isCompositeFieldType(field.type)) {
      const merged = { ...((winnerValue as Record<string, unknown>) ?? {}) };
      const seen = new Set<unknown>([merged[pooled.primary]].filter(Boolean));
      const extras: unknown[] = [];
      for (const record of ordered) {
        const value = (record[field.name] ?? {}) as Record<string, unknown>;
        const candidates = [
          value[pooled.primary],
          ...((value[pooled.additional] as unknown[]) ?? []),
        ];
        for (const candidate of candidates) {
          const key =
            pooled.key && candidate && typeof candidate === 'object'
              ? (candidate as Record<string, unknown>)[pooled.key]
              : candidate;
          if (isEmpty(key) || seen.has(key)) continue;
          seen.add(key);
          if (isEmpty(merged[pooled.primary])) merged[pooled.primary] = key;
          else
            extras.push(
              pooled.key && typeof candidate !== 'object' ? { [pooled.key]: candidate } : candidate,
            );
        }
      }
      merged[pooled.additional] = extras;
      if (JSON.stringify(merged) !== JSON.stringify(winnerValue)) changes[field.name] = merged;
      continue;
    }
    if (!isEmpty(winnerValue)) continue;
    const donor = ordered.slice(1).find((record) => !isEmpty(record[field.name]));
    if (donor) changes[field.name] = donor[field.name];
  }
  for (const field of shape.fields.filter(isManyToOne)) {
    const column = joinColumnNameOf(field);
    if (isEmpty(ordered[0]![column])) {
      const donor = ordered.slice(1).find((record) => !isEmpty(record[column]));
      if (donor) changes[column] = donor[column];
    }
  }
  // The preview is a phantom record: a fresh id and a deletion date (createDryRunResponse).
  if (args.dryRun)
    return { ...ordered[0]!, ...changes, id: randomUUID(), deletedAt: new Date().toISOString() };
  const losers = ordered.slice(1).map((record) => String(record.id));
  const state = runtime.metadata.snapshot;
  const merged = await runtime.engine.transaction(async (tx) => {
    // Relations that point at the merged-away records now point at the survivor.
    for (const field of state.fields.values()) {
      if (!isManyToOne(field) || field.relationTargetObjectMetadataId !== shape.object.id) continue;
      const owner = state.objects.get(field.objectMetadataId);
      if (!owner) continue;
      const table = `${q(state.workspace.dataSchema)}.${q(tableNameOf(owner))}`;
      const column = q(joinColumnNameOf(field));
      await tx.query(`UPDATE ${table} SET ${column} = $1 WHERE ${column} = ANY($2::uuid[])`, [
        winnerId,
        losers,
      ]);
    }
    // Twenty deletes the merged-away records for good (`.delete()`, not a soft delete).
    await tx.query(`DELETE FROM ${shape.qualifiedTable} WHERE "id" = ANY($1::uuid[])`, [losers]);
    return Object.keys(changes).length > 0
      ? updateRecord(tx, shape, winnerId, changes, actor)
      : ordered[0]!;
  });
  const eventDate = new Date().toISOString();
  const objectMetadata = { id: shape.object.id, nameSingular: shape.object.nameSingular };
  if (Object.keys(changes).length > 0) {
    runtime.events.emit({
      action: 'updated',
      objectMetadata,
      record: merged,
      updatedFields: Object.keys(changes),
      eventDate,
      workspaceId: runtime.workspace.id,
    });
  }
  for (const loser of ordered.slice(1)) {
    runtime.events.emit({
      action: 'destroyed',
      objectMetadata,
      record: loser,
      eventDate,
      workspaceId: runtime.workspace.id,
    });
  }
  return merged;
};
