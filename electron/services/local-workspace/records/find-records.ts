import type { SqlExecutor } from '../storage/sql-engine';
import { fromDatabaseError } from './record-errors';
import { rowToRecord, type ObjectShape } from './record-shape';
import { buildWhere } from './query/build-where';
import { encodeCursor, keysetCondition, orderBySql, type Cursor } from './query/cursor';
import { mentionsField, type FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import type { SortKey } from './query/order-by';
import { SqlParams } from './query/sql-params';

/**
 * Find-many / find-one over one object's table: filter, soft-delete visibility, keyset pagination
 * in both directions (limit + 1 rows to know whether more exist) and the filtered totalCount.
 */
export interface FindManyArgs {
  filter: FilterNode | null;
  orderBy: SortKey[];
  limit: number;
  after?: Cursor;
  before?: Cursor;
  /** Take the page from the end of the ordering (GraphQL `last` without `before`). */
  fromEnd?: boolean;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface FoundPage {
  records: Record<string, unknown>[];
  cursors: string[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** WHERE for the filter, hiding soft-deleted rows unless the filter asks about deletedAt. */
export const visibleWhere = (
  shape: ObjectShape,
  filter: FilterNode | null,
  params: SqlParams,
): string => {
  const condition = buildWhere(shape, filter, params);
  const hasDeletedAt = shape.byName.has('deletedAt');
  return hasDeletedAt && !mentionsField(filter, 'deletedAt')
    ? `${condition} AND "deletedAt" IS NULL`
    : condition;
};

export const findRecords = async (
  db: SqlExecutor,
  shape: ObjectShape,
  args: FindManyArgs,
): Promise<FoundPage> => {
  const countParams = new SqlParams();
  const where = visibleWhere(shape, args.filter, countParams);

  const params = new SqlParams();
  const conditions = [visibleWhere(shape, args.filter, params)];
  const backward = args.before !== undefined || args.fromEnd === true;
  if (args.after) conditions.push(keysetCondition(args.orderBy, args.after, params, 'after'));
  if (args.before) conditions.push(keysetCondition(args.orderBy, args.before, params, 'before'));
  // Both queries are awaited together so a refused value (bad uuid, date, enum) fails once, as a 400.
  const [{ rows }, { rows: countRows }] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE ${conditions.join(' AND ')} ORDER BY ${orderBySql(args.orderBy, backward)} LIMIT ${args.limit + 1}`,
      params.values,
    ),
    db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${shape.qualifiedTable} WHERE ${where}`,
      countParams.values,
    ),
  ]).catch((error: unknown) => {
    throw fromDatabaseError(error) ?? error;
  });
  const more = rows.length > args.limit;
  const pageRows = rows.slice(0, args.limit);
  if (backward) pageRows.reverse();
  const cursors = pageRows.map((row) => encodeCursor(args.orderBy, row));
  return {
    records: pageRows.map((row) => rowToRecord(shape, row)),
    cursors,
    totalCount: countRows[0]?.count ?? 0,
    pageInfo: {
      hasNextPage: backward ? args.before !== undefined && !args.fromEnd : more,
      hasPreviousPage: backward ? more : args.after !== undefined,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
  };
};

export const findRecordById = async (
  db: SqlExecutor,
  shape: ObjectShape,
  id: string,
  withDeleted = false,
): Promise<Record<string, unknown> | null> => {
  const hidden = shape.byName.has('deletedAt') && !withDeleted ? ' AND "deletedAt" IS NULL' : '';
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${shape.selectList} FROM ${shape.qualifiedTable} WHERE "id" = $1${hidden}`,
    [id],
  );
  return rows[0] ? rowToRecord(shape, rows[0]) : null;
};
