import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/api-key-session';
import { metadataGraphql } from '../testing/twenty-http';
import {
  startWorkspaceProcess,
  testEngines,
  type WorkspaceProcess,
} from '../testing/workspace-process';

/** Twenty's role operations on /metadata (docs/twenty-permissions.md §2, §5). */
const ROLE_FIELDS = `id label description icon isEditable universalIdentifier
  canUpdateAllSettings canAccessAllTools canReadAllObjectRecords canUpdateAllObjectRecords
  canSoftDeleteAllObjectRecords canDestroyAllObjectRecords
  canBeAssignedToUsers canBeAssignedToAgents canBeAssignedToApiKeys`;
const GET_ROLES = `{ getRoles { ${ROLE_FIELDS}
  permissionFlags { id roleId flag }
  objectPermissions { objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords restrictedFields }
  fieldPermissions { id roleId objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue }
  apiKeys { id name expiresAt revokedAt }
  workspaceMembers { id userEmail } } }`;
const CREATE = `mutation($input: CreateRoleInput!) { createOneRole(createRoleInput: $input) { ${ROLE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRoleInput!) { updateOneRole(updateRoleInput: $input) { ${ROLE_FIELDS} } }`;
const DELETE = `mutation($id: UUID!) { deleteOneRole(roleId: $id) }`;
const UPSERT_OBJECTS = `mutation($input: UpsertObjectPermissionsInput!) { upsertObjectPermissions(upsertObjectPermissionsInput: $input) {
  objectMetadataId canReadObjectRecords canUpdateObjectRecords canSoftDeleteObjectRecords canDestroyObjectRecords } }`;
const UPSERT_FIELDS = `mutation($input: UpsertFieldPermissionsInput!) { upsertFieldPermissions(upsertFieldPermissionsInput: $input) {
  id roleId objectMetadataId fieldMetadataId canReadFieldValue canUpdateFieldValue } }`;
const UPSERT_FLAGS = `mutation($input: UpsertPermissionFlagsInput!) { upsertPermissionFlags(upsertPermissionFlagsInput: $input) { id roleId flag } }`;

const DENIED = 'Entity performing the request does not have permission';

