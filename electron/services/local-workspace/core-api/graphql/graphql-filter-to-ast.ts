import { isCompositeFieldType } from '../../../../../shared/domain/composite-types';
import {
  comparesNothing,
  FILTER_OPERATORS,
  type FilterNode,
  type FilterOperator,
} from '../../../../../shared/domain/rest-grammar/filter-ast';
import { objectShape, type ObjectShape } from '../../records/record-shape';
import { isManyToOne } from '../../metadata/field-columns';
import { unknownFilterField } from '../../records/query/validate-filter';
import { RecordError } from '../../records/record-errors';

/**
 * A core GraphQL filter input (`{ name: { firstName: { eq: "Ada" } }, or: [...] }`) compiled to
 * the filter tree REST filters compile to — one meaning for both APIs.
 */
const OPERATORS = new Set<string>(FILTER_OPERATORS);

const leaves = (path: string[], comparison: Record<string, unknown>): FilterNode[] => {
  const fieldName = path.join('.');
  // validate-and-transform-operator-and-value.util.ts: one comparison object, one operator.
  if (comparison === null || typeof comparison !== 'object')
    throw new RecordError(
      `Filter value for field "${fieldName}" must be an object`,
      'BAD_REQUEST',
      'INVALID_ARGS_FILTER',
      'Invalid filter: filter value must be an object',
    );
  const entries = Object.entries(comparison).filter(([, value]) => value !== undefined);
  if (entries.length !== 1)
    throw new RecordError(
      `Filter for field "${fieldName}" must have exactly one operator`,
      'BAD_REQUEST',
      'INVALID_ARGS_FILTER',
      'Invalid filter: exactly one operator per field is required',
    );
  return entries.map(([op, value]) => {
    if (op === 'regex' || op === 'iregex')
      throw new RecordError(
        `Operator "${op}" is not supported`,
        'BAD_REQUEST',
        'INVALID_QUERY_INPUT',
      );
    if (!OPERATORS.has(op))
      throw new RecordError(
        `Unknown filter operator "${op}"`,
        'BAD_REQUEST',
        'INVALID_QUERY_INPUT',
      );
    return { path, op: op as FilterOperator, value };
  });
};

const underRelation = (relation: string, node: FilterNode): FilterNode => {
  if ('path' in node) return { ...node, path: [relation, ...node.path] };
  if ('and' in node) return { and: node.and.map((child) => underRelation(relation, child)) };
  if ('or' in node) return { or: node.or.map((child) => underRelation(relation, child)) };
  return { not: underRelation(relation, node.not) };
};

export const graphqlFilterToAst = (
  shape: ObjectShape,
  filter: Record<string, unknown> | null | undefined,
): FilterNode | null => {
  if (!filter) return null;
  const children: FilterNode[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'and' || key === 'or') {
      const list = (value as Record<string, unknown>[])
        .map((item) => graphqlFilterToAst(shape, item))
        // An empty member compares nothing: `{or: [{}, {id: …}]}` selects by id alone.
        .filter((node): node is FilterNode => node !== null && !comparesNothing(node));
      children.push(key === 'and' ? { and: list } : { or: list });
      continue;
    }
    if (key === 'not') {
      const inner = graphqlFilterToAst(shape, value as Record<string, unknown>);
      if (inner) children.push({ not: inner });
      continue;
    }
    const field = shape.byName.get(key);
    if (field && isManyToOne(field)) {
      // Through the relation (`company: {name: {eq: "Acme"}}`): the target's filter, its paths
      // under the relation's name. An empty one names no target field: Twenty's "use companyId".
      const target = shape.state.objects.get(field.relationTargetObjectMetadataId ?? '');
      const inner =
        target && Object.keys(value as object).length > 0
          ? graphqlFilterToAst(objectShape(shape.state, target), value as Record<string, unknown>)
          : null;
      if (!inner) throw unknownFilterField(shape, [key]);
      children.push(underRelation(key, inner));
      continue;
    }
    if (field && isCompositeFieldType(field.type)) {
      for (const [sub, comparison] of Object.entries(value as Record<string, unknown>)) {
        if (comparison !== undefined)
          children.push(...leaves([key, sub], comparison as Record<string, unknown>));
      }
      continue;
    }
    children.push(...leaves([key], value as Record<string, unknown>));
  }
  return { and: children };
};

export const isEmptyFilter = (filter: Record<string, unknown> | null | undefined): boolean =>
  !filter || Object.values(filter).every((value) => value === undefined || value === null);
