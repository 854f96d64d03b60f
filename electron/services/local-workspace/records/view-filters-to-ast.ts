import type { FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import type { MetadataState } from '../metadata/metadata-types';
import type { ViewFilterGroupRow, ViewFilterRow } from '../views/view-types';
import { RecordError } from './record-errors';
import type { ObjectShape } from './record-shape';

/**
 * A view's filters as one record filter, for group-by's `viewId` (Twenty's
 * common-group-by-query-runner addFiltersFromView → twenty-shared computeRecordGqlOperationFilter).
 * Filters outside any group are AND-ed with the root filter groups; each group joins its filters
 * and sub-groups with its logical operator. Filters with an empty value are skipped, as in Twenty.
 * Only the common operands are translated here; any other one is refused (400) rather than
 * silently ignored. An unknown view id adds nothing (Twenty finds no filters and no view).
 */
const unsupported = (operand: string, type: string) =>
  new RecordError(
    `View filter operand '${operand}' on a ${type} field is not supported by the local workspace`,
    'BAD_REQUEST',
    'INVALID_QUERY_INPUT',
  );

const parseValue = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

const asList = (value: unknown): string[] => {
  const parsed = parseValue(value);
  if (Array.isArray(parsed)) return parsed.map(String);
  return parsed === null || parsed === undefined || parsed === '' ? [] : [String(parsed)];
};

const isEmptyValue = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(parseValue(value)) && (parseValue(value) as unknown[]).length === 0);

const leaf = (path: string[], op: Extract<FilterNode, { op: unknown }>['op'], value: unknown) =>
  ({ path, op, value }) as FilterNode;

const filterNode = (shape: ObjectShape, filter: ViewFilterRow): FilterNode | null => {
  const field = shape.fields.find((candidate) => candidate.id === filter.fieldMetadataId);
  if (!field) return null;
  const operand = filter.operand.toUpperCase();
  const path = isManyToOne(field)
    ? [joinColumnNameOf(field)]
    : filter.subFieldName
      ? [field.name, filter.subFieldName]
      : [field.name];
  if (operand === 'IS_EMPTY') return leaf(path, 'is', 'NULL');
  if (operand === 'IS_NOT_EMPTY') return leaf(path, 'is', 'NOT_NULL');
  if (isEmptyValue(filter.value)) return null;
  const raw = parseValue(filter.value);
  const text = typeof raw === 'string' ? raw : String(raw);
  switch (operand) {
    case 'CONTAINS':
      return leaf(path, 'ilike', `%${text}%`);
    case 'DOES_NOT_CONTAIN':
      return { not: leaf(path, 'ilike', `%${text}%`) };
    case 'GREATER_THAN_OR_EQUAL':
      return leaf(path, 'gte', Number(text));
    case 'LESS_THAN_OR_EQUAL':
      return leaf(path, 'lte', Number(text));
    case 'IS_BEFORE':
      return leaf(path, 'lt', text);
    case 'IS_AFTER':
      return leaf(path, 'gt', text);
    case 'IS':
    case 'IS_NOT': {
      let node: FilterNode;
      if (field.type === 'MULTI_SELECT') node = leaf(path, 'containsAny', asList(filter.value));
      else if (field.type === 'SELECT' || isManyToOne(field) || Array.isArray(raw))
        node = leaf(path, 'in', asList(filter.value));
      else if (field.type === 'BOOLEAN') node = leaf(path, 'eq', text === 'true');
      else node = leaf(path, 'eq', raw);
      return operand === 'IS' ? node : { not: node };
    }
    default:
      throw unsupported(filter.operand, field.type);
  }
};

export const viewFiltersToAst = (
  state: MetadataState,
  shape: ObjectShape,
  viewId: string,
): FilterNode | null => {
  const view = state.views.views.get(viewId);
  if (!view || view.deletedAt) return null;
  const filters = [...state.views.filters.values()].filter(
    (row) => row.viewId === viewId && !row.deletedAt,
  );
  const groups = [...state.views.filterGroups.values()].filter(
    (row) => row.viewId === viewId && !row.deletedAt,
  );
  const byPosition = <T extends { positionInViewFilterGroup: number | null }>(rows: T[]) =>
    [...rows].sort(
      (a, b) => (a.positionInViewFilterGroup ?? 0) - (b.positionInViewFilterGroup ?? 0),
    );
  const groupNode = (group: ViewFilterGroupRow): FilterNode | null => {
    const children = [
      ...byPosition(filters.filter((row) => row.viewFilterGroupId === group.id)).map((row) =>
        filterNode(shape, row),
      ),
      ...byPosition(groups.filter((row) => row.parentViewFilterGroupId === group.id)).map(
        groupNode,
      ),
    ].filter((node): node is FilterNode => node !== null);
    if (children.length === 0) return null;
    const operator = group.logicalOperator.toUpperCase();
    if (operator === 'OR') return { or: children };
    if (operator === 'NOT') return { not: { and: children } };
    return { and: children };
  };
  const nodes = [
    ...filters.filter((row) => !row.viewFilterGroupId).map((row) => filterNode(shape, row)),
    ...groups.filter((row) => !row.parentViewFilterGroupId).map(groupNode),
  ].filter((node): node is FilterNode => node !== null);
  return nodes.length === 0 ? null : { and: nodes };
};

/** `filter AND viewFilter`, either may be absent. */
export const combineFilters = (...nodes: (FilterNode | null)[]): FilterNode | null => {
  const present = nodes.filter((node): node is FilterNode => node !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : { and: present };
};