describe.each(testEngines())('roles on /metadata (%s)', (engine) => {
  let ws: WorkspaceProcess;
  let roles: Record<string, any>;
  let objects: Map<string, { id: string; fields: Map<string, string> }>;

  const getRoles = async (token?: string) => {
    const result = await metadataGraphql(ws, GET_ROLES, undefined, token);
    expect(result.errors).toBeUndefined();
    return new Map<string, any>(result.data!.getRoles.map((role: any) => [role.label, role]));
  };
  const createRole = async (input: Record<string, unknown>) => {
    const result = await metadataGraphql(ws, CREATE, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.createOneRole;
  };

  beforeAll(async () => {
    ws = await startWorkspaceProcess(engine);
    roles = Object.fromEntries(await getRoles());
    const listed = await metadataGraphql(
      ws,
      `{ objects(paging: { first: 200 }) { edges { node { id nameSingular fields(paging: { first: 200 }) { edges { node { id name } } } } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    objects = new Map(
      listed.data!.objects.edges.map(({ node }: any) => [
        node.nameSingular,
        {
          id: node.id,
          fields: new Map(node.fields.edges.map((edge: any) => [edge.node.name, edge.node.id])),
        },
      ]),
    );
  }, 120_000);
  afterAll(async () => {
    await ws?.dispose();
  });

  it('seeds Admin and Member as a new Twenty workspace has them', () => {
    expect(roles.Admin).toMatchObject({
      description: 'Admin role',
      icon: 'IconUserCog',
      isEditable: false,
      universalIdentifier: '20202020-02c2-43f2-b94d-cab1f2b532eb',
      canUpdateAllSettings: true,
      canAccessAllTools: true,
      canReadAllObjectRecords: true,
      canUpdateAllObjectRecords: true,
      canSoftDeleteAllObjectRecords: true,
      canDestroyAllObjectRecords: true,
      canBeAssignedToUsers: true,
      canBeAssignedToAgents: false,
      canBeAssignedToApiKeys: true,
      permissionFlags: [],
      objectPermissions: [],
      fieldPermissions: [],
    });
    expect(roles.Admin.apiKeys.map((key: any) => key.name)).toContain('Atelier local admin');
    expect(roles.Member).toMatchObject({
      description: 'Member role',
      icon: 'IconUser',
      isEditable: true,
      canUpdateAllSettings: false,
      canAccessAllTools: true,
      canReadAllObjectRecords: true,
      canUpdateAllObjectRecords: true,
      canSoftDeleteAllObjectRecords: true,
      canDestroyAllObjectRecords: true,
      canBeAssignedToUsers: true,
      canBeAssignedToAgents: false,
      canBeAssignedToApiKeys: false,
      apiKeys: [],
      workspaceMembers: [],
    });
  });

  it('creates a role from a label alone with Twenty’s defaults', async () => {
    const role = await createRole({ label: '  Test   role ' });
    expect(role).toMatchObject({
      label: 'Test role',
      description: null,
      isEditable: true,
      universalIdentifier: role.id,
      canUpdateAllSettings: false,
      canAccessAllTools: false,
      canReadAllObjectRecords: false,
      canUpdateAllObjectRecords: false,
      canSoftDeleteAllObjectRecords: false,
      canDestroyAllObjectRecords: false,
      canBeAssignedToUsers: true,
      canBeAssignedToAgents: true,
      canBeAssignedToApiKeys: true,
    });
    const missing = await metadataGraphql(
      ws,
      'mutation { createOneRole(createRoleInput: {}) { id } }',
    );
    expect(missing.errors?.[0]).toMatchObject({
      message: 'Field "CreateRoleInput.label" of required type "String!" was not provided.',
    });
  });

  it('refuses write without read and duplicate labels in the METADATA_VALIDATION_FAILED envelope', async () => {
    const refused = await metadataGraphql(ws, CREATE, {
      input: { label: 'Writer', canReadAllObjectRecords: false, canDestroyAllObjectRecords: true },
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Multiple validation errors occurred while creating role',
      extensions: {
        code: 'METADATA_VALIDATION_FAILED',
        message: 'Validation failed for 1 role',
        summary: { role: 1, totalErrors: 1 },
        errors: {
          role: [
            {
              metadataName: 'role',
              status: 'fail',
              type: 'create',
              flatEntityMinimalInformation: { label: 'Writer' },
              errors: [
                {
                  code: 'CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION',
                  message: 'Cannot give writing permission without reading permission',
                },
              ],
            },
          ],
        },
      },
    });
    const duplicate = await metadataGraphql(ws, CREATE, { input: { label: 'Admin' } });
    expect((duplicate.errors?.[0]?.extensions as any).errors.role[0].errors[0]).toMatchObject({
      code: 'ROLE_LABEL_ALREADY_EXISTS',
      message: 'A role with this label already exists',
    });
  });

  it('updates a role and refuses unknown ids, Admin and write without read', async () => {
    const role = await createRole({ label: 'Editor', canReadAllObjectRecords: true });
    const updated = await metadataGraphql(ws, UPDATE, {
      input: { id: role.id, update: { label: 'Editors', canUpdateAllObjectRecords: true } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateOneRole).toMatchObject({
      label: 'Editors',
      canReadAllObjectRecords: true,
      canUpdateAllObjectRecords: true,
    });

    const unknown = await metadataGraphql(ws, UPDATE, {
      input: { id: '20202020-0000-4000-8000-000000000999', update: { label: 'x' } },
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'Role not found',
      extensions: { code: 'NOT_FOUND', subCode: 'ROLE_NOT_FOUND' },
    });

    const admin = await metadataGraphql(ws, UPDATE, {
      input: { id: roles.Admin.id, update: { label: 'Boss' } },
    });
    expect(admin.errors?.[0]).toMatchObject({
      message: 'Multiple validation errors occurred while updating role',
      extensions: {
        code: 'METADATA_VALIDATION_FAILED',
        errors: {
          role: [
            {
              type: 'update',
              flatEntityMinimalInformation: { label: 'Admin' },
              errors: [{ code: 'ROLE_NOT_EDITABLE', message: 'Role is not editable' }],
            },
          ],
        },
      },
    });

    const unreadable = await metadataGraphql(ws, UPDATE, {
      input: { id: role.id, update: { canReadAllObjectRecords: false } },
    });
    expect((unreadable.errors?.[0]?.extensions as any).errors.role[0].errors[0].code).toBe(
      'CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION',
    );
    const nulled = await metadataGraphql(ws, UPDATE, {
      input: { id: role.id, update: { canReadAllObjectRecords: null } },
    });
    expect((nulled.errors?.[0]?.extensions as any).errors.role[0].errors[0]).toMatchObject({
      code: 'INVALID_ARG_PERMISSIONS',
      message: 'Property canReadAllObjectRecords is required for role',
    });
  });

  it('upserts object permissions, returned by getRoles, with Twenty’s refusals', async () => {
    const role = await createRole({ label: 'Person reader', canReadAllObjectRecords: true });
    const person = objects.get('person')!.id;
    const company = objects.get('company')!.id;

    const onAdmin = await metadataGraphql(ws, UPSERT_OBJECTS, {
      input: { roleId: roles.Admin.id, objectPermissions: [{ objectMetadataId: person }] },
    });
    expect(onAdmin.data).toBeNull();
    expect(onAdmin.errors?.[0]).toMatchObject({
      message: 'Role is not editable',
      extensions: { code: 'FORBIDDEN' },
    });

    const saved = await metadataGraphql(ws, UPSERT_OBJECTS, {
      input: {
        roleId: role.id,
        objectPermissions: [
          { objectMetadataId: person, canUpdateObjectRecords: true },
          { objectMetadataId: company, canReadObjectRecords: false },
        ],
      },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.upsertObjectPermissions).toEqual([
      {
        objectMetadataId: person,
        canReadObjectRecords: null,
        canUpdateObjectRecords: true,
        canSoftDeleteObjectRecords: null,
        canDestroyObjectRecords: null,
      },
      {
        objectMetadataId: company,
        canReadObjectRecords: false,
        canUpdateObjectRecords: null,
        canSoftDeleteObjectRecords: null,
        canDestroyObjectRecords: null,
      },
    ]);

    const refused = await metadataGraphql(ws, UPSERT_OBJECTS, {
      input: {
        roleId: role.id,
        objectPermissions: [{ objectMetadataId: company, canDestroyObjectRecords: true }],
      },
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Cannot give update permission to non-readable object',
      extensions: {
        code: 'BAD_USER_INPUT',
        subCode: 'CANNOT_GIVE_WRITING_PERMISSION_ON_NON_READABLE_OBJECT',
      },
    });
    const unknown = await metadataGraphql(ws, UPSERT_OBJECTS, {
      input: {
        roleId: role.id,
        objectPermissions: [{ objectMetadataId: '20202020-0000-4000-8000-000000000998' }],
      },
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'Object metadata not found',
      extensions: { code: 'NOT_FOUND' },
    });

    const listed = (await getRoles()).get('Person reader');
    expect(listed.objectPermissions).toHaveLength(2);
    expect(listed.objectPermissions).toContainEqual(
      expect.objectContaining({ objectMetadataId: person, canUpdateObjectRecords: true }),
    );
  });

  it('upserts field restrictions: true refused, both null deletes the row', async () => {
    const role = await createRole({ label: 'Restricted', canReadAllObjectRecords: true });
    const person = objects.get('person')!;
    const jobTitle = person.fields.get('jobTitle')!;
    const emails = person.fields.get('emails')!;

    const granting = await metadataGraphql(ws, UPSERT_FIELDS, {
      input: {
        roleId: role.id,
        fieldPermissions: [
          { objectMetadataId: person.id, fieldMetadataId: jobTitle, canReadFieldValue: true },
        ],
      },
    });
    expect(granting.errors?.[0]).toMatchObject({
      message: 'Field permission can only introduce a restriction',
      extensions: { code: 'BAD_USER_INPUT', subCode: 'ONLY_FIELD_RESTRICTION_ALLOWED' },
    });

    const restricted = await metadataGraphql(ws, UPSERT_FIELDS, {
      input: {
        roleId: role.id,
        fieldPermissions: [
          {
            objectMetadataId: person.id,
            fieldMetadataId: jobTitle,
            canReadFieldValue: false,
            canUpdateFieldValue: false,
          },
          { objectMetadataId: person.id, fieldMetadataId: emails, canUpdateFieldValue: false },
        ],
      },
    });
    expect(restricted.errors).toBeUndefined();
    expect(restricted.data!.upsertFieldPermissions).toHaveLength(2);
    expect(restricted.data!.upsertFieldPermissions).toContainEqual(
      expect.objectContaining({
        roleId: role.id,
        fieldMetadataId: emails,
        canReadFieldValue: null,
        canUpdateFieldValue: false,
      }),
    );
    const listed = (await getRoles()).get('Restricted');
    expect(listed.fieldPermissions).toHaveLength(2);
    expect(listed.objectPermissions).toEqual([]);

    const lifted = await metadataGraphql(ws, UPSERT_FIELDS, {
      input: {
        roleId: role.id,
        fieldPermissions: [
          {
            objectMetadataId: person.id,
            fieldMetadataId: jobTitle,
            canReadFieldValue: null,
            canUpdateFieldValue: null,
          },
        ],
      },
    });
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data!.upsertFieldPermissions).toEqual([
      expect.objectContaining({ fieldMetadataId: emails }),
    ]);

    const wrongObject = await metadataGraphql(ws, UPSERT_FIELDS, {
      input: {
        roleId: role.id,
        fieldPermissions: [
          {
            objectMetadataId: objects.get('company')!.id,
            fieldMetadataId: jobTitle,
            canReadFieldValue: false,
          },
        ],
      },
    });
    expect(wrongObject.errors?.[0]).toMatchObject({
      message: 'Field metadata not found',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('sets permission flags to exactly the given keys', async () => {
    const role = await createRole({ label: 'Flagged' });
    const first = await metadataGraphql(ws, UPSERT_FLAGS, {
      input: { roleId: role.id, permissionFlagKeys: ['ROLES', 'DATA_MODEL'] },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.upsertPermissionFlags.map((row: any) => row.flag)).toEqual([
      'DATA_MODEL',
      'ROLES',
    ]);
    const second = await metadataGraphql(ws, UPSERT_FLAGS, {
      input: { roleId: role.id, permissionFlagKeys: ['WORKSPACE'] },
    });
    expect(second.data!.upsertPermissionFlags).toEqual([
      expect.objectContaining({ roleId: role.id, flag: 'WORKSPACE' }),
    ]);
    const unknown = await metadataGraphql(ws, UPSERT_FLAGS, {
      input: { roleId: role.id, permissionFlagKeys: ['NOPE'] },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('deletes custom roles; Admin, the default Member and roles held by API keys stay', async () => {
    const admin = await metadataGraphql(ws, DELETE, { id: roles.Admin.id });
    expect(admin.errors?.[0]).toMatchObject({
      message: 'Multiple validation errors occurred while deleting role',
      extensions: {
        code: 'METADATA_VALIDATION_FAILED',
        errors: {
          role: [
            {
              type: 'delete',
              flatEntityMinimalInformation: { label: 'Admin' },
              errors: [{ code: 'ROLE_NOT_EDITABLE' }],
            },
          ],
        },
      },
    });
    const member = await metadataGraphql(ws, DELETE, { id: roles.Member.id });
    expect(member.errors?.[0]).toMatchObject({
      message: 'Default role cannot be deleted',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const unknown = await metadataGraphql(ws, DELETE, {
      id: '20202020-0000-4000-8000-000000000997',
    });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'Role not found',
      extensions: { code: 'NOT_FOUND' },
    });

    const held = await createRole({ label: 'Held by a key', canReadAllObjectRecords: true });
    const session = await signIn(ws);
    const key = await metadataGraphql(
      ws,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }`,
      {
        input: {
          name: 'Reporting',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          roleId: held.id,
        },
      },
      session,
    );
    expect(key.errors).toBeUndefined();
    const refused = await metadataGraphql(ws, DELETE, { id: held.id });
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'Cannot delete role "Held by a key": the workspace default role cannot be assigned to API keys.',
    });
    expect((await getRoles()).get('Held by a key').apiKeys).toEqual([
      expect.objectContaining({ id: key.data!.createApiKey.id, name: 'Reporting' }),
    ]);

    const free = await createRole({ label: 'Short-lived' });
    const deleted = await metadataGraphql(ws, DELETE, { id: free.id });
    expect(deleted).toMatchObject({ data: { deleteOneRole: free.id } });
    expect((await getRoles()).has('Short-lived')).toBe(false);
  });

  it('refuses a key whose role lacks ROLES, and lets it in once the flag is granted', async () => {
    const role = await createRole({ label: 'Reporting', canReadAllObjectRecords: true });
    const session = await signIn(ws);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await metadataGraphql(
      ws,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }`,
      { input: { name: 'Reporting key', expiresAt, roleId: role.id } },
      session,
    );
    const minted = await metadataGraphql(
      ws,
      `mutation($id: UUID!, $exp: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $exp) { token } }`,
      { id: created.data!.createApiKey.id, exp: expiresAt },
      session,
    );
    const token = minted.data!.generateApiKeyToken.token as string;

    for (const [query, variables] of [
      ['{ getRoles { id } }', undefined],
      ['{ getPermissionFlags { key } }', undefined],
      ['{ apiKeys { id } }', undefined],
      ['{ webhooks { id } }', undefined],
      [
        `mutation { createOneObject(input: { object: { nameSingular: "probe", namePlural: "probes", labelSingular: "Probe", labelPlural: "Probes" } }) { id } }`,
        undefined,
      ],
      [CREATE, { input: { label: 'Escalated' } }],
      [UPDATE, { input: { id: role.id, update: { canUpdateAllSettings: true } } }],
      [
        UPSERT_OBJECTS,
        {
          input: {
            roleId: role.id,
            objectPermissions: [{ objectMetadataId: objects.get('person')!.id }],
          },
        },
      ],
      [UPSERT_FLAGS, { input: { roleId: role.id, permissionFlagKeys: ['ROLES'] } }],
      [DELETE, { id: role.id }],
    ] as const) {
      const denied = await metadataGraphql(ws, query, variables as never, token);
      expect(denied.status).toBe(200);
      expect(denied.data).toBeNull();
      expect(denied.errors?.[0]).toMatchObject({
        message: DENIED,
        extensions: { code: 'FORBIDDEN', subCode: 'PERMISSION_DENIED' },
      });
    }

    // Each settings flag opens its own endpoints without canUpdateAllSettings.
    const granted = await metadataGraphql(ws, UPSERT_FLAGS, {
      input: { roleId: role.id, permissionFlagKeys: ['API_KEYS_AND_WEBHOOKS', 'ROLES'] },
    });
    expect(granted.errors).toBeUndefined();
    for (const query of ['{ getRoles { label } }', '{ apiKeys { id } }', '{ webhooks { id } }']) {
      const allowed = await metadataGraphql(ws, query, undefined, token);
      expect(allowed.errors).toBeUndefined();
    }
    // Minting still needs a signed-in user, and the data model still needs DATA_MODEL.
    const mint = await metadataGraphql(
      ws,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }`,
      { input: { name: 'Escalation', expiresAt, roleId: role.id } },
      token,
    );
    expect(mint.errors?.[0]?.message).toBe('This endpoint requires a session access token');
    const model = await metadataGraphql(
      ws,
      `mutation { createOneObject(input: { object: { nameSingular: "probe", namePlural: "probes", labelSingular: "Probe", labelPlural: "Probes" } }) { id } }`,
      undefined,
      token,
    );
    expect(model.errors?.[0]?.message).toBe(DENIED);
  });

  it("lists Twenty's standard permission flags", async () => {
    const listed = await metadataGraphql(
      ws,
      '{ getPermissionFlags { id universalIdentifier key label description icon permissionType applicationId } }',
    );
    expect(listed.errors).toBeUndefined();
    const flags = listed.data!.getPermissionFlags as Array<Record<string, string>>;
    expect(flags).toHaveLength(26);
    expect(flags.find((flag) => flag.key === 'ROLES')).toEqual({
      id: '80f1e5ab-484c-5660-a5a1-0ee7413d8190',
      universalIdentifier: '80f1e5ab-484c-5660-a5a1-0ee7413d8190',
      key: 'ROLES',
      label: 'Roles',
      description: 'Define user roles and access levels',
      icon: 'IconLockOpen',
      permissionType: 'settings',
      applicationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(flags.filter((flag) => flag.permissionType === 'tool')).toHaveLength(12);
    expect(new Set(flags.map((flag) => flag.id)).size).toBe(26);
  });
});
