/**
 * One filter representation for both APIs: REST's `filter=` grammar and GraphQL's filter input
 * objects compile to this tree, and one SQL builder turns it into a parameterised WHERE clause,
 * so the same filter written either way selects the same records.
 */
export const REST_COMPARATORS = [
  'eq',
  'neq',
  'in',
  'containsAny',
  'is',
  'gt',
  'gte',
  'lt',
  'lte',
  'startsWith',
  'endsWith',
  'like',
  'ilike',
] as const;
/** GraphQL filter inputs add operators the REST grammar does not have. */
export const FILTER_OPERATORS = [
  ...REST_COMPARATORS,
  'containsIlike',
  'isEmptyArray',
  'containsJsonb',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type FilterNode =
  | { and: FilterNode[] }
  | { or: FilterNode[] }
  | { not: FilterNode }
  | { path: string[]; op: FilterOperator; value: unknown };

export const isLeaf = (node: FilterNode): node is Extract<FilterNode, { path: string[] }> =>
  'path' in node;

/**
 * True when the tree compares nothing (`{}`, `{and:[]}`, `{or:[{}]}`, `{name:{}}`): such a filter
 * selects every record, so bulk updates, deletes and restores refuse it, as Twenty's
 * is-empty-record-filter guard does.
 */
export const comparesNothing = (node: FilterNode | null): boolean => {
  if (!node) return true;
  if (isLeaf(node)) return false;
  if ('not' in node) return comparesNothing(node.not);
  return ('and' in node ? node.and : node.or).every(comparesNothing);
};

/** True when any leaf of the tree filters on `deletedAt` (then soft-deleted rows stay visible). */
export const mentionsField = (node: FilterNode | null, field: string): boolean => {
  if (!node) return false;
  if (isLeaf(node)) return node.path[0] === field;
  if ('and' in node) return node.and.some((child) => mentionsField(child, field));
  if ('or' in node) return node.or.some((child) => mentionsField(child, field));
  return mentionsField(node.not, field);
};
