import { quoteIdentifier as q } from '../../storage/sql-engine';
import type { ObjectShape } from '../record-shape';
import { resolveFieldPath } from './field-path';
import { isLeaf, type FilterNode } from '../../../../../shared/domain/rest-grammar/filter-ast';
import { RestQueryError } from '../../../../../shared/domain/rest-grammar/rest-query-error';
import type { SqlParams } from './sql-params';
import { relationHop, unknownFilterField, validateFilter } from './validate-filter';

/** Filter tree → parameterised SQL condition over the object's columns. */

const leafSql = (
  shape: ObjectShape,
  node: Extract<FilterNode, { path: string[] }>,
  params: SqlParams,
): string => {
  // One hop through a many-to-one (`company.name`): the join column among the matching targets.
  const hop = relationHop(shape, node.path);
  if (hop) {
    const live = hop.target.byName.has('deletedAt') ? ' AND "deletedAt" IS NULL' : '';
    const inner = leafSql(hop.target, { ...node, path: hop.rest }, params);
    return `${q(hop.column)} IN (SELECT "id" FROM ${hop.target.qualifiedTable} WHERE ${inner}${live})`;
  }
  const resolved = resolveFieldPath(shape, node.path);
  const path = node.path.join('.');
  if (!resolved || resolved.isComposite) throw unknownFilterField(shape, node.path, node.op);
  const column = q(resolved.column);
  const asText = resolved.type === 'TEXT' ? column : `${column}::text`;
  const { op, value } = node;
  // On a multi-select (an array column), eq/neq/in test membership of the chosen values.
  if (resolved.type === 'MULTI_SELECT' && (op === 'eq' || op === 'neq' || op === 'in')) {
    const list = (Array.isArray(value) ? value : [value]).map(String);
    const overlap = `${column}::text[] && ${params.add(list)}::text[]`;
    return op === 'neq' ? `NOT (${overlap})` : overlap;
  }
  switch (op) {
    case 'eq':
      return `${column} = ${params.add(value)}`;
    case 'neq':
      return `${column} <> ${params.add(value)}`;
    case 'gt':
      return `${column} > ${params.add(value)}`;
    case 'gte':
      return `${column} >= ${params.add(value)}`;
    case 'lt':
      return `${column} < ${params.add(value)}`;
    case 'lte':
      return `${column} <= ${params.add(value)}`;
    case 'in': {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) return 'FALSE';
      return `${column} IN (${list.map((item) => params.add(item)).join(', ')})`;
    }
    case 'containsAny': {
      const list = (Array.isArray(value) ? value : [value]).map(String);
      return `${column}::text[] && ${params.add(list)}::text[]`;
    }
    case 'is': {
      const wanted = String(value).toUpperCase();
      if (wanted !== 'NULL' && wanted !== 'NOT_NULL') {
        throw new RestQueryError(
          `'filter' invalid for '${path}[is]:${String(value)}'. 'is' accepts NULL or NOT_NULL`,
          'INVALID_FILTER_QUERY_PARAM',
        );
      }
      return `${column} IS ${wanted === 'NULL' ? 'NULL' : 'NOT NULL'}`;
    }
    case 'isEmptyArray':
      return value ? `(${column} = '{}' OR ${column} IS NULL)` : `${column} <> '{}'`;
    case 'startsWith':
      return `${asText} LIKE ${params.add(`${String(value)}%`)}`;
    case 'endsWith':
      return `${asText} LIKE ${params.add(`%${String(value)}`)}`;
    case 'like':
      return `${asText} LIKE ${params.add(String(value))}`;
    case 'ilike':
      return `${asText} ILIKE ${params.add(String(value))}`;
    case 'containsIlike':
      return `EXISTS (SELECT 1 FROM unnest(${column}) AS element WHERE element ILIKE ${params.add(String(value))})`;
    case 'containsJsonb':
      return `${column} @> ${params.add(JSON.stringify(value))}::jsonb`;
  }
};

const nodeSql = (shape: ObjectShape, node: FilterNode, params: SqlParams): string => {
  if (isLeaf(node)) return leafSql(shape, node, params);
  if ('and' in node)
    return node.and.length === 0
      ? 'TRUE'
      : `(${node.and.map((child) => nodeSql(shape, child, params)).join(' AND ')})`;
  if ('or' in node)
    return node.or.length === 0
      ? 'TRUE'
      : `(${node.or.map((child) => nodeSql(shape, child, params)).join(' OR ')})`;
  return `NOT (${nodeSql(shape, node.not, params)})`;
};

/**
 * The filter's WHERE condition. Every leaf is first checked against its field's type (Twenty's
 * filter validation, see validate-filter.ts), so a wrong operator or value is a 400, never SQL.
 */
export const buildWhere = (
  shape: ObjectShape,
  node: FilterNode | null,
  params: SqlParams,
): string => (node ? nodeSql(shape, validateFilter(shape, node), params) : 'TRUE');
