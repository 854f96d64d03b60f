import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { checkCoreQueryComplexity } from './core-query-complexity';

/**
 * Twenty's metadata query guard: ≤ 10 root resolvers, ≤ 10 levels of nesting (introspection
 * excluded), no duplicate root resolver in one document (even aliased).
 * Source: use-validate-graphql-query-complexity.hook.ts.
 */
export const MAX_ROOT_RESOLVERS = 10;
export const MAX_NESTING = 10;

const depthOf = (
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number => {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      max = Math.max(
        max,
        depthOf(fragment?.selectionSet, fragments, new Set([...seen, selection.name.value])),
      );
    }
  }
  return max;
};

const rootFields = (
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldNode[] =>
  selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value.startsWith('__') ? [] : [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return rootFields(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });

export interface ComplexityLimits {
  maxRootResolvers: number;
  /**
   * Core API only: a nullable variable may fill a non-null argument (`$filter: PersonFilterInput`
   * into `filter: PersonFilterInput!`), as Twenty's own record tests send them; a null then fails
   * at execution instead of validation.
   */
  allowNullableVariables?: boolean;
  /** Errors as `{message, extensions}` only, without locations and path (Twenty's core API). */
  bareErrors?: boolean;
  /** Extra schema-aware checks (the core API's field count and relation nesting). */
  checkDocument?: (schema: GraphQLSchema, document: DocumentNode) => string | null;
  /** null: no nesting limit (the core API limits relation complexity instead). */
  maxNesting: number | null;
}

/** /metadata: use-validate-graphql-query-complexity.hook.ts. */
export const METADATA_LIMITS: ComplexityLimits = {
  maxRootResolvers: MAX_ROOT_RESOLVERS,
  maxNesting: MAX_NESTING,
};
/** /graphql: GRAPHQL_MAX_ROOT_RESOLVERS = 20 (config-variables.ts). */
export const CORE_LIMITS: ComplexityLimits = {
  allowNullableVariables: true,
  bareErrors: true,
  maxRootResolvers: 20,
  maxNesting: null,
  checkDocument: checkCoreQueryComplexity,
};

/** Returns Twenty's error message, or null when the document is within limits. */
export const checkQueryComplexity = (
  document: DocumentNode,
  operationName?: string | null,
  limits: ComplexityLimits = METADATA_LIMITS,
): string | null => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    const roots = rootFields(definition.selectionSet, fragments);
    if (roots.length > limits.maxRootResolvers) {
      return `Query too complex - Too many root resolvers requested: ${roots.length} - Maximum allowed root resolvers: ${limits.maxRootResolvers}`;
    }
    const seen = new Set<string>();
    for (const root of roots) {
      if (seen.has(root.name.value)) return `Duplicate root resolver: "${root.name.value}"`;
      seen.add(root.name.value);
    }
    if (limits.maxNesting === null) continue;
    const depth = depthOf(definition.selectionSet, fragments, new Set());
    if (depth > limits.maxNesting) {
      return `Query too complex - Too many nested fields requested: ${depth} - Maximum allowed nested fields: ${limits.maxNesting}`;
    }
  }
  return null;
};
