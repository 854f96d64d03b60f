import {
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { isManyToOne } from '../metadata/field-columns';
import type { MetadataState, ObjectRow } from '../metadata/metadata-types';
import { objectShape, type ObjectShape } from '../records/record-shape';
import { parseGroupBy } from '../records/group-records';
import { graphqlFilterToAst } from '../core-api/graphql/graphql-filter-to-ast';
import type { CoreContext } from '../core-api/graphql/build-core-schema';
import { canReadField, fieldNameOfKey } from './effective-permissions';
import { cannotReadField, PermissionDenied } from './permission-denied';
import { recordGuardFor, type RecordGuard, type RecordOperation } from './record-guard';

/**
 * `/graphql` enforcement (docs/twenty-permissions.md §4.4): before a root field resolves, the
 * caller's role must allow its operation, every written field, every filtered/ordered field and
 * every selected field — top level, in nested relations and in mutation results. Any refusal
 * fails the root field with Twenty's FORBIDDEN error.
 */
type ResultKind = 'record' | 'connection' | 'connections';
interface RootOperation {
  object: ObjectRow;
  operation: RecordOperation;
  result: ResultKind;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** Root field names as build-core-schema.ts (and Twenty's get-resolver-name.util.ts) name them. */
const rootOperationsOf = (object: ObjectRow): [string, RecordOperation, ResultKind][] => {
  const singular = pascal(object.nameSingular);
  const plural = pascal(object.namePlural);
  return [
    [camel(object.namePlural), 'read', 'connection'],
    [camel(object.nameSingular), 'read', 'record'],
    [`${camel(object.nameSingular)}Duplicates`, 'read', 'connections'],
    [`${camel(object.namePlural)}GroupBy`, 'read', 'connections'],
    [`create${singular}`, 'create', 'record'],
    [`create${plural}`, 'create', 'record'],
    [`merge${plural}`, 'merge', 'record'],
    [`update${singular}`, 'update', 'record'],
    [`update${plural}`, 'update', 'record'],
    [`delete${singular}`, 'softDelete', 'record'],
    [`delete${plural}`, 'softDelete', 'record'],
    [`destroy${singular}`, 'destroy', 'record'],
    [`destroy${plural}`, 'destroy', 'record'],
    [`restore${singular}`, 'restore', 'record'],
    [`restore${plural}`, 'restore', 'record'],
  ];
};

const operationsCache = new WeakMap<MetadataState, Map<string, RootOperation>>();
const rootOperations = (state: MetadataState): Map<string, RootOperation> => {
  const cached = operationsCache.get(state);
  if (cached) return cached;
  const map = new Map<string, RootOperation>();
  for (const object of state.objects.values())
    if (object.isActive)
      for (const [name, operation, result] of rootOperationsOf(object))
        map.set(name, { object, operation, result });
  operationsCache.set(state, map);
  return map;
};

/** Field nodes of a selection set with fragments flattened. */
const fieldsOf = (
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
): { name: string; selectionSet: SelectionSetNode | undefined; node?: FieldNode }[] => {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD)
      return [
        { name: selection.name.value, selectionSet: selection.selectionSet, node: selection },
      ];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments);
    return fieldsOf(fragments[selection.name.value]?.selectionSet, fragments);
  });
};

const checkConnection = (
  guard: RecordGuard,
  shape: ObjectShape,
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): void => {
  const selected = fieldsOf(selectionSet, fragments);
  guard.assertReadableAggregates(
    shape,
    selected.map((field) => field.name),
  );
  for (const edges of selected.filter((f) => f.name === 'edges'))
    for (const node of fieldsOf(edges.selectionSet, fragments).filter((f) => f.name === 'node'))
      checkRecord(guard, shape, node.selectionSet, fragments, variables);
};

const checkRecord = (
  guard: RecordGuard,
  shape: ObjectShape,
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): void => {
  const access = guard.access(shape);
  for (const { name, selectionSet: nested, node } of fieldsOf(selectionSet, fragments)) {
    if (name.startsWith('__')) continue;
    if (!canReadField(access, name))
      throw cannotReadField(fieldNameOfKey(access, name), shape.object.nameSingular);
    const field = shape.byName.get(name);
    if (!nested || (field?.type !== 'RELATION' && field?.type !== 'MORPH_RELATION')) continue;
    const targetObject = guard.state.objects.get(field.relationTargetObjectMetadataId ?? '');
    if (!targetObject) continue;
    // A nested relation runs the same select check on its target object.
    const target = objectShape(guard.state, targetObject);
    guard.assertOperation(target, 'read');
    if (isManyToOne(field)) {
      checkRecord(guard, target, nested, fragments, variables);
      continue;
    }
    // A to-many relation's own filter and order use its target's fields.
    const args = Object.fromEntries(
      (node?.arguments ?? []).map((arg) => [
        arg.name.value,
        valueFromASTUntyped(arg.value, variables),
      ]),
    );
    checkArguments(guard, target, args);
    checkConnection(guard, target, nested, fragments, variables);
  }
};

const orderByFields = (orderBy: unknown): string[] =>
  (Array.isArray(orderBy) ? orderBy : orderBy ? [orderBy] : []).flatMap((item) =>
    item && typeof item === 'object' ? Object.keys(item as object) : [],
  );

const checkArguments = (guard: RecordGuard, shape: ObjectShape, args: Record<string, unknown>) => {
  if (args.filter && typeof args.filter === 'object')
    guard.assertReadableFilter(
      shape,
      graphqlFilterToAst(shape, args.filter as Record<string, unknown>),
    );
  guard.assertReadableKeys(shape, orderByFields(args.orderBy));
  if (args.groupBy)
    guard.assertReadableKeys(
      shape,
      parseGroupBy(args.groupBy).map((dimension) => dimension.path[0]!),
    );
};

const guards = new WeakMap<CoreContext, Promise<RecordGuard | null>>();

const checkRootField = async (
  context: CoreContext,
  root: RootOperation,
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
): Promise<void> => {
  // One role lookup per request, shared by its root fields.
  const pending = guards.get(context) ?? recordGuardFor(context.runtime, context.auth);
  guards.set(context, pending);
  const guard = await pending;
  if (!guard) return;
  const shape = objectShape(guard.state, root.object);
  guard.assertOperation(shape, root.operation);
  if (root.operation === 'create' || root.operation === 'update')
    guard.assertWritable(shape, args.data);
  checkArguments(guard, shape, args);
  const selection = info.fieldNodes[0]?.selectionSet;
  const variables = info.variableValues as Record<string, unknown>;
  if (root.result === 'record') checkRecord(guard, shape, selection, info.fragments, variables);
  else checkConnection(guard, shape, selection, info.fragments, variables);
};

/** Wraps a core root resolver with the permission checks of its operation. */
export const withRecordPermissions = (
  state: MetadataState,
  rootFieldName: string,
  resolve: GraphQLFieldResolver<unknown, CoreContext>,
): GraphQLFieldResolver<unknown, CoreContext> => {
  const root = rootOperations(state).get(rootFieldName);
  if (!root) return resolve;
  return async (source, args, context, info) => {
    try {
      await checkRootField(context, root, args as Record<string, unknown>, info);
    } catch (error) {
      if (error instanceof PermissionDenied) throw error.toGraphqlError();
      throw error;
    }
    return resolve(source, args, context, info);
  };
};
