import { createHash } from 'node:crypto';
import { PERMISSION_FLAGS } from '../../../../shared/access/role-rules';
import { quoteIdentifier, type SqlExecutor } from '../storage/sql-engine';
import { tableNameOf } from '../metadata/metadata-types';
import type { RequestContext } from '../workspace-runtime';
import { permissionDenied } from './role-errors';
import {
  createRole,
  deleteRole,
  updateRole,
  upsertFieldPermissions,
  upsertObjectPermissions,
  upsertPermissionFlags,
  type CreateRoleInput,
  type FieldPermissionInput,
  type ObjectPermissionInput,
  type UpdateRolePayload,
} from './role-operations';
import { loadRolePermissions } from './role-permissions';
import { rolePermissionsChanged } from '../permissions/record-guard';
import {
  apiKeysOfRole,
  fieldPermissionRows,
  listRoles,
  objectPermissionRows,
  permissionFlagRows,
  type ObjectPermissionRow,
  type RoleRow,
} from './role-store';

/**
 * `/metadata` root fields of Twenty's role resolver (docs/twenty-permissions.md §2). Every field
 * sits behind `SettingsPermissionGuard(ROLES)`: the caller's role needs `canUpdateAllSettings` or
 * the `ROLES` flag.
 */
type Args = Record<string, unknown>;
type Resolver = (args: Args, context: RequestContext) => unknown;

const requireRolesPermission = async (context: RequestContext): Promise<void> => {
  const { roleId } = context.auth;
  const role = roleId ? await loadRolePermissions(context.runtime.engine, roleId) : null;
  if (!role || !(role.roleWide.canUpdateAllSettings || role.permissionFlags.has('ROLES'))) {
    throw permissionDenied();
  }
};

/** The role's field restrictions per object, as Twenty's `ObjectPermission.restrictedFields`. */
const restrictedFieldsOf = async (db: SqlExecutor, roleId: string) => {
  const byObject = new Map<
    string,
    Record<string, { canRead: boolean | null; canUpdate: boolean | null }>
  >();
  for (const row of await fieldPermissionRows(db, roleId)) {
    const fields = byObject.get(row.objectMetadataId) ?? {};
    fields[row.fieldMetadataId] = {
      canRead: row.canReadFieldValue,
      canUpdate: row.canUpdateFieldValue,
    };
    byObject.set(row.objectMetadataId, fields);
  }
  return byObject;
};

const objectPermissionDtos = async (
  db: SqlExecutor,
  roleId: string,
  rows: ObjectPermissionRow[],
) => {
  const restricted = await restrictedFieldsOf(db, roleId);
  return rows.map((row) => ({
    ...row,
    restrictedFields: restricted.get(row.objectMetadataId) ?? {},
    rowLevelPermissionPredicates: [],
    rowLevelPermissionPredicateGroups: [],
  }));
};

/**
 * Workspace members holding the role. Locally every signed-in user runs with Admin
 * (auth/api-key-tokens.ts), so Admin holds the workspace's members and no other role holds any.
 */
