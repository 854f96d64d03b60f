import type { FilterNode, FilterOperator } from './filter-ast';
import { parseFilterSyntax, type FilterSyntax } from './filter-syntax';
import { RestQueryError } from './rest-query-error';

/**
 * A REST `filter` as Twenty reads it: the first grammar error is thrown with Twenty's message
 * (400, INVALID_FILTER_QUERY_PARAM); otherwise the filter tree both APIs compile to.
 */
export const syntaxToFilterNode = (node: FilterSyntax): FilterNode => {
  if (node.kind === 'invalid') throw new Error(`invalid predicate '${node.text}'`);
  if (node.kind === 'leaf')
    return {
      path: node.path.map((segment) => segment.name),
      op: node.operator.name as FilterOperator,
      value: node.value.items ? node.value.items.map((item) => item.value) : node.value.value,
    };
  const children = node.children.map(syntaxToFilterNode);
  if (node.conjunction === 'not') return { not: children[0]! };
  return node.conjunction === 'and' ? { and: children } : { or: children };
};

export const parseRestFilter = (filter: string | null): FilterNode | null => {
  if (filter === null) return null;
  const { root, errors } = parseFilterSyntax(filter);
  if (errors[0]) throw new RestQueryError(errors[0].message, 'INVALID_FILTER_QUERY_PARAM');
  return root ? syntaxToFilterNode(root) : null;
};
