import type {
  FieldRestrictionKind,
  ObjectOverrideValue,
  Role,
} from '../../../shared/contract/access';
import type { TwentyClient } from '../twenty-client';

/**
 * Roles as Twenty's metadata API returns them (`getRoles`, SDK 2.43 `Role`), in the contract's
 * shape: overrides keyed by object, restrictions keyed by field, holders counted.
 */
const ROLES = `query AtelierRoles {
  getRoles {
    id label description icon isEditable
    canUpdateAllSettings canAccessAllTools
    canReadAllObjectRecords canUpdateAllObjectRecords canSoftDeleteAllObjectRecords canDestroyAllObjectRecords
    canBeAssignedToUsers canBeAssignedToAgents canBeAssignedToApiKeys
    permissionFlags { flag }
    objectPermissions { objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords }
    fieldPermissions { objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue }
    workspaceMembers { id }
    apiKeys { id revokedAt }
  }
}`;
const DEFAULT_ROLE = `query AtelierDefaultRole { currentWorkspace { defaultRole { id } } }`;

interface TwentyRole {
  id: string;
  label: string;
  description: string | null;
  icon: string | null;
  isEditable: boolean;
  canUpdateAllSettings: boolean;
  canAccessAllTools: boolean;
  canReadAllObjectRecords: boolean;
  canUpdateAllObjectRecords: boolean;
  canSoftDeleteAllObjectRecords: boolean;
  canDestroyAllObjectRecords: boolean;
  canBeAssignedToUsers: boolean;
  canBeAssignedToAgents: boolean;
  canBeAssignedToApiKeys: boolean;
  permissionFlags: Array<{ flag: string }> | null;
  objectPermissions: Array<ObjectOverrideValue & { objectMetadataId: string }> | null;
  fieldPermissions: Array<{
    objectMetadataId: string;
    fieldMetadataId: string;
    canReadFieldValue: boolean | null;
    canUpdateFieldValue: boolean | null;
  }> | null;
  workspaceMembers: Array<{ id: string }> | null;
  apiKeys: Array<{ id: string; revokedAt: string | null }> | null;
}

const restrictionOf = (row: {
  canReadFieldValue: boolean | null;
  canUpdateFieldValue: boolean | null;
}): FieldRestrictionKind | null =>
  row.canReadFieldValue === false
    ? 'hidden'
    : row.canUpdateFieldValue === false
      ? 'read-only'
      : null;

export const toRole = (role: TwentyRole, defaultRoleId: string | null): Role => ({
  id: role.id,
  label: role.label,
  description: role.description ?? null,
  icon: role.icon ?? null,
  isEditable: role.isEditable,
  isDefault: role.id === defaultRoleId,
  canUpdateAllSettings: role.canUpdateAllSettings,
  canAccessAllTools: role.canAccessAllTools,
  canReadAllObjectRecords: role.canReadAllObjectRecords,
  canUpdateAllObjectRecords: role.canUpdateAllObjectRecords,
  canSoftDeleteAllObjectRecords: role.canSoftDeleteAllObjectRecords,
  canDestroyAllObjectRecords: role.canDestroyAllObjectRecords,
  canBeAssignedToUsers: role.canBeAssignedToUsers,
  canBeAssignedToAgents: role.canBeAssignedToAgents,
  canBeAssignedToApiKeys: role.canBeAssignedToApiKeys,
  permissionFlags: (role.permissionFlags ?? []).map((row) => row.flag).sort(),
  objectPermissions: Object.fromEntries(
    (role.objectPermissions ?? []).map(({ objectMetadataId, ...row }) => [
      objectMetadataId,
      {
        canReadObjectRecords: row.canReadObjectRecords ?? null,
        canUpdateObjectRecords: row.canUpdateObjectRecords ?? null,
        canSoftDeleteObjectRecords: row.canSoftDeleteObjectRecords ?? null,
        canDestroyObjectRecords: row.canDestroyObjectRecords ?? null,
      },
    ]),
  ),
  fieldPermissions: Object.fromEntries(
    (role.fieldPermissions ?? []).flatMap((row) => {
      const restriction = restrictionOf(row);
      return restriction
        ? [[row.fieldMetadataId, { objectMetadataId: row.objectMetadataId, restriction }]]
        : [];
    }),
  ),
  memberCount: (role.workspaceMembers ?? []).length,
  apiKeyIds: (role.apiKeys ?? []).filter((key) => !key.revokedAt).map((key) => key.id),
});

export const readRoles = async (client: TwentyClient): Promise<Role[]> => {
  const { getRoles } = await client.metadataGraphql<{ getRoles: TwentyRole[] }>({ query: ROLES });
  // Older servers have no `defaultRole` on the workspace: then no role is marked default.
  const defaultRoleId = await client
    .metadataGraphql<{ currentWorkspace: { defaultRole: { id: string } | null } }>({
      query: DEFAULT_ROLE,
    })
    .then(
      (data) => data.currentWorkspace.defaultRole?.id ?? null,
      () => null,
    );
  return getRoles.map((role) => toRole(role, defaultRoleId));
};

/** The operation documents the plan's steps run (variables from `planAccessChanges`). */
export const ROLE_OPERATIONS: Record<string, string> = {
  createOneRole: `mutation AtelierCreateRole($createRoleInput: CreateRoleInput!) { createOneRole(createRoleInput: $createRoleInput) { id } }`,
  updateOneRole: `mutation AtelierUpdateRole($updateRoleInput: UpdateRoleInput!) { updateOneRole(updateRoleInput: $updateRoleInput) { id } }`,
  upsertObjectPermissions: `mutation AtelierObjectPermissions($upsertObjectPermissionsInput: UpsertObjectPermissionsInput!) { upsertObjectPermissions(upsertObjectPermissionsInput: $upsertObjectPermissionsInput) { objectMetadataId } }`,
  upsertFieldPermissions: `mutation AtelierFieldPermissions($upsertFieldPermissionsInput: UpsertFieldPermissionsInput!) { upsertFieldPermissions(upsertFieldPermissionsInput: $upsertFieldPermissionsInput) { id } }`,
  upsertPermissionFlags: `mutation AtelierPermissionFlags($upsertPermissionFlagsInput: UpsertPermissionFlagsInput!) { upsertPermissionFlags(upsertPermissionFlagsInput: $upsertPermissionFlagsInput) { id } }`,
  deleteOneRole: `mutation AtelierDeleteRole($roleId: UUID!) { deleteOneRole(roleId: $roleId) }`,
};
