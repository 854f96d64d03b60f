import { buildSchema, graphql, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planAccessChanges, roleToDraft } from '../../../shared/access/plan-access-changes';
import type { GraphqlRequest, TwentyClient } from '../twenty-client';
import { mapGraphqlErrors } from '../twenty-client/error-mapping';
import {
  readRoleApiShape,
  readRoles,
  stepRequest,
  unknownSettings,
  unsupportedOperations,
} from './twenty-roles';

/**
 * The mid-2025 role API (metadata-modules `role.dto.ts` with `settingPermissions`,
 * `upsert-setting-permission-input.ts`): no tools switch, no assignability, no field permissions,
 * flags called setting permissions, ids as String. Run in memory by graphql-js; the access
 * service must read and write it. (The recent shape runs over HTTP in access-service.int.test.ts.)
 */
const MID_2025 = buildSchema(`
  type SettingPermission { id: String! setting: String! roleId: String! }
  type ObjectPermission {
    objectMetadataId: String! canReadObjectRecords: Boolean canUpdateObjectRecords: Boolean
    canSoftDeleteObjectRecords: Boolean canDestroyObjectRecords: Boolean
  }
  type WorkspaceMember { id: String! }
  type Role {
    id: String! label: String! description: String icon: String isEditable: Boolean!
    workspaceMembers: [WorkspaceMember!]
    canUpdateAllSettings: Boolean! canReadAllObjectRecords: Boolean! canUpdateAllObjectRecords: Boolean!
    canSoftDeleteAllObjectRecords: Boolean! canDestroyAllObjectRecords: Boolean!
    settingPermissions: [SettingPermission!] objectPermissions: [ObjectPermission!]
  }
  input CreateRoleInput {
    id: String label: String! description: String icon: String canUpdateAllSettings: Boolean
    canReadAllObjectRecords: Boolean canUpdateAllObjectRecords: Boolean
    canSoftDeleteAllObjectRecords: Boolean canDestroyAllObjectRecords: Boolean
  }
  input UpdateRolePayload {
    label: String description: String icon: String canUpdateAllSettings: Boolean
    canReadAllObjectRecords: Boolean canUpdateAllObjectRecords: Boolean
    canSoftDeleteAllObjectRecords: Boolean canDestroyAllObjectRecords: Boolean
  }
  input UpdateRoleInput { update: UpdateRolePayload! id: String! }
  enum PermissionFlagType { API_KEYS_AND_WEBHOOKS WORKSPACE WORKSPACE_MEMBERS ROLES DATA_MODEL SECURITY WORKFLOWS }
  input UpsertSettingPermissionsInput { roleId: String! settingPermissionKeys: [PermissionFlagType!]! }
  input ObjectPermissionInput {
    objectMetadataId: String! canReadObjectRecords: Boolean canUpdateObjectRecords: Boolean
    canSoftDeleteObjectRecords: Boolean canDestroyObjectRecords: Boolean
  }
  input UpsertObjectPermissionsInput { roleId: String! objectPermissions: [ObjectPermissionInput!]! }
  type Query { getRoles: [Role!]! }
  type Mutation {
    createOneRole(createRoleInput: CreateRoleInput!): Role!
    updateOneRole(updateRoleInput: UpdateRoleInput!): Role!
    deleteOneRole(roleId: String!): String!
    upsertObjectPermissions(upsertObjectPermissionsInput: UpsertObjectPermissionsInput!): [ObjectPermission!]!
    upsertSettingPermissions(upsertSettingPermissionsInput: UpsertSettingPermissionsInput!): [SettingPermission!]!
  }
`);

type RoleRow = Record<string, unknown> & { id: string; settingPermissions: unknown[] };

const mid2025Server = () => {
  const roles = new Map<string, RoleRow>([
    [
      'r-admin',
      {
        id: 'r-admin',
        label: 'Admin',
        description: null,
        icon: 'IconUserCog',
        isEditable: false,
        workspaceMembers: [{ id: 'm1' }],
        canUpdateAllSettings: true,
        canReadAllObjectRecords: true,
        canUpdateAllObjectRecords: true,
        canSoftDeleteAllObjectRecords: true,
        canDestroyAllObjectRecords: true,
        settingPermissions: [],
        objectPermissions: [],
      },
    ],
  ]);
  const calls: Array<{ name: string; input: unknown }> = [];
  const rootValue = {
    getRoles: () => [...roles.values()],
    createOneRole: ({ createRoleInput }: { createRoleInput: Record<string, unknown> }) => {
      calls.push({ name: 'createOneRole', input: createRoleInput });
      const row = {
        isEditable: true,
        canUpdateAllSettings: false,
        canReadAllObjectRecords: true,
        canUpdateAllObjectRecords: true,
        canSoftDeleteAllObjectRecords: true,
        canDestroyAllObjectRecords: true,
        workspaceMembers: [],
        objectPermissions: [],
        ...createRoleInput,
        id: 'r-new',
        settingPermissions: [],
      } as RoleRow;
      roles.set(row.id, row);
      return row;
    },
    upsertSettingPermissions: ({
      upsertSettingPermissionsInput: input,
    }: {
      upsertSettingPermissionsInput: { roleId: string; settingPermissionKeys: string[] };
    }) => {
      calls.push({ name: 'upsertSettingPermissions', input });
      const rows = input.settingPermissionKeys.map((setting) => ({
        id: `${input.roleId}:${setting}`,
        setting,
        roleId: input.roleId,
      }));
      roles.get(input.roleId)!.settingPermissions = rows;
      return rows;
    },
  };
  const client = {
    async metadataGraphql<T>(request: GraphqlRequest): Promise<T> {
      const result = await graphql({
        schema: MID_2025,
        source: request.query,
        rootValue,
        variableValues: request.variables,
      });
      if (result.errors?.length)
        throw mapGraphqlErrors(result.errors as GraphQLError[] as never, {
          method: 'POST',
          path: '/metadata',
          endpoint: 'metadata',
        });
      return result.data as T;
    },
  } as unknown as TwentyClient;
  return { client, calls };
};

