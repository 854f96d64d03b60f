import type { ModelObject, WorkspaceModel } from '../../contract/data-model';
import {
  parseFilterSyntax,
  type FilterSyntax,
  type LeafSyntax,
} from '../../domain/rest-grammar/filter-syntax';
import { checkIsValue, checkValue } from './check-filter-value';
import { resolvePath } from './filter-fields';
import { COMPOSITE_TYPES, type CompositeFieldType } from '../../domain/composite-types';
import { findObject } from './find-object';
import { castsToText, restOperatorsFor } from './operators-by-type';
import type { QueryProblem } from './types';

/**
 * Every problem of a REST `filter` for one object, placed in the text: Twenty's grammar errors
 * (the first is what Twenty would answer), unknown fields and sub-fields, comparators that do not
 * fit the field's type, and values of the wrong shape.
 */
export const leavesOf = (node: FilterSyntax): LeafSyntax[] =>
  node.kind === 'leaf'
    ? [node]
    : node.kind === 'conjunction'
      ? node.children.flatMap(leavesOf)
      : [];

const firstSubField = (type: string) => COMPOSITE_TYPES[type as CompositeFieldType][0]!.name;

const checkLeaf = (leaf: LeafSyntax, object: ModelObject): QueryProblem[] => {
  const names = leaf.path.map((segment) => segment.name);
  const resolved = resolvePath(object, names);
  if (!resolved.ok) {
    const segment = leaf.path[resolved.segment]!;
    return [
      {
        start: segment.start,
        end: segment.end,
        message: resolved.message,
        severity: 'error',
        ...(resolved.hint ? { hint: resolved.hint } : {}),
      },
    ];
  }
  const pathRange = { start: leaf.path[0]!.start, end: leaf.path[leaf.path.length - 1]!.end };
  if (resolved.compositeRoot)
    return [
      {
        ...pathRange,
        message: `'${names[0]}' is a ${resolved.type} field: filter on a sub-field, eg: ${names[0]}.${firstSubField(resolved.type)}[eq]:…`,
        severity: 'error',
      },
    ];
  if (!leaf.valid) return [];
  const operator = leaf.operator.name;
  const allowed = restOperatorsFor(resolved.type);
  if (!(allowed as string[]).includes(operator))
    return [
      {
        start: leaf.operator.start,
        end: leaf.operator.end,
        message: `'${operator}' does not apply to ${resolved.type} fields; use ${allowed.join(', ')}`,
        severity: castsToText(operator) ? 'warning' : 'error',
      },
    ];
  if (castsToText(operator)) return [];
  const values = leaf.value.items ?? [
    { value: leaf.value.value, start: leaf.value.start, end: leaf.value.end },
  ];
  const path = names.join('.');
  return values.flatMap((item) => {
    const message =
      operator === 'is' ? checkIsValue(item.value) : checkValue(item.value, resolved, path);
    return message
      ? [{ start: item.start, end: item.end, message, severity: 'error' as const }]
      : [];
  });
};

export const checkFilter = (
  text: string,
  object: ModelObject | string,
  model?: WorkspaceModel,
): QueryProblem[] => {
  const { root, errors } = parseFilterSyntax(text);
  const problems: QueryProblem[] = errors.map((error) => ({ ...error, severity: 'error' }));
  const target = findObject(object, model);
  if (root && target) for (const leaf of leavesOf(root)) problems.push(...checkLeaf(leaf, target));
  return problems;
};
