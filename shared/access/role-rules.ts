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

/** A role's boolean switches, in Twenty's order (role-wide access, then who may hold it). */
export const ROLE_BOOLEANS = [
  'canUpdateAllSettings',
  'canAccessAllTools',
  'canReadAllObjectRecords',
  'canUpdateAllObjectRecords',
  'canSoftDeleteAllObjectRecords',
  'canDestroyAllObjectRecords',
  'canBeAssignedToUsers',
  'canBeAssignedToAgents',
  'canBeAssignedToApiKeys',
] as const;
export type RoleBoolean = (typeof ROLE_BOOLEANS)[number];

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

export interface PermissionFlagDefinition {
  key: string;
  kind: PermissionFlagKind;
  label: string;
  description: string;
  icon: string;
  /** Twenty's `SystemPermissionFlag` id; null where the index held no copy with it (UNSURE). */
  universalIdentifier: string | null;
}

const flag = (
  key: string,
  kind: PermissionFlagKind,
  label: string,
  description: string,
  icon: string,
  universalIdentifier: string | null,
): PermissionFlagDefinition => ({ key, kind, label, description, icon, universalIdentifier });

/**
 * The SDK 2.43 `PermissionFlagType` keys as Twenty defines them
 * (`standard-permission-flag-definitions`, twenty-shared `SystemPermissionFlag`): settings flags
 * are granted by `canUpdateAllSettings`, tool flags by `canAccessAllTools`.
 */
export const PERMISSION_FLAGS: readonly PermissionFlagDefinition[] = [
  flag(
    'API_KEYS_AND_WEBHOOKS',
    'settings',
    'API Keys & Webhooks',
    'Manage API keys and webhooks',
    'IconCode',
    'beb99803-9a0e-588d-9c4b-3dd14d9cdf21',
  ),
  flag(
    'WORKSPACE',
    'settings',
    'Workspace',
    'Set global workspace preferences',
    'IconSettings',
    '86a58859-a539-5fa8-ba18-a6aaddc811b6',
  ),
  flag(
    'WORKSPACE_MEMBERS',
    'settings',
    'Users',
    'Add or remove users',
    'IconUsers',
    'ec342166-2df7-53e7-aa9b-64992d6cb35f',
  ),
  flag(
    'ROLES',
    'settings',
    'Roles',
    'Define user roles and access levels',
    'IconLockOpen',
    '80f1e5ab-484c-5660-a5a1-0ee7413d8190',
  ),
  flag(
    'DATA_MODEL',
    'settings',
    'Data Model',
    'Edit data structure and fields',
    'IconHierarchy',
    'f0c08013-3c9a-5489-bd45-a641fe5f085d',
  ),
  flag(
    'SECURITY',
    'settings',
    'Security',
    'Manage security policies',
    'IconKey',
    '4a8b6016-1d3d-5c94-bbe8-a74c5f32335a',
  ),
  flag(
    'WORKFLOWS',
    'settings',
    'Workflows',
    'Manage workflows',
    'IconSettingsAutomation',
    '6189e7bd-4051-5752-b6b1-5f31358fbaf1',
  ),
  flag(
    'IMPERSONATE',
    'settings',
    'Impersonate',
    'Impersonate workspace users',
    'IconSpy',
    'dd2274d1-bbd5-551d-bcf2-3147539cef11',
  ),
  flag(
    'SSO_BYPASS',
    'settings',
    'SSO Bypass',
    'Enable bypass options',
    'IconShield',
    '2e9cfdc0-4669-58ab-b241-b6c3c14d96df',
  ),
  flag(
    'APPLICATIONS',
    'settings',
    'Applications',
    'Install and manage applications',
    'IconApps',
    '9faa55f7-2606-566b-9e1d-aefbedbd0136',
  ),
  flag(
    'MARKETPLACE_APPS',
    'settings',
    'Marketplace Apps',
    'Browse and install marketplace apps',
    'IconShoppingBag',
    '3a37e2f5-d3e4-56d6-b541-adf0237468ff',
  ),
  flag(
    'LAYOUTS',
    'settings',
    'Layouts',
    'Customize page layouts and UI structure',
    'IconLayoutSidebarRightCollapse',
    '458d1ee5-ba12-5f4e-9d17-6f8c11fcd7fd',
  ),
  flag(
    'BILLING',
    'settings',
    'Billing',
    'Manage billing and subscriptions',
    'IconCreditCard',
    '24b66701-ed97-51e4-aa63-794e1b31414c',
  ),
  flag(
    'AI_SETTINGS',
    'settings',
    'AI',
    'Create and configure AI agents',
    'IconSparkles',
    'e8cc4a30-c120-5925-8f5d-73d6a2247fee',
  ),
  flag(
    'AI',
    'tool',
    'Ask AI',
    'Chat with AI agents and use AI features',
    'IconSparkles',
    '1c7f09a7-367d-568b-a0e8-c274eccd6ee3',
  ),
  flag(
    'VIEWS',
    'tool',
    'Manage Views',
    'Create, edit, and delete workspace views',
    'IconTable',
    'c68354c4-535d-53a9-848a-e3a6774b5fb8',
  ),
  flag(
    'UPLOAD_FILE',
    'tool',
    'Upload Files',
    'Allow uploading files and attachments',
    'IconFileUpload',
    'dc6931a9-44bd-5164-a983-3db5db837f54',
  ),
  flag(
    'DOWNLOAD_FILE',
    'tool',
    'Download Files',
    'Allow downloading files and attachments',
    'IconDownload',
    '6edf252f-228e-5e2f-9706-7bab7a796fd3',
  ),
  flag(
    'SEND_EMAIL_TOOL',
    'tool',
    'Send Email',
    'Send emails via connected accounts',
    'IconMail',
    '19f382a8-689d-5792-a18c-737f0ce9025f',
  ),
  flag(
    'CREATE_CALENDAR_EVENT_TOOL',
    'tool',
    'Create Calendar Event',
    'Create calendar events via connected accounts',
    'IconCalendarEvent',
    null,
  ),
  flag(
    'HTTP_REQUEST_TOOL',
    'tool',
    'HTTP Request',
    'Make HTTP requests to external APIs',
    'IconApi',
    '1bf49cf1-bb8f-5eb9-809a-5f34ea79fc6a',
  ),
  flag(
    'CODE_INTERPRETER_TOOL',
    'tool',
    'Code Interpreter',
    'Run code to analyze files and data',
    'IconCode',
    '11f31c3a-7042-54b7-a2dd-ae31dd9e9fa2',
  ),
  flag(
    'IMPORT_CSV',
    'tool',
    'Import CSV',
    'Allow importing data from CSV files',
    'IconFileImport',
    'c4912536-a4db-5af9-85ac-be2919c24c5e',
  ),
  flag(
    'EXPORT_CSV',
    'tool',
    'Export CSV',
    'Allow exporting data to CSV files',
    'IconFileExport',
    '88efced9-ca6d-5316-a695-f1b9158e7370',
  ),
  flag(
    'CONNECTED_ACCOUNTS',
    'tool',
    'Sync Account',
    'Sync email and calendar accounts',
    'IconAt',
    'e5f63b2d-5369-5df6-8f32-a8bd9e79e653',
  ),
  flag(
    'PROFILE_INFORMATION',
    'tool',
    'Edit Profile',
    'Edit own profile information',
    'IconUser',
    '7c13f23f-78d8-5e7d-8963-a7c8772fb4e8',
  ),
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
