import type {
  FieldRestrictionKind,
  ObjectOverrideValue,
  Role,
} from '../../../shared/contract/access';
import { ROLE_BOOLEANS } from '../../../shared/access/role-rules';
import type { TwentyClient } from '../twenty-client';

/**
 * Roles as Twenty's metadata API returns them (`getRoles`, SDK 2.43 `Role`), in the contract's
 * shape: overrides keyed by object, restrictions keyed by field, holders counted.
 */
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

/**
 * What the server's role API looks like: recent servers match the SDK; mid-2025 ones have no tool,
 * assignability or field permissions and call flags `settingPermissions`
 * (`upsertSettingPermissions(upsertSettingPermissionsInput: { roleId, settingPermissionKeys })`).
 * Read by introspection so both are spoken.
 */
export interface RoleApiShape {
  roleFields: ReadonlySet<string>;
  createFields: ReadonlySet<string>;
  updateFields: ReadonlySet<string>;
  /** Mutation → its arguments with their GraphQL types, and whether it returns an object. */
  mutations: ReadonlyMap<string, { args: Map<string, string>; returnsObject: boolean }>;
}

interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const SHAPE = `query AtelierRoleApiShape {
  __schema { mutationType { fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } } }
  role: __type(name: "Role") { fields { name } }
  createRoleInput: __type(name: "CreateRoleInput") { inputFields { name } }
  updateRolePayload: __type(name: "UpdateRolePayload") { inputFields { name } }
}`;

const typeText = (type: IntrospectedType): string =>
  type.kind === 'NON_NULL'
    ? `${typeText(type.ofType!)}!`
    : type.kind === 'LIST'
      ? `[${typeText(type.ofType!)}]`
      : type.name!;

const namedKind = (type: IntrospectedType): string =>
  type.ofType ? namedKind(type.ofType) : type.kind;

export const readRoleApiShape = async (client: TwentyClient): Promise<RoleApiShape> => {
  const data = await client.metadataGraphql<{
    __schema: {
      mutationType: {
        fields: Array<{
          name: string;
          type: IntrospectedType;
          args: Array<{ name: string; type: IntrospectedType }>;
        }>;
      } | null;
    };
    role: { fields: Array<{ name: string }> } | null;
    createRoleInput: { inputFields: Array<{ name: string }> } | null;
    updateRolePayload: { inputFields: Array<{ name: string }> } | null;
  }>({ query: SHAPE });
  const names = (list: Array<{ name: string }> | undefined) =>
    new Set((list ?? []).map((entry) => entry.name));
  return {
    roleFields: names(data.role?.fields),
    createFields: names(data.createRoleInput?.inputFields),
    updateFields: names(data.updateRolePayload?.inputFields),
    mutations: new Map(
      (data.__schema.mutationType?.fields ?? []).map((field) => [
        field.name,
        {
          args: new Map(field.args.map((arg) => [arg.name, typeText(arg.type)])),
          returnsObject: namedKind(field.type) === 'OBJECT',
        },
      ]),
    ),
  };
};

const ROLE_SCALARS = ['id', 'label', 'description', 'icon', 'isEditable', ...ROLE_BOOLEANS];
const ROLE_LISTS: Record<string, string> = {
  permissionFlags: 'permissionFlags { flag }',
  settingPermissions: 'settingPermissions { setting }',
  objectPermissions:
    'objectPermissions { objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords }',
  fieldPermissions:
    'fieldPermissions { objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue }',
  workspaceMembers: 'workspaceMembers { id }',
  apiKeys: 'apiKeys { id revokedAt }',
};

/** What a server without a switch behaved like: before tools and assignability existed. */
const ABSENT_SWITCHES: Partial<Record<keyof TwentyRole, boolean>> = {
  canAccessAllTools: true,
  canBeAssignedToUsers: true,
  canBeAssignedToAgents: false,
  canBeAssignedToApiKeys: true,
};

