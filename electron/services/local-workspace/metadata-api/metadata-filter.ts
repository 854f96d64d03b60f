/**
 * nestjs-query filter comparisons (ObjectFilter / FieldFilter / IndexFilter), evaluated in memory:
 * `{ and, or, <field>: { is, isNot, eq, neq, gt, gte, lt, lte, like, notLike, iLike, notILike, in, notIn } }`.
 */
type Comparison = Record<string, unknown>;
export type MetadataFilter = { and?: MetadataFilter[]; or?: MetadataFilter[] } & Record<
  string,
  unknown
>;

const likeToRegExp = (pattern: string, flags: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%/g, '.*')
      .replace(/_/g, '.')}$`,
    flags,
  );

const compare = (value: unknown, comparison: Comparison): boolean =>
  Object.entries(comparison).every(([operator, operand]) => {
    switch (operator) {
      case 'is':
        return operand === null ? value === null || value === undefined : value === operand;
      case 'isNot':
        return operand === null ? value !== null && value !== undefined : value !== operand;
      case 'eq':
        return value === operand;
      case 'neq':
        return value !== operand;
      case 'gt':
        return String(value) > String(operand);
      case 'gte':
        return String(value) >= String(operand);
      case 'lt':
        return String(value) < String(operand);
      case 'lte':
        return String(value) <= String(operand);
      case 'like':
        return likeToRegExp(String(operand), '').test(String(value));
      case 'notLike':
        return !likeToRegExp(String(operand), '').test(String(value));
      case 'iLike':
        return likeToRegExp(String(operand), 'i').test(String(value));
      case 'notILike':
        return !likeToRegExp(String(operand), 'i').test(String(value));
      case 'in':
        return Array.isArray(operand) && operand.includes(value);
      case 'notIn':
        return Array.isArray(operand) && !operand.includes(value);
      default:
        return true;
    }
  });

export const matchesFilter = (
  item: Record<string, unknown>,
  filter: MetadataFilter | null | undefined,
): boolean => {
  if (!filter) return true;
  return Object.entries(filter).every(([key, condition]) => {
    if (condition === undefined || condition === null) return true;
    if (key === 'and')
      return (condition as MetadataFilter[]).every((sub) => matchesFilter(item, sub));
    if (key === 'or') {
      const list = condition as MetadataFilter[];
      return list.length === 0 || list.some((sub) => matchesFilter(item, sub));
    }
    return compare(item[key], condition as Comparison);
  });
};
