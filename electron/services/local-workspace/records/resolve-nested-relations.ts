import {
  COMPOSITE_TYPES,
  computeCompositeColumnName,
  isCompositeFieldType,
} from '../../../../shared/domain/composite-types';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import type { MetadataState } from '../metadata/metadata-types';
import { quoteIdentifier as q, type SqlExecutor } from '../storage/sql-engine';
import { RecordError } from './record-errors';
import { objectShape, type ObjectShape } from './record-shape';
import { canonicalise } from './write-records';

/**
 * Nested relation inputs (E2+): `company: { connect: { where: { domainName: { primaryLinkUrl: "…" } } } }`
 * sets `companyId` to the one record matching a unique key of the target; `company: { disconnect: true }`
 * clears it. Source: relation-nested-queries.ts, formatConnectRecordNotFoundErrorMessage.util.ts.
 */
const invalid = (message: string) => new RecordError(message, 'BAD_REQUEST', 'INVALID_ARGS_DATA');

const whereConditions = (
  target: ObjectShape,
  where: Record<string, unknown>,
): Array<[string, unknown]> => {
  const conditions: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    const field = target.byName.get(key);
    if (!field || !(field.isUnique || key === 'id'))
      throw invalid(
        `Field "${key}" is not a unique field of ${target.object.nameSingular} and cannot be used to connect`,
      );
    if (isCompositeFieldType(field.type)) {
      const canonical = canonicalise(field, value) as Record<string, unknown>;
      for (const sub of COMPOSITE_TYPES[field.type]) {
        if (canonical[sub.name] !== undefined)
          conditions.push([computeCompositeColumnName(key, sub.name), canonical[sub.name]]);
      }
    } else conditions.push([key, value]);
  }
  if (conditions.length === 0) throw invalid('The "where" of a connect must name a unique field');
  return conditions;
};

/**
 * Every record of one batch must connect a relation through the same unique fields (Twenty resolves
 * a batch's connects in one query per relation).
 */
export const assertConsistentConnects = (
  shape: ObjectShape,
  inputs: Record<string, unknown>[],
): void => {
  for (const field of shape.fields.filter(isManyToOne)) {
    const keys = new Set<string>();
    for (const input of inputs) {
      const where = (input?.[field.name] as { connect?: { where?: object } } | undefined)?.connect
        ?.where;
      if (where && typeof where === 'object')
        keys.add(
          Object.entries(where)
            .filter(([, value]) => value !== undefined && value !== null)
            .map(([key]) => key)
            .sort()
            .join(','),
        );
    }
    if (keys.size > 1)
      throw invalid(
        `Expected the same constraint fields to be used consistently across all operations for ${field.name}.`,
      );
  }
};

export const resolveNestedRelations = async (
  db: SqlExecutor,
  state: MetadataState,
  shape: ObjectShape,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> => {
  if (!input || typeof input !== 'object') return input;
  let resolved = input;
  for (const field of shape.fields.filter(isManyToOne)) {
    const nested = input[field.name];
    if (nested === undefined || nested === null || typeof nested !== 'object') continue;
    const joinColumn = joinColumnNameOf(field);
    if (input[joinColumn] !== undefined)
      throw invalid(`${field.name} and ${joinColumn} cannot be both provided.`);
    const { connect, disconnect } = nested as {
      connect?: { where?: Record<string, unknown> };
      disconnect?: unknown;
    };
    if (connect !== undefined && connect !== null && typeof disconnect === 'boolean')
      throw invalid(
        `Cannot have both connect and disconnect for the same relation field ${field.name}.`,
      );
    const { [field.name]: _removed, ...rest } = resolved;
    if (typeof disconnect === 'boolean') {
      // `disconnect: false` leaves the relation as it is.
      resolved = disconnect ? { ...rest, [joinColumn]: null } : rest;
      continue;
    }
    if (!connect?.where || typeof connect.where !== 'object')
      throw invalid(`Relation "${field.name}" needs connect.where or disconnect: true`);
    const targetObject = state.objects.get(field.relationTargetObjectMetadataId ?? '');
    if (!targetObject) throw invalid(`Relation "${field.name}" has no target`);
    const target = objectShape(state, targetObject);
    const conditions = whereConditions(target, connect.where);
    const hidden = target.byName.has('deletedAt') ? ' AND "deletedAt" IS NULL' : '';
    const { rows } = await db.query<{ id: string }>(
      `SELECT "id" FROM ${target.qualifiedTable} WHERE ${conditions.map(([column], i) => `${q(column)} = $${i + 1}`).join(' AND ')}${hidden} LIMIT 2`,
      conditions.map(([, value]) => value),
    );
    if (rows.length !== 1) {
      const described = conditions
        .map(([column, value]) => `${column} = ${String(value)}`)
        .join(' and ');
      throw new RecordError(
        `Expected 1 record to connect to ${field.name}, but found ${rows.length} for ${described}`,
        'BAD_REQUEST',
        'CONNECT_RECORD_NOT_FOUND',
        `Can't connect to ${field.name}. No unique record found with condition: ${described}`,
      );
    }
    resolved = { ...rest, [joinColumn]: rows[0]!.id };
  }
  return resolved;
};
