import { RestQueryError } from '../../../../../shared/domain/rest-grammar/rest-query-error';
import type { SortKey } from './order-by';
import type { SqlParams } from './sql-params';
import { quoteIdentifier as q } from '../../storage/sql-engine';

/**
 * Cursors as Twenty mints them: base64 of JSON holding the row's values for every sort key
 * (and its id). The keyset condition below handles mixed directions and NULL placement.
 */
export type Cursor = Record<string, unknown>;

export const encodeCursor = (keys: SortKey[], row: Record<string, unknown>): string =>
  Buffer.from(
    JSON.stringify(Object.fromEntries(keys.map((key) => [key.path, normalise(row[key.column])]))),
  ).toString('base64');

const normalise = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : (value ?? null);

export const decodeCursor = (raw: string): Cursor => {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Cursor;
  } catch {
    /* reported below */
  }
  throw new RestQueryError(`Invalid cursor: ${raw}`, 'INVALID_CURSOR');
};

/** Rows strictly after (or before) the cursor in the given ordering. */
export const keysetCondition = (
  keys: SortKey[],
  cursor: Cursor,
  params: SqlParams,
  direction: 'after' | 'before',
): string => {
  for (const key of keys)
    if (!(key.path in cursor))
      throw new RestQueryError(`Invalid cursor: ${JSON.stringify(cursor)}`, 'INVALID_CURSOR');
  const beyond = (key: SortKey, value: unknown): string => {
    const column = q(key.column);
    const ascending = direction === 'after' ? key.ascending : !key.ascending;
    const nullsFirst = direction === 'after' ? key.nullsFirst : !key.nullsFirst;
    if (value === null) return nullsFirst ? `${column} IS NOT NULL` : 'FALSE';
    const comparison = `${column} ${ascending ? '>' : '<'} ${params.add(value)}`;
    return nullsFirst ? comparison : `(${comparison} OR ${column} IS NULL)`;
  };
  const alternatives = keys.map((key, i) => {
    const equalities = keys
      .slice(0, i)
      .map(
        (previous) =>
          `${q(previous.column)} IS NOT DISTINCT FROM ${params.add(cursor[previous.path])}`,
      );
    return `(${[...equalities, beyond(key, cursor[key.path] ?? null)].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
};

export const orderBySql = (keys: SortKey[], reverse = false): string =>
  keys
    .map((key) => {
      const ascending = reverse ? !key.ascending : key.ascending;
      const nullsFirst = reverse ? !key.nullsFirst : key.nullsFirst;
      return `${q(key.column)} ${ascending ? 'ASC' : 'DESC'} NULLS ${nullsFirst ? 'FIRST' : 'LAST'}`;
    })
    .join(', ');
