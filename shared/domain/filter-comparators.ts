/**
 * The comparators of Twenty's scalar filter inputs (UUIDFilter, FloatFilter, DateFilter…,
 * StringFilter, BooleanFilter), besides `is`. One list for the local workspace's GraphQL schema
 * and the playground's REST filter checks.
 * Source: workspace-schema-builder/graphql-types/input/*-filter.input-type.ts.
 */
export const ORDER_COMPARATORS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte'] as const;
/** StringFilter's text patterns (regex/iregex have no REST form). */
export const TEXT_PATTERNS = ['startsWith', 'endsWith', 'like', 'ilike'] as const;
export const STRING_COMPARATORS = [...ORDER_COMPARATORS, ...TEXT_PATTERNS, 'regex', 'iregex'];
export const BOOLEAN_COMPARATORS = ['eq'];
