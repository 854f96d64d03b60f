import { quoteIdentifier as q, type SqlExecutor } from '../storage/sql-engine';
import { toColumnValues } from './record-columns';
import { RecordError } from './record-errors';
import { rowToRecord, type ObjectShape } from './record-shape';

/**
 * Duplicate detection as Twenty's find-duplicates runner: for each input (a partial record, or
 * an existing record by id) match live records on any of the object's `duplicateCriteria` groups
 * whose columns the input fills (all columns of a group must be equal); the record itself is
 * excluded; at most 200 records per input. Source: common-find-duplicates-query-runner.service.ts,
 * build-duplicate-conditions.utils.ts.
 */
export interface DuplicatesResult {
  records: Record<string, unknown>[];
  totalCount: number;
}

const QUERY_MAX_RECORDS = 200;
const filled = (value: unknown) => value !== undefined && value !== null && value !== '';

export const validateDuplicatesArgs = (ids: unknown, data: unknown): void => {
  if (ids === undefined && data === undefined) {
    throw new RecordError(
      'You have to provide either "data" or "ids" argument',
      'BAD_REQUEST',
      'INVALID_QUERY_INPUT',
    );
  }
  if (ids !== undefined && data !== undefined) {
    throw new RecordError(
      'You cannot provide both "data" and "ids" arguments',
      'BAD_REQUEST',
      'INVALID_QUERY_INPUT',
    );
  }
  if (ids === undefined && (!Array.isArray(data) || data.length === 0)) {
    throw new RecordError(
      'The "data" condition can not be empty when "ids" input not provided',
      'BAD_REQUEST',
      'INVALID_QUERY_INPUT',
    );
  }
};

const duplicatesOf = async (
  db: SqlExecutor,
  shape: ObjectShape,
  record: Record<string, unknown>,
): Promise<DuplicatesResult> => {
  const columns = new Map(
    toColumnValues(shape.table, shape.fields, record).map((value) => [value.column, value.value]),
  );
  const params: unknown[] = [];
  const groups = (shape.object.duplicateCriteria ?? [])
    .filter((group) => group.length > 0 && group.every((column) => filled(columns.get(column))))
    .map(
      (group) =>
        `(${group.map((column) => (params.push(columns.get(column)), `${q(column)} = $${params.length}`)).join(' AND ')})`,
    );
  if (groups.length === 0) return { records: [], totalCount: 0 };
  const conditions = [`(${groups.join(' OR ')})`];
  if (typeof record.id === 'string') {
    params.push(record.id);
    conditions.push(`"id" <> $${params.length}`);
  }
  if (shape.byName.has('deletedAt')) conditions.push('"deletedAt" IS NULL');
  const where = conditions.join(' AND ');
  const [{ rows }, count] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE ${where} ORDER BY "id" LIMIT ${QUERY_MAX_RECORDS}`,
      params,
    ),
    db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${shape.qualifiedTable} WHERE ${where}`,
      params,
    ),
  ]);
  return {
    records: rows.map((row) => rowToRecord(shape, row)),
    totalCount: count.rows[0]?.count ?? 0,
  };
};

export const findDuplicates = async (
  db: SqlExecutor,
  shape: ObjectShape,
  args: { ids?: string[]; data?: Record<string, unknown>[] },
): Promise<DuplicatesResult[]> => {
  let inputs = args.data ?? [];
  if (args.ids !== undefined) {
    if (args.ids.length === 0) return [];
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE "id" = ANY($1::uuid[])`,
      [args.ids],
    );
    inputs = rows.map((row) => rowToRecord(shape, row));
  }
  return Promise.all(inputs.map((input) => duplicatesOf(db, shape, input)));
};

/** A duplicate's cursor: its id, the order Twenty lists duplicates in (`getPageInfo`, id ascending). */
export const duplicateCursor = (record: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify({ id: record.id })).toString('base64');

export const duplicatesPageInfo = (records: Record<string, unknown>[]) => ({
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: records.length > 0 ? duplicateCursor(records[0]!) : null,
  endCursor: records.length > 0 ? duplicateCursor(records[records.length - 1]!) : null,
});