export const readRoles = async (client: TwentyClient, shape?: RoleApiShape): Promise<Role[]> => {
  // Without a shape: the SDK 2.43 role (flags as `permissionFlags`).
  const has = (field: string) =>
    shape ? shape.roleFields.has(field) : field !== 'settingPermissions';
  const query = `query AtelierRoles { getRoles { ${[
    ...ROLE_SCALARS.filter(has),
    ...Object.entries(ROLE_LISTS)
      .filter(([field]) => has(field))
      .map(([, selection]) => selection),
  ].join(' ')} } }`;
  const { getRoles } = await client.metadataGraphql<{
    getRoles: Array<TwentyRole & { settingPermissions?: Array<{ setting: string }> | null }>;
  }>({ query });
  // Older servers have no `defaultRole` on the workspace: then no role is marked default.
  const defaultRoleId = await client
    .metadataGraphql<{ currentWorkspace: { defaultRole: { id: string } | null } }>({
      query: DEFAULT_ROLE,
    })
    .then(
      (data) => data.currentWorkspace.defaultRole?.id ?? null,
      () => null,
    );
  return getRoles.map((role) =>
    toRole(
      {
        ...ABSENT_SWITCHES,
        ...role,
        permissionFlags:
          role.permissionFlags ??
          (role.settingPermissions ?? []).map((row) => ({ flag: row.setting })),
      } as TwentyRole,
      defaultRoleId,
    ),
  );
};

/** The server's name for an operation of the plan (flags were "setting permissions" before). */
const serverOperation = (shape: RoleApiShape, operation: string): string | null => {
  if (shape.mutations.has(operation)) return operation;
  if (operation === 'upsertPermissionFlags' && shape.mutations.has('upsertSettingPermissions'))
    return 'upsertSettingPermissions';
  return null;
};

/** Plan steps this server cannot run, as problems for the review. */
export const unsupportedOperations = (shape: RoleApiShape, operations: readonly string[]) =>
  [...new Set(operations)]
    .filter((operation) => !serverOperation(shape, operation))
    .map((operation) =>
      operation === 'upsertFieldPermissions'
        ? 'This Twenty version has no field permissions (upsertFieldPermissions): upgrade it to restrict fields'
        : `This Twenty version has no ${operation}`,
    );

/** Role settings this server does not know: left out of create and update. */
export const unknownSettings = (shape: RoleApiShape, keys: readonly string[]) =>
  keys.filter((key) => !shape.createFields.has(key) && !shape.updateFields.has(key));

const selection = (name: string, returnsObject: boolean) =>
  !returnsObject ? '' : name === 'createOneRole' ? ' { id }' : ' { __typename }';

/**
 * One plan step as this server takes it: the document built from the mutation's own argument
 * types, variables adapted to its shape. Null when nothing is left to send (an update of
 * settings the server does not have).
 */
export const stepRequest = (
  shape: RoleApiShape,
  operation: string,
  variables: Record<string, unknown>,
): { query: string; variables: Record<string, unknown> } | null => {
  const name = serverOperation(shape, operation);
  const mutation = name ? shape.mutations.get(name) : undefined;
  if (!name || !mutation) throw new Error(`This Twenty version has no ${operation}`);
  let sent = variables;
  if (operation === 'createOneRole') {
    const input = variables.createRoleInput as Record<string, unknown>;
    sent = {
      createRoleInput: Object.fromEntries(
        Object.entries(input).filter(([key]) => shape.createFields.has(key)),
      ),
    };
  } else if (operation === 'updateOneRole') {
    const input = variables.updateRoleInput as { id: string; update: Record<string, unknown> };
    const update = Object.fromEntries(
      Object.entries(input.update).filter(([key]) => shape.updateFields.has(key)),
    );
    if (Object.keys(update).length === 0) return null;
    sent = { updateRoleInput: { id: input.id, update } };
  } else if (name === 'upsertSettingPermissions') {
    const input = variables.upsertPermissionFlagsInput as {
      roleId: string;
      permissionFlagKeys: string[];
    };
    sent = {
      upsertSettingPermissionsInput: {
        roleId: input.roleId,
        settingPermissionKeys: input.permissionFlagKeys,
      },
    };
  }
  const args = Object.keys(sent).filter((arg) => mutation.args.has(arg));
  const declared = args.map((arg) => `$${arg}: ${mutation.args.get(arg)}`).join(', ');
  const passed = args.map((arg) => `${arg}: $${arg}`).join(', ');
  return {
    query: `mutation Atelier_${name}(${declared}) { ${name}(${passed})${selection(name, mutation.returnsObject)} }`,
    variables: Object.fromEntries(args.map((arg) => [arg, sent[arg]])),
  };
};
