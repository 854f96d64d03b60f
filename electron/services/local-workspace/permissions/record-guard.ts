import type { AuthContext } from '../auth/api-key-tokens';
import type { MetadataState } from '../metadata/metadata-types';
import { objectShape, type ObjectShape } from '../records/record-shape';
import { isLeaf, type FilterNode } from '../../../../shared/domain/rest-grammar/filter-ast';
import type { WorkspaceRuntime } from '../workspace-runtime';
import {
  canReadField,
  canUpdateField,
  computeEffectivePermissions,
  fieldNameOfKey,
  type EffectivePermissions,
  type ObjectAccess,
} from './effective-permissions';
import { aggregateDefinitions } from '../core-api/graphql/aggregate-fields';
import { cannotReadField, cannotWriteField, PermissionDenied } from './permission-denied';
import { loadRolePermissions } from '../roles/role-permissions';

/**
 * The checks both record APIs run (docs/twenty-permissions.md §4.2–§4.4): object-level
 * permission per operation (the read-back of writes included), readable filter/order fields,
 * writable input fields, and REST's silent omission of unreadable fields.
 */
export type RecordOperation =
  'read' | 'create' | 'update' | 'softDelete' | 'restore' | 'destroy' | 'merge';

type ObjectPermissionKind = 'read' | 'update' | 'softDelete' | 'destroy';

/** Every write returns its records, so every operation also needs read (the re-read). */
const REQUIRED: Record<RecordOperation, ObjectPermissionKind[]> = {
  read: ['read'],
  create: ['update', 'read'],
  update: ['update', 'read'],
  softDelete: ['softDelete', 'read'],
  restore: ['softDelete', 'read'],
  destroy: ['destroy', 'read'],
  merge: ['update', 'softDelete', 'read'],
};

const isRelation = (shape: ObjectShape, name: string) => {
  const field = shape.byName.get(name);
  return field?.type === 'RELATION' || field?.type === 'MORPH_RELATION' ? field : null;
};

export class RecordGuard {
  constructor(
    readonly permissions: EffectivePermissions,
    readonly state: MetadataState,
  ) {}

  access(shape: ObjectShape): ObjectAccess {
    return this.permissions.object(shape.object.id);
  }

  assertOperation(shape: ObjectShape, operation: RecordOperation): void {
    const access = this.access(shape);
    if (REQUIRED[operation].some((kind) => !access[kind])) throw new PermissionDenied();
  }

  /** Fields used by a filter or an order must be readable (Twenty checks the columns used). */
  assertReadableKeys(shape: ObjectShape, keys: Iterable<string>): void {
    const access = this.access(shape);
    for (const key of keys)
      if (!canReadField(access, key))
        throw cannotReadField(fieldNameOfKey(access, key), shape.object.nameSingular);
  }

  /** Aggregates (`countEmptyJobTitle`, `sumAmountAmountMicros`, …) read their field's columns. */
  assertReadableAggregates(shape: ObjectShape, names: Iterable<string>): void {
    const access = this.access(shape);
    const requested = new Set(names);
    for (const [fieldName, fieldAccess] of access.restrictedFields) {
      const field = shape.byName.get(fieldName);
      if (fieldAccess.read || !field) continue;
      for (const name of aggregateDefinitions([field]).keys())
        if (name !== 'totalCount' && requested.has(name))
          throw cannotReadField(fieldName, shape.object.nameSingular);
    }
  }

  assertReadableFilter(shape: ObjectShape, filter: FilterNode | null | undefined): void {
    if (!filter) return;
    this.assertReadableKeys(shape, filterFields(filter));
    // Through a relation (`company.name`), the target and its field must be readable too.
    for (const path of filterPaths(filter)) {
      const relation = path.length > 1 ? isRelation(shape, path[0]!) : null;
      const targetObject = relation
        ? this.state.objects.get(relation.relationTargetObjectMetadataId ?? '')
        : undefined;
      if (!targetObject) continue;
      const target = objectShape(this.state, targetObject);
      this.assertOperation(target, 'read');
      this.assertReadableKeys(target, [path[1]!]);
    }
  }

