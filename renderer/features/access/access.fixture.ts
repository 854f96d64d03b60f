import type { AccessObject, Role } from '../../../shared/contract';

/** Roles and objects shaped like a fresh Twenty workspace, for the access UI's unit tests. */
export const role = (patch: Partial<Role> = {}): Role => ({
  id: 'member',
  label: 'Member',
  description: null,
  icon: null,
  canUpdateAllSettings: false,
  canAccessAllTools: true,
  canReadAllObjectRecords: true,
  canUpdateAllObjectRecords: true,
  canSoftDeleteAllObjectRecords: true,
  canDestroyAllObjectRecords: true,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: false,
  permissionFlags: [],
  objectPermissions: {},
  fieldPermissions: {},
  isEditable: true,
  isDefault: true,
  memberCount: 1,
  apiKeyIds: [],
  ...patch,
});

export const object = (patch: Partial<AccessObject> = {}): AccessObject => ({
  id: 'company-id',
  nameSingular: 'company',
  labelSingular: 'Company',
  labelPlural: 'Companies',
  isSystem: false,
  isCustom: false,
  fields: [],
  ...patch,
});
