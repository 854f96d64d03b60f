import {
  compositeOrderByMessage,
  parseRestOrderByItems,
  type OrderDirection,
} from '../../../../../shared/domain/rest-grammar/order-by-syntax';
import { RestQueryError } from '../../../../../shared/domain/rest-grammar/rest-query-error';
import { isManyToOne, joinColumnNameOf } from '../../metadata/field-columns';
import { RecordError } from '../record-errors';
import type { ObjectShape } from '../record-shape';
import { resolveFieldPath } from './field-path';

/**
 * Sort keys in Twenty's terms (grammar in shared/domain/rest-grammar): an `id` tie-breaker is
 * always appended, and no order_by means id ascending.
 * Source: parse-order-by-rest-request-common.util.ts, add-default-order-by-id.util.ts.
 */
export type { OrderDirection } from '../../../../../shared/domain/rest-grammar/order-by-syntax';

export interface SortKey {
  /** API path, e.g. "amount.amountMicros" — also the cursor key. */
  path: string;
  column: string;
  ascending: boolean;
  nullsFirst: boolean;
}

export const sortKey = (shape: ObjectShape, path: string[], direction: OrderDirection): SortKey => {
  const resolved = resolveFieldPath(shape, path);
  const [head = ''] = path;
  const known =
    shape.byName.has(head) ||
    shape.fields.some((field) => isManyToOne(field) && joinColumnNameOf(field) === head);
  // Twenty's order parser for a name the object does not have (FIELD_NOT_FOUND).
  if (!known)
    throw new RecordError(
      `Field "${head}" does not exist or is not sortable`,
      'BAD_REQUEST',
      'FIELD_NOT_FOUND',
    );
  if (!resolved || resolved.isComposite) {
    throw new RestQueryError(
      compositeOrderByMessage(path.join('.')),
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
  const keys = parseRestOrderByItems(raw).map((item) => sortKey(shape, item.path, item.direction));
  return withIdTieBreaker(shape, keys);
};
