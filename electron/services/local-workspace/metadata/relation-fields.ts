import { createHash, randomUUID } from 'node:crypto';
import { joinColumnNameOf } from './field-columns';
import type { FieldRow, IndexRow } from './metadata-types';

/** Twenty names generated indexes IDX_<hash>; ours hash the table and columns the same way. */
export const generatedIndexName = (seed: string, unique = false): string =>
  `IDX_${unique ? 'UNIQUE_' : ''}${createHash('sha1').update(seed).digest('hex').slice(0, 23)}`;

/** Every MANY_TO_ONE join column is indexed (Twenty creates this index with the relation). */
export const joinColumnIndex = (field: FieldRow, now: string): IndexRow => ({
  id: randomUUID(),
  objectMetadataId: field.objectMetadataId,
  name: generatedIndexName(`${field.objectMetadataId}:${joinColumnNameOf(field)}:${field.id}`),
  isUnique: false,
  isCustom: false,
  indexWhereClause: '"deletedAt" IS NULL',
  indexType: 'BTREE',
  fields: [{ id: randomUUID(), fieldMetadataId: field.id, subFieldName: null, order: 0 }],
  createdAt: now,
  updatedAt: now,
});

export const uniqueFieldIndex = (field: FieldRow, now: string): IndexRow => ({
  id: randomUUID(),
  objectMetadataId: field.objectMetadataId,
  name: generatedIndexName(`${field.objectMetadataId}:${field.id}:unique`, true),
  isUnique: true,
  isCustom: field.isCustom,
  indexWhereClause: '"deletedAt" IS NULL',
  indexType: 'BTREE',
  fields: [{ id: randomUUID(), fieldMetadataId: field.id, subFieldName: null, order: 0 }],
  createdAt: now,
  updatedAt: now,
});
