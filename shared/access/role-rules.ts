/**
 * Twenty's permission rules as pure functions, shared by the local workspace's enforcement and
 * the app's effective-access view (docs/twenty-permissions.md §1.2–§1.4; Twenty:
 * `compute-object-record-permissions.util.ts`, `implicit-object-permission-rules.constant.ts`,
 * `permission-flag-permission-type-by-permission-flag.constant.ts`).
 */

/** The role-wide switches of a role (§1.1). */
export interface RoleWidePermissions {
  canUpdateAllSettings: boolean;
  canAccessAllTools: boolean;
  canReadAllObjectRecords: boolean;
  canUpdateAllObjectRecords: boolean;
  canSoftDeleteAllObjectRecords: boolean;
  canDestroyAllObjectRecords: boolean;
}

/** A per-object override: `null` (or absent) inherits the role-wide switch. */
export interface ObjectOverride {
  canReadObjectRecords?: boolean | null;
  canUpdateObjectRecords?: boolean | null;
  canSoftDeleteObjectRecords?: boolean | null;
  canDestroyObjectRecords?: boolean | null;
}

export interface RecordAccess {
  read: boolean;
  update: boolean;
  softDelete: boolean;
  destroy: boolean;
}

/** Where an object's access comes from, for explaining it to the admin. */
export type AccessSource =
  'role-wide' | 'override' | 'system-object' | 'settings-rule' | 'tools-rule';

export type PermissionFlagKind = 'settings' | 'tool';

/** The SDK 2.43 `PermissionFlagType` keys with their kind: settings flags are granted by
 * `canUpdateAllSettings`, tool flags by `canAccessAllTools`. */
export const PERMISSION_FLAGS: ReadonlyArray<{ key: string; kind: PermissionFlagKind }> = [
  ...[
    'API_KEYS_AND_WEBHOOKS',
    'WORKSPACE',
    'WORKSPACE_MEMBERS',
    'ROLES',
    'DATA_MODEL',
    'SECURITY',
    'WORKFLOWS',
    'IMPERSONATE',
    'SSO_BYPASS',
    'APPLICATIONS',
    'MARKETPLACE_APPS',
    'LAYOUTS',
    'BILLING',
    'AI_SETTINGS',
  ].map((key) => ({ key, kind: 'settings' as const })),
  ...[
    'AI',
    'VIEWS',
    'UPLOAD_FILE',
    'DOWNLOAD_FILE',
    'SEND_EMAIL_TOOL',
    'CREATE_CALENDAR_EVENT_TOOL',
    'HTTP_REQUEST_TOOL',
    'CODE_INTERPRETER_TOOL',
    'IMPORT_CSV',
    'EXPORT_CSV',
    'CONNECTED_ACCOUNTS',
    'PROFILE_INFORMATION',
  ].map((key) => ({ key, kind: 'tool' as const })),
];

export const PERMISSION_FLAG_KEYS: ReadonlySet<string> = new Set(
  PERMISSION_FLAGS.map((flag) => flag.key),
);

const FLAG_KIND = new Map(PERMISSION_FLAGS.map((flag) => [flag.key, flag.kind]));

/** A flag is granted by its kind's role-wide switch or by being assigned to the role. */
export const isFlagGranted = (
  roleWide: RoleWidePermissions,
  assigned: ReadonlySet<string>,
  flag: string,
): boolean => {
  const kind = FLAG_KIND.get(flag);
  if (kind === 'settings' && roleWide.canUpdateAllSettings) return true;
  if (kind === 'tool' && roleWide.canAccessAllTools) return true;
  return assigned.has(flag);
};

/** Objects whose records follow the WORKFLOWS setting and ignore overrides and field rules. */
export const WORKFLOW_OBJECTS: ReadonlySet<string> = new Set([
  'workflow',
  'workflowRun',
  'workflowVersion',
]);

export const appliesFieldPermissions = (objectNameSingular: string): boolean =>
  !WORKFLOW_OBJECTS.has(objectNameSingular);

/** What a role may do with one object's records, and why. */
export const objectRecordAccess = (
  roleWide: RoleWidePermissions,
  assignedFlags: ReadonlySet<string>,
  override: ObjectOverride | undefined,
  object: { nameSingular: string; isSystem: boolean },
): RecordAccess & { source: AccessSource } => {
  const granted = (flag: string) => isFlagGranted(roleWide, assignedFlags, flag);
  if (WORKFLOW_OBJECTS.has(object.nameSingular)) {
    const all = granted('WORKFLOWS');
    return { read: all, update: all, softDelete: all, destroy: all, source: 'settings-rule' };
  }
  if (object.nameSingular === 'workspaceMember') {
    const write = granted('WORKSPACE_MEMBERS');
    return {
      read: true,
      update: write,
      softDelete: write,
      destroy: write,
      source: 'settings-rule',
    };
  }
  // System objects without an override are fully allowed (systemObjectDefaultRecordPermission).
  const pick = (value: boolean | null | undefined, roleWideValue: boolean) =>
    value ?? (object.isSystem ? true : roleWideValue);
  const access: RecordAccess = {
    read: pick(override?.canReadObjectRecords, roleWide.canReadAllObjectRecords),
    update: pick(override?.canUpdateObjectRecords, roleWide.canUpdateAllObjectRecords),
    softDelete: pick(override?.canSoftDeleteObjectRecords, roleWide.canSoftDeleteAllObjectRecords),
    destroy: pick(override?.canDestroyObjectRecords, roleWide.canDestroyAllObjectRecords),
  };
  if (object.nameSingular === 'agentChatThread' && !granted('AI'))
    return { read: false, update: false, softDelete: false, destroy: false, source: 'tools-rule' };
  const overridden =
    override &&
    [
      override.canReadObjectRecords,
      override.canUpdateObjectRecords,
      override.canSoftDeleteObjectRecords,
      override.canDestroyObjectRecords,
    ].some((value) => value !== null && value !== undefined);
  return {
    ...access,
    source: overridden ? 'override' : object.isSystem ? 'system-object' : 'role-wide',
  };
};
