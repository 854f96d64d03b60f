import type { ObjectShape } from '../record-shape';
import { resolveFieldPath } from './field-path';
import { RestQueryError } from './rest-query-error';

/**
 * Sort keys in Twenty's terms: `field[AscNullsFirst]`, `composite.sub[DescNullsLast]`; an `id`
 * tie-breaker is always appended, and no order_by means id ascending.
 * Source: parse-order-by-rest-request-common.util.ts, add-default-order-by-id.util.ts.
 */
export const DIRECTIONS = [
  'AscNullsFirst',
  'AscNullsLast',
  'DescNullsFirst',
  'DescNullsLast',
] as const;
export type OrderDirection = (typeof DIRECTIONS)[number];

export interface SortKey {
  /** API path, e.g. "amount.amountMicros" — also the cursor key. */
  path: string;
  column: string;
  ascending: boolean;
  nullsFirst: boolean;
}

export const sortKey = (shape: ObjectShape, path: string[], direction: OrderDirection): SortKey => {
  const resolved = resolveFieldPath(shape, path);
  if (!resolved || resolved.isComposite) {
    throw new RestQueryError(
      `'order_by' field '${path.join('.')}' invalid. Composite fields must be ordered by a sub-field, eg: ?order_by=name.firstName`,
      'INVALID_ORDER_BY_QUERY_PARAM',
    );
  }
  return {
    path: path.join('.'),
    column: resolved.column,
    ascending: direction.startsWith('Asc'),
    nullsFirst: direction.endsWith('NullsFirst'),
  };
};

const withIdTieBreaker = (shape: ObjectShape, keys: SortKey[]): SortKey[] =>
  keys.some((key) => key.path === 'id') ? keys : [...keys, sortKey(shape, ['id'], 'AscNullsFirst')];

export const parseRestOrderBy = (shape: ObjectShape, raw: string | null): SortKey[] => {
  if (!raw || raw.trim() === '') return withIdTieBreaker(shape, []);
  const keys = raw.split(',').map((item) => {
    const match = /^([^[\]]+)(?:\[([^\]]*)\])?$/.exec(item.trim());
    const direction = (match?.[2] ?? 'AscNullsFirst') as OrderDirection;
    if (!match || !DIRECTIONS.includes(direction)) {
      throw new RestQueryError(
        `'order_by' direction '${match?.[2] ?? item}' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', 'DescNullsFirst', 'DescNullsLast'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3`,
        'INVALID_ORDER_BY_QUERY_PARAM',
      );
    }
    return sortKey(shape, match[1]!.trim().split('.'), direction);
  });
  return withIdTieBreaker(shape, keys);
};
