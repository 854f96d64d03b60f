import type { ModelObject, WorkspaceModel } from '../../contract/data-model';
import { REST_COMPARATORS } from '../../domain/rest-grammar/filter-ast';
import {
  parseFilterSyntax,
  type FilterSyntax,
  type LeafSyntax,
} from '../../domain/rest-grammar/filter-syntax';
import { checkFilter } from './check-filter';
import { resolvePath, type ResolvedPath } from './filter-fields';
import { findObject } from './find-object';
import { hasGraphqlEquivalent } from './operators-by-type';
import type { QueryProblem } from './types';

/**
 * REST `filter` ↔ the object Twenty's GraphQL `filter` argument takes. Both compile to one
 * filter tree in Twenty (and in the local workspace), so a converted filter selects the same
 * records; values are typed as GraphQL wants them (numbers, booleans, FilterIs).
 */
export type GraphqlFilter = { [key: string]: unknown };

const typedValue = (value: string, operator: string, resolved: ResolvedPath): unknown => {
  if (operator === 'is') return value;
  if (['NUMBER', 'NUMERIC', 'POSITION'].includes(resolved.type)) {
    const number = Number(value);
    // BigFloat takes strings too: keep digits a double would round.
    return Number.isSafeInteger(number) || !Number.isInteger(number) ? number : value;
  }
  if (resolved.type === 'BOOLEAN') return value.toLowerCase() === 'true';
  return value;
};

const leafToGraphql = (
  leaf: LeafSyntax,
  object: ModelObject,
  problems: QueryProblem[],
): GraphqlFilter => {
  const path = leaf.path.map((segment) => segment.name);
  const resolved = resolvePath(object, path);
  const operator = leaf.operator.name;
  if (!resolved.ok) return {};
  if (!hasGraphqlEquivalent(resolved.type, operator)) {
    problems.push({
      start: leaf.operator.start,
      end: leaf.operator.end,
      message: `GraphQL has no '${operator}' for ${resolved.type} fields`,
      severity: 'error',
    });
    return {};
  }
  const value = leaf.value.items
    ? leaf.value.items.map((item) => typedValue(item.value, operator, resolved))
    : typedValue(leaf.value.value, operator, resolved);
  const comparison = { [operator]: value };
  return path.length === 2
    ? { [path[0]!]: { [path[1]!]: comparison } }
    : { [path[0]!]: comparison };
};

const nodeToGraphql = (
  node: FilterSyntax,
  object: ModelObject,
  problems: QueryProblem[],
): GraphqlFilter => {
  if (node.kind === 'invalid') return {};
  if (node.kind === 'leaf') return leafToGraphql(node, object, problems);
  const children = node.children.map((child) => nodeToGraphql(child, object, problems));
  if (node.conjunction === 'not') return { not: children[0] ?? {} };
  return { [node.conjunction]: children };
};

export const restFilterToGraphqlFilter = (
  text: string,
  object: ModelObject | string,
  model?: WorkspaceModel,
): { filter: GraphqlFilter | null; problems: QueryProblem[] } => {
  const target = findObject(object, model);
  const problems = checkFilter(text, object, model).filter((p) => p.severity === 'error');
  const { root } = parseFilterSyntax(text);
  if (!target || !root || problems.length > 0) return { filter: null, problems };
  const filter = nodeToGraphql(root, target, problems);
  return problems.length > 0 ? { filter: null, problems } : { filter, problems };
};

// GraphQL → REST

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ eq: 1 }` rather than a composite's `{ firstName: { eq: 1 } }`. */
const isComparison = (value: Record<string, unknown>): boolean =>
  Object.values(value).every((inner) => !isPlainObject(inner));

/** A REST value: quoted when it holds a delimiter; quotes cannot protect commas inside a list. */
const restValue = (value: unknown, inList: boolean): string | null => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined) return null;
  const delimiter = /[,()[\]"']|^\s|\s$|^$/.test(text);
  if (inList && text.includes(',')) return null;
  if (!delimiter) return text;
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return null;
};

const predicates = (filter: GraphqlFilter, problems: string[], at: string): string[] =>
  Object.entries(filter).flatMap(([key, value]): string[] => {
    if (value === undefined || value === null) return [];
    if (key === 'and' || key === 'or') {
      const children = (Array.isArray(value) ? value : [value]).map((child, i) =>
        group(child as GraphqlFilter, problems, `${at}.${key}[${i}]`),
      );
      return [`${key}(${children.filter((child) => child !== '').join(',')})`];
    }
    if (key === 'not') return [`not(${group(value as GraphqlFilter, problems, `${at}.not`)})`];
    if (!isPlainObject(value)) {
      problems.push(`${at}.${key}: expected an object of comparisons`);
      return [];
    }
    const comparisons = isComparison(value)
      ? [[key, value] as const]
      : Object.entries(value).map(([sub, inner]) => [`${key}.${sub}`, inner] as const);
    return comparisons.flatMap(([path, comparison]) =>
      Object.entries(comparison as Record<string, unknown>).flatMap(([operator, operand]) => {
        if (operand === undefined) return [];
        if (!(REST_COMPARATORS as readonly string[]).includes(operator)) {
          problems.push(`${at}.${path}: GraphQL operator '${operator}' has no REST form`);
          return [];
        }
        const list = Array.isArray(operand);
        const values = (list ? operand : [operand]).map((item) => restValue(item, list));
        if (operand === null || values.some((item) => item === null)) {
          problems.push(`${at}.${path}.${operator}: value cannot be written in a REST filter`);
          return [];
        }
        return [`${path}[${operator}]:${list ? `[${values.join(',')}]` : values[0]}`];
      }),
    );
  });

/** One predicate for a filter object: its keys are ANDed, so several need an and(...). */
const group = (filter: GraphqlFilter, problems: string[], at: string): string => {
  const parts = predicates(filter, problems, at);
  return parts.length === 1 ? parts[0]! : `and(${parts.join(',')})`;
};

export const graphqlFilterToRestFilter = (
  filter: GraphqlFilter | null | undefined,
): { text: string | null; problems: string[] } => {
  if (!filter) return { text: null, problems: [] };
  const problems: string[] = [];
  // The root's conditions are ANDed, as REST's default conjunction: write them bare.
  const keys = Object.keys(filter).filter(
    (key) => filter[key] !== undefined && filter[key] !== null,
  );
  const parts =
    keys.length === 1 && keys[0] === 'and' && Array.isArray(filter.and)
      ? (filter.and as GraphqlFilter[]).map((child, i) =>
          group(child, problems, `filter.and[${i}]`),
        )
      : predicates(filter, problems, 'filter');
  const text = parts.filter((part) => part !== '').join(',');
  if (problems.length > 0) return { text: null, problems };
  if (text === '') return { text: null, problems };
  const { errors } = parseFilterSyntax(text);
  if (errors[0]) return { text: null, problems: [errors[0].message] };
  return { text, problems };
};
