import { RestQueryError } from './rest-query-error';
import { REST_COMPARATORS, type FilterNode, type FilterOperator } from './filter-ast';

/**
 * Twenty's REST `filter` grammar: `field[op]:value`, `a.b[op]:value`, `and(...)`, `or(...)`,
 * `not(...)`, default conjunction `and`, quoted values, `[a,b]` lists for in/containsAny.
 * Source: parse-filter-rest-request.util.ts, parse-filter.util.ts, parse-base-filter.util.ts,
 * check-filter-query.util.ts, add-default-conjunction.util.ts, parse-filter-content.util.ts.
 */
const CONJUNCTIONS = ['and', 'or', 'not'] as const;
const invalid = (message: string) => new RestQueryError(message, 'INVALID_FILTER_QUERY_PARAM');

const checkBrackets = (filter: string): void => {
  const open = (filter.match(/\(/g) ?? []).length;
  const close = (filter.match(/\)/g) ?? []).length;
  if (open === close) return;
  const diff = Math.abs(open - close);
  const kind = open > close ? 'close' : 'open';
  throw invalid(
    `'filter' invalid. ${diff} ${kind} bracket${diff > 1 ? 's are' : ' is'} missing in the query`,
  );
};

/** Splits on commas that are not inside (), [], or quotes. */
const splitTopLevel = (content: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let square = 0;
  let quote: string | null = null;
  let current = '';
  for (const char of content) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '[') square += 1;
    else if (char === ']') square -= 1;
    else if (char === ',' && depth === 0 && square === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') parts.push(current);
  return parts.map((part) => part.trim());
};

const stripQuotes = (value: string): string => {
  const trimmed = value.trim();
  if (
    trimmed.length >= 2 &&
    ((trimmed.startsWith('"') && trimmed.endsWith('"')) ||
      (trimmed.startsWith("'") && trimmed.endsWith("'")))
  ) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
};

const parseLeaf = (leaf: string): FilterNode => {
  const match = /^([^[\]]+)\[([^\]]*)\]:(.*)$/s.exec(leaf);
  if (!match) throw invalid(`'filter' invalid for '${leaf}'. eg: price[gte]:10`);
  const [, rawPath, comparator, rawValue] = match as unknown as [string, string, string, string];
  if (!(REST_COMPARATORS as readonly string[]).includes(comparator)) {
    throw invalid(
      `'filter' invalid for '${leaf}', comparator ${comparator} not in ${REST_COMPARATORS.join(', ')}`,
    );
  }
  const op = comparator as FilterOperator;
  let value: unknown;
  if (op === 'in' || op === 'containsAny') {
    const trimmed = rawValue.trim();
    if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) {
      throw invalid(
        `'filter' invalid for '${op}' operator. Received '${rawValue}' but array value expected eg: 'field[${op}]:[value_1,value_2]'`,
      );
    }
    const body = trimmed.slice(1, -1);
    value = body.trim() === '' ? [] : body.split(',').map(stripQuotes);
  } else {
    value = stripQuotes(rawValue);
  }
  return { path: rawPath.trim().split('.'), op, value };
};

const parseNode = (expression: string): FilterNode => {
  const trimmed = expression.trim();
  const conjunction = CONJUNCTIONS.find(
    (name) => trimmed.startsWith(`${name}(`) && trimmed.endsWith(')'),
  );
  if (!conjunction) return parseLeaf(trimmed);
  const children = splitTopLevel(trimmed.slice(conjunction.length + 1, -1)).map(parseNode);
  if (conjunction === 'not') {
    if (children.length !== 1)
      throw invalid(
        "'filter' invalid. 'not' conjunction should contain only 1 condition. eg: not(field[eq]:1)",
      );
    return { not: children[0]! };
  }
  return conjunction === 'and' ? { and: children } : { or: children };
};

export const parseRestFilter = (filter: string | null): FilterNode | null => {
  if (filter === null || filter.trim() === '') return null;
  checkBrackets(filter);
  const trimmed = filter.trim();
  const wrapped = CONJUNCTIONS.some((name) => trimmed.startsWith(`${name}(`))
    ? trimmed
    : `and(${trimmed})`;
  return parseNode(wrapped);
};
