import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { canonicalisePhone } from './canonical-phone';
import { quoteIdentifier as q, type SqlExecutor } from '../storage/sql-engine';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import type { FieldRow } from '../metadata/metadata-types';
import { toColumnValues, type ColumnValue } from './record-columns';
import { assignPositions } from './record-position';
import { fromDatabaseError, RecordError, recordNotFound } from './record-errors';
import { rowToRecord, type ObjectShape } from './record-shape';
import { assertValidCreateId, validateFieldValue } from './validate-record-input';

/**
 * Create / update / soft-delete / destroy / restore, one SQL statement each, values bound.
 * Inputs are in Twenty's API shape; unknown keys are refused, values are canonicalised as
 * Twenty does (lower-case emails, no trailing slash on links), the actor comes from the caller.
 */
export interface Actor {
  source: 'API' | 'MANUAL' | 'IMPORT' | 'SYSTEM';
  name: string;
  workspaceMemberId: string | null;
}

const WRITE_PROTECTED = new Set(['createdAt', 'updatedAt', 'deletedAt', 'searchVector']);

/**
 * E3 e-mail canonicalisation: trimmed, lower-cased, ideographic/full-width dots made plain, the
 * trailing dot of the domain dropped and the domain in punycode (emails-domain-canonicalization test).
 */
export const canonicaliseEmail = (email: string): string => {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed.toLowerCase();
  const local = trimmed.slice(0, at).toLowerCase();
  const domain = trimmed
    .slice(at + 1)
    .normalize('NFKC')
    .replace(/[。．｡]/g, '.')
    .replace(/\.+$/, '')
    .toLowerCase();
  return `${local}@${domainToASCII(domain) || domain}`;
};

export const canonicalise = (field: FieldRow, value: unknown): unknown => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const composite = { ...(value as Record<string, unknown>) };
  if (field.type === 'EMAILS') {
    if (typeof composite.primaryEmail === 'string')
      composite.primaryEmail = canonicaliseEmail(composite.primaryEmail);
    if (Array.isArray(composite.additionalEmails)) {
      composite.additionalEmails = composite.additionalEmails.map((email) =>
        typeof email === 'string' ? canonicaliseEmail(email) : email,
      );
    }
  }
  if (field.type === 'PHONES') {
    const primary = canonicalisePhone({
      number: composite.primaryPhoneNumber,
      countryCode: composite.primaryPhoneCountryCode,
      callingCode: composite.primaryPhoneCallingCode,
    });
    if ('primaryPhoneNumber' in composite) {
      composite.primaryPhoneNumber = primary.number;
      if (primary.countryCode !== undefined)
        composite.primaryPhoneCountryCode = primary.countryCode;
      if (primary.callingCode !== undefined)
        composite.primaryPhoneCallingCode = primary.callingCode;
    }
    if (Array.isArray(composite.additionalPhones)) {
      composite.additionalPhones = composite.additionalPhones.map((phone) => {
        if (!phone || typeof phone !== 'object') return phone;
        const item = phone as Record<string, unknown>;
        const parts = canonicalisePhone({
          number: item.number,
          countryCode: item.countryCode,
          callingCode: item.callingCode,
        });
        return {
          ...item,
          number: parts.number,
          countryCode: parts.countryCode,
          callingCode: parts.callingCode,
        };
      });
    }
  }
  if (field.type === 'LINKS' && typeof composite.primaryLinkUrl === 'string')
    composite.primaryLinkUrl = composite.primaryLinkUrl.replace(/\/+$/, '');
  return composite;
};

const prepareInput = (
  shape: ObjectShape,
  input: Record<string, unknown>,
  actor: Actor,
  isCreate: boolean,
): Record<string, unknown> => {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new RecordError('Input must be an object', 'BAD_REQUEST', 'INVALID_ARGS_DATA');
  if (isCreate) assertValidCreateId(input);
  const joinColumns = new Set(shape.fields.filter(isManyToOne).map(joinColumnNameOf));
  const prepared: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    const field = shape.byName.get(key);
    if (!field && !joinColumns.has(key)) {
      throw new RecordError(
        `Object ${shape.object.nameSingular} doesn't have any "${key}" field.`,
        'BAD_REQUEST',
        'INVALID_ARGS_DATA',
      );
    }
    if (field && (field.type === 'RELATION' || field.type === 'MORPH_RELATION')) {
      throw new RecordError(
        `Use "${joinColumnNameOf(field)}" to set relation "${key}".`,
        'BAD_REQUEST',
        'INVALID_ARGS_DATA',
      );
    }
    // Twenty's data-arg validators, with its messages (a join column is checked as a UUID).
    const value = validateFieldValue(field ?? { type: 'UUID', options: null }, key, raw);
    if (WRITE_PROTECTED.has(key) && !(isCreate && key === 'createdAt' && value != null)) continue;
    if (field?.type === 'ACTOR') continue; // name and member are server-filled; a given source is kept below
    prepared[key] = field ? canonicalise(field, value) : value;
  }
  const actorValue = {
    source: actor.source,
    name: actor.name,
    workspaceMemberId: actor.workspaceMemberId,
    context: {},
  };
  // Clients may state the source of a creation (e.g. EMAIL, IMPORT); Twenty keeps it (validated above).
  const given = input.createdBy as { source?: unknown; context?: unknown } | undefined;
  const createdByValue = {
    ...actorValue,
    ...(given?.source ? { source: given.source } : {}),
    ...(given?.context && typeof given.context === 'object' ? { context: given.context } : {}),
  };
  if (isCreate && shape.byName.has('createdBy')) prepared.createdBy = createdByValue;
  if (shape.byName.has('updatedBy')) prepared.updatedBy = actorValue;
  return prepared;
};