describe('role API shapes', () => {
  it('reads a mid-2025 server: flags from settingPermissions, absent switches as they behaved', async () => {
    const { client } = mid2025Server();
    const shape = await readRoleApiShape(client);
    expect(shape.roleFields.has('settingPermissions')).toBe(true);
    expect(shape.roleFields.has('canAccessAllTools')).toBe(false);
    const [admin] = await readRoles(client, shape);
    expect(admin).toMatchObject({
      id: 'r-admin',
      label: 'Admin',
      isEditable: false,
      canAccessAllTools: true,
      canBeAssignedToApiKeys: true,
      canBeAssignedToAgents: false,
      permissionFlags: [],
      fieldPermissions: {},
      memberCount: 1,
      apiKeyIds: [],
    });
  });

  it('writes a plan in its own terms, and says what it cannot take', async () => {
    const { client, calls } = mid2025Server();
    const shape = await readRoleApiShape(client);
    const live = await readRoles(client, shape);
    const draft = {
      ...roleToDraft(live[0]!),
      id: 'new:1',
      label: 'Reporting',
      canUpdateAllSettings: false,
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      canBeAssignedToApiKeys: true,
      permissionFlags: ['DATA_MODEL'],
      fieldPermissions: { f1: { objectMetadataId: 'o1', restriction: 'hidden' as const } },
    };
    const objects = [
      {
        id: 'o1',
        nameSingular: 'person',
        labelSingular: 'Person',
        labelPlural: 'People',
        isSystem: false,
        isCustom: false,
        fields: [{ id: 'f1', name: 'jobTitle', label: 'Job Title', type: 'TEXT', isSystem: false }],
      },
    ];
    const plan = planAccessChanges({ live, objects, drafts: [draft], deletedRoleIds: [] });
    expect(
      unsupportedOperations(
        shape,
        plan.steps.map((step) => step.operation),
      ),
    ).toEqual([
      'This Twenty version has no field permissions (upsertFieldPermissions): upgrade it to restrict fields',
    ]);
    expect(unknownSettings(shape, ['canBeAssignedToApiKeys', 'description'])).toEqual([
      'canBeAssignedToApiKeys',
    ]);

    // The role is created without the switches the server does not know …
    const create = plan.steps.find((step) => step.operation === 'createOneRole')!;
    const created = await client.metadataGraphql<{ createOneRole: { id: string } }>(
      stepRequest(shape, create.operation, create.variables)!,
    );
    expect(created.createOneRole.id).toBe('r-new');
    expect(calls[0]!.input).not.toHaveProperty('canBeAssignedToApiKeys');
    expect(calls[0]!.input).toMatchObject({ label: 'Reporting', canUpdateAllObjectRecords: false });
    // … and its flags go through upsertSettingPermissions.
    const flags = plan.steps.find((step) => step.operation === 'upsertPermissionFlags')!;
    const request = stepRequest(shape, flags.operation, {
      upsertPermissionFlagsInput: { roleId: 'r-new', permissionFlagKeys: ['DATA_MODEL'] },
    })!;
    await client.metadataGraphql(request);
    expect(calls[1]).toEqual({
      name: 'upsertSettingPermissions',
      input: { roleId: 'r-new', settingPermissionKeys: ['DATA_MODEL'] },
    });
    const reread = await readRoles(client, shape);
    expect(reread.find((role) => role.id === 'r-new')?.permissionFlags).toEqual(['DATA_MODEL']);
    // An update of nothing the server knows sends nothing.
    expect(
      stepRequest(shape, 'updateOneRole', {
        updateRoleInput: { id: 'r-new', update: { canAccessAllTools: false } },
      }),
    ).toBeNull();
    expect(() =>
      stepRequest(shape, 'upsertFieldPermissions', { upsertFieldPermissionsInput: {} }),
    ).toThrow('This Twenty version has no upsertFieldPermissions');
  });
});