const workspaceMembersOf = async (context: RequestContext, role: RoleRow) => {
  if (role.label !== 'Admin' || role.isEditable) return [];
  const state = context.runtime.metadata.snapshot;
  const object = [...state.objects.values()].find((row) => row.nameSingular === 'workspaceMember');
  if (!object) return [];
  const table = `${quoteIdentifier(state.workspace.dataSchema)}.${quoteIdentifier(tableNameOf(object))}`;
  const { rows } = await context.runtime.engine.query<Record<string, unknown>>(
    `SELECT * FROM ${table} WHERE "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: { firstName: row.nameFirstName ?? '', lastName: row.nameLastName ?? '' },
    userEmail: row.userEmail ?? '',
    colorScheme: row.colorScheme ?? 'System',
    uiScale: row.uiScale ?? '100',
    openRecordIn: row.openRecordIn === 'RECORD_PAGE' ? 'RECORD_PAGE' : 'SIDE_PANEL',
    avatarUrl: row.avatarUrl ?? null,
    locale: row.locale ?? null,
    timeZone: row.timeZone ?? null,
    userWorkspaceId: null,
    roles: [],
  }));
};

/** A `Role` whose child lists resolve on demand. Also used for `ApiKey.role`. */
export const roleDto = (context: RequestContext, role: RoleRow) => {
  const db = context.runtime.engine;
  return {
    ...role,
    workspaceMembers: () => workspaceMembersOf(context, role),
    agents: [],
    apiKeys: () => apiKeysOfRole(db, role.id, false),
    permissionFlags: () => permissionFlagRows(db, role.id),
    objectPermissions: async () =>
      objectPermissionDtos(db, role.id, await objectPermissionRows(db, role.id)),
    fieldPermissions: () => fieldPermissionRows(db, role.id),
    rowLevelPermissionPredicates: [],
    rowLevelPermissionPredicateGroups: [],
  };
};

const guarded =
  (resolver: Resolver): Resolver =>
  async (args, context) => {
    await requireRolesPermission(context);
    return resolver(args, context);
  };

/** A role write: enforcement's cached permissions are dropped once it ends (done or refused). */
const changing =
  (resolver: Resolver): Resolver =>
  async (args, context) => {
    try {
      return await resolver(args, context);
    } finally {
      rolePermissionsChanged(context.runtime);
    }
  };

const snapshot = (context: RequestContext) => context.runtime.metadata.snapshot;

/**
 * Twenty's standard permission flags as metadata entities (`getPermissionFlags`, behind ROLES in
 * the newest resolver). The id is the flag's universal identifier; one flag has none in the copies
 * read (docs/twenty-fidelity.md), so it gets a stable one derived from its key.
 */
const permissionFlagDtos = (context: RequestContext) => {
  const { workspace } = context.runtime.metadata.snapshot;
  return PERMISSION_FLAGS.map((flag) => {
    const id = flag.universalIdentifier ?? derivedUuid(`permission-flag:${flag.key}`);
    return {
      id,
      universalIdentifier: id,
      key: flag.key,
      label: flag.label,
      description: flag.description,
      icon: flag.icon,
      permissionType: flag.kind,
      applicationId: workspace.standardApplicationId,
      createdAt: workspace.createdAt,
      updatedAt: workspace.createdAt,
    };
  });
};

const derivedUuid = (name: string): string => {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
};

export const roleResolvers: Record<string, Resolver> = {
  getPermissionFlags: guarded(async (_args, context) => permissionFlagDtos(context)),
  getRoles: guarded(async (_args, context) =>
    (await listRoles(context.runtime.engine)).map((role) => roleDto(context, role)),
  ),
  getApiKeyRoles: guarded(async (_args, context) =>
    (await listRoles(context.runtime.engine))
      .filter((role) => role.canBeAssignedToApiKeys)
      .map((role) => roleDto(context, role)),
  ),
  createOneRole: changing(
    guarded(async (args, context) =>
      roleDto(
        context,
        await createRole(context.runtime.engine, args.createRoleInput as CreateRoleInput),
      ),
    ),
  ),
  updateOneRole: changing(
    guarded(async (args, context) => {
      const { id, update } = args.updateRoleInput as { id: string; update: UpdateRolePayload };
      return roleDto(context, await updateRole(context.runtime.engine, id, update));
    }),
  ),
  deleteOneRole: changing(
    guarded((args, context) => deleteRole(context.runtime.engine, String(args.roleId))),
  ),
  upsertObjectPermissions: changing(
    guarded(async (args, context) => {
      const input = args.upsertObjectPermissionsInput as {
        roleId: string;
        objectPermissions: ObjectPermissionInput[];
      };
      const db = context.runtime.engine;
      const rows = await upsertObjectPermissions(
        db,
        snapshot(context),
        input.roleId,
        input.objectPermissions,
      );
      return objectPermissionDtos(db, input.roleId, rows);
    }),
  ),
  upsertFieldPermissions: changing(
    guarded((args, context) => {
      const input = args.upsertFieldPermissionsInput as {
        roleId: string;
        fieldPermissions: FieldPermissionInput[];
      };
      return upsertFieldPermissions(
        context.runtime.engine,
        snapshot(context),
        input.roleId,
        input.fieldPermissions,
      );
    }),
  ),
  upsertPermissionFlags: changing(
    guarded((args, context) => {
      const input = args.upsertPermissionFlagsInput as {
        roleId: string;
        permissionFlagKeys: string[];
      };
      return upsertPermissionFlags(context.runtime.engine, input.roleId, input.permissionFlagKeys);
    }),
  ),
};