const castParam = (shape: ObjectShape, value: ColumnValue, placeholder: string): string =>
  `${placeholder}::${value.sqlType.startsWith('"') ? `${shape.qualifiedTable.split('.')[0]}.${value.sqlType}` : value.sqlType}`;

const run = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
};

/**
 * One multi-row INSERT for the whole batch (columns a row does not set take their DEFAULT); ids
 * are assigned here so the answer follows the input order whatever order RETURNING yields.
 */
export const createRecords = async (
  db: SqlExecutor,
  shape: ObjectShape,
  inputs: Record<string, unknown>[],
  actor: Actor,
): Promise<Record<string, unknown>[]> =>
  run(async () => {
    if (inputs.length === 0) return [];
    const prepared = inputs.map((input) => {
      const record = prepareInput(shape, input, actor, true);
      if (record.id === undefined) record.id = randomUUID();
      return record;
    });
    await assignPositions(db, shape, prepared, true);
    const rows = prepared.map((record) => toColumnValues(shape.table, shape.fields, record));
    const columns = new Map<string, ColumnValue>();
    for (const row of rows)
      for (const value of row) if (!columns.has(value.column)) columns.set(value.column, value);
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const byColumn = new Map(row.map((value) => [value.column, value]));
      const cells = [...columns.values()].map((column) => {
        const value = byColumn.get(column.column);
        if (!value) return 'DEFAULT';
        params.push(value.value);
        return castParam(shape, value, `$${params.length}`);
      });
      return `(${cells.join(', ')})`;
    });
    const { rows: inserted } = await db.query<Record<string, unknown>>(
      `INSERT INTO ${shape.qualifiedTable} (${[...columns.keys()].map(q).join(', ')}) VALUES ${tuples.join(', ')} RETURNING ${shape.selectList}`,
      params,
    );
    const byId = new Map(inserted.map((row) => [String(row.id), rowToRecord(shape, row)]));
    return rows.map((row) => byId.get(String(row.find((value) => value.column === 'id')!.value))!);
  });

export const updateRecord = async (
  db: SqlExecutor,
  shape: ObjectShape,
  id: string,
  input: Record<string, unknown>,
  actor: Actor,
  /** Upsert: also match a soft-deleted row and bring it back (Twenty restores on upsert). */
  options: { restore?: boolean } = {},
): Promise<Record<string, unknown>> =>
  run(async () => {
    const prepared = prepareInput(shape, input, actor, false);
    delete prepared.id;
    await assignPositions(db, shape, [prepared], false);
    const values = toColumnValues(shape.table, shape.fields, prepared);
    const assignments = values.map(
      (value, i) => `${q(value.column)} = ${castParam(shape, value, `$${i + 2}`)}`,
    );
    if (shape.byName.has('updatedAt')) assignments.push('"updatedAt" = now()');
    if (options.restore && shape.byName.has('deletedAt')) assignments.push('"deletedAt" = NULL');
    const hidden =
      shape.byName.has('deletedAt') && !options.restore ? ' AND "deletedAt" IS NULL' : '';
    const { rows } = await db.query<Record<string, unknown>>(
      `UPDATE ${shape.qualifiedTable} SET ${assignments.join(', ')} WHERE "id" = $1${hidden} RETURNING ${shape.selectList}`,
      [id, ...values.map((value) => value.value)],
    );
    if (!rows[0]) throw recordNotFound();
    return rowToRecord(shape, rows[0]);
  });

export const softDeleteRecord = async (
  db: SqlExecutor,
  shape: ObjectShape,
  id: string,
): Promise<Record<string, unknown>> => {
  const { rows } = await db.query<Record<string, unknown>>(
    `UPDATE ${shape.qualifiedTable} SET "deletedAt" = now() WHERE "id" = $1 AND "deletedAt" IS NULL RETURNING ${shape.selectList}`,
    [id],
  );
  if (!rows[0]) throw recordNotFound();
  return rowToRecord(shape, rows[0]);
};

export const restoreRecord = async (
  db: SqlExecutor,
  shape: ObjectShape,
  id: string,
): Promise<Record<string, unknown>> => {
  const { rows } = await db.query<Record<string, unknown>>(
    `UPDATE ${shape.qualifiedTable} SET "deletedAt" = NULL WHERE "id" = $1 AND "deletedAt" IS NOT NULL RETURNING ${shape.selectList}`,
    [id],
  );
  if (!rows[0]) throw recordNotFound();
  return rowToRecord(shape, rows[0]);
};

export const destroyRecord = async (
  db: SqlExecutor,
  shape: ObjectShape,
  id: string,
): Promise<Record<string, unknown>> =>
  run(async () => {
    const { rows } = await db.query<Record<string, unknown>>(
      `DELETE FROM ${shape.qualifiedTable} WHERE "id" = $1 RETURNING ${shape.selectList}`,
      [id],
    );
    if (!rows[0]) throw recordNotFound();
    return rowToRecord(shape, rows[0]);
  });
