import type { FieldMetadataType } from '../../domain/field-metadata-type';
import { ORDER_COMPARATORS, TEXT_PATTERNS } from '../../domain/filter-comparators';

/**
 * The REST comparators that mean something for each field type: those of the type's GraphQL
 * filter input (UUIDFilter, StringFilter, FloatFilter, DateFilter, BooleanFilter, the generated
 * enum filters, MultiSelectFilter, RawJsonFilter) that the REST grammar also has. Twenty's REST
 * parser checks none of this; a mismatch fails in Postgres or, for the pattern comparators that
 * cast the column to text, silently compares the text form.
 * Source: workspace-schema-builder/graphql-types/input/*-filter.input-type.ts,
 * compute-where-condition-parts.ts.
 */
export type RestComparator =
  | 'eq'
  | 'neq'
  | 'in'
  | 'containsAny'
  | 'is'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'startsWith'
  | 'endsWith'
  | 'like'
  | 'ilike';

const COMPARISONS: RestComparator[] = [...ORDER_COMPARATORS, 'is'];
const PATTERNS: RestComparator[] = [...TEXT_PATTERNS];

const BY_TYPE: Partial<Record<FieldMetadataType, RestComparator[]>> = {
  TEXT: [...COMPARISONS, ...PATTERNS],
  UUID: COMPARISONS,
  NUMBER: COMPARISONS,
  NUMERIC: COMPARISONS,
  POSITION: COMPARISONS,
  DATE: COMPARISONS,
  DATE_TIME: COMPARISONS,
  BOOLEAN: ['eq', 'is'],
  SELECT: ['eq', 'neq', 'in', 'is'],
  RATING: ['eq', 'neq', 'in', 'is'],
  MULTI_SELECT: ['containsAny', 'is'],
  ARRAY: ['containsAny', 'is'],
  RAW_JSON: ['like', 'is'],
  FILES: ['like', 'is'],
};

export const restOperatorsFor = (type: FieldMetadataType): RestComparator[] =>
  BY_TYPE[type] ?? ['is'];

/** Pattern comparators run on any column through `::text`, so they are warnings, not errors. */
export const castsToText = (operator: string): boolean => (PATTERNS as string[]).includes(operator);

/** GraphQL's ArrayFilter has no containsAny (containsIlike there has no REST form). */
export const hasGraphqlEquivalent = (type: FieldMetadataType, operator: string): boolean =>
  (restOperatorsFor(type) as string[]).includes(operator) &&
  !(type === 'ARRAY' && operator === 'containsAny');

export const OPERATOR_DETAILS: Record<RestComparator, string> = {
  eq: 'equals',
  neq: 'differs from',
  in: 'one of [a,b]',
  containsAny: 'contains any of [a,b]',
  is: 'NULL or NOT_NULL',
  gt: 'greater than',
  gte: 'greater than or equal',
  lt: 'less than',
  lte: 'less than or equal',
  startsWith: 'starts with',
  endsWith: 'ends with',
  like: 'SQL LIKE pattern (% wildcard)',
  ilike: 'case-insensitive LIKE',
};