  /** Every written field (join columns and nested relation inputs count as their relation). */
  assertWritable(shape: ObjectShape, inputs: unknown): void {
    const access = this.access(shape);
    if (access.restrictedFields.size === 0) return;
    for (const input of Array.isArray(inputs) ? inputs : [inputs]) {
      if (!input || typeof input !== 'object') continue;
      for (const key of Object.keys(input))
        if (!canUpdateField(access, key))
          throw cannotWriteField(fieldNameOfKey(access, key), shape.object.nameSingular);
    }
  }

  /** REST: a record without its unreadable fields; depth=1 relations follow their target's rules. */
  redact(shape: ObjectShape, record: unknown): unknown {
    if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
    const access = this.access(shape);
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if (!canReadField(access, key)) continue;
      const relation = value && typeof value === 'object' ? isRelation(shape, key) : null;
      const targetObject = relation
        ? this.state.objects.get(relation.relationTargetObjectMetadataId ?? '')
        : undefined;
      if (!targetObject) {
        kept[key] = value;
        continue;
      }
      // A relation into an object the role cannot read is left out like an unreadable field.
      if (!this.permissions.object(targetObject.id).read) continue;
      const target = objectShape(this.state, targetObject);
      kept[key] = Array.isArray(value)
        ? value.map((item) => this.redact(target, item))
        : this.redact(target, value);
    }
    return kept;
  }

  redactAll(shape: ObjectShape, value: unknown): unknown {
    return Array.isArray(value)
      ? value.map((item) => this.redact(shape, item))
      : this.redact(shape, value);
  }
}

const filterPaths = (node: FilterNode): string[][] => {
  if (isLeaf(node)) return [node.path];
  if ('and' in node) return node.and.flatMap(filterPaths);
  if ('or' in node) return node.or.flatMap(filterPaths);
  return filterPaths(node.not);
};

export const filterFields = (node: FilterNode): string[] =>
  filterPaths(node).flatMap((path) => (path.length ? [path[0]!] : []));

/**
 * Guards per role, valid for one data model snapshot and one version of the role tables: a
 * request then costs no query for permissions. Role operations bump the version
 * (`rolePermissionsChanged`); a schema change brings a new snapshot.
 */
interface GuardCache {
  rolesVersion: number;
  snapshot: MetadataState;
  guards: Map<string, RecordGuard | null>;
}
const guardCaches = new WeakMap<WorkspaceRuntime, GuardCache>();
const rolesVersions = new WeakMap<WorkspaceRuntime, number>();

export const rolePermissionsChanged = (runtime: WorkspaceRuntime): void => {
  rolesVersions.set(runtime, (rolesVersions.get(runtime) ?? 0) + 1);
};

/**
 * The guard for a caller, or null when its role restricts nothing (Admin): callers then skip
 * every check, so unrestricted traffic costs no more than before. A caller without a role
 * (a key created before roles were bound) keeps today's full access.
 */
export const recordGuardFor = async (
  runtime: WorkspaceRuntime,
  auth: AuthContext | null,
): Promise<RecordGuard | null> => {
  const roleId = auth?.roleId;
  if (!roleId) return null;
  const state = runtime.metadata.snapshot;
  const rolesVersion = rolesVersions.get(runtime) ?? 0;
  let cache = guardCaches.get(runtime);
  if (!cache || cache.snapshot !== state || cache.rolesVersion !== rolesVersion) {
    cache = { rolesVersion, snapshot: state, guards: new Map() };
    guardCaches.set(runtime, cache);
  }
  if (cache.guards.has(roleId)) return cache.guards.get(roleId)!;
  const grants = await loadRolePermissions(runtime.engine, roleId);
  if (!grants) throw new PermissionDenied();
  const permissions = computeEffectivePermissions(grants, state);
  const guard = permissions.unrestricted ? null : new RecordGuard(permissions, state);
  // Only cache what was read under the version still current (a role change may have raced).
  if ((rolesVersions.get(runtime) ?? 0) === rolesVersion) cache.guards.set(roleId, guard);
  return guard;
};
