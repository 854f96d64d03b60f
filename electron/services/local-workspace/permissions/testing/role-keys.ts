import { metadataGraphql, metadataListItems, rest } from '../../testing/twenty-http';
import type { WorkspaceProcess } from '../../testing/workspace-process';

/**
 * Test set-up over Twenty's own operations, as an admin would do it: a custom role
 * (`createOneRole`), its object overrides and field restrictions (`upsertObjectPermissions`,
 * `upsertFieldPermissions` on /metadata), and an API key bound to it (`createApiKey` +
 * `generateApiKeyToken` with a signed-in session).
 */
export interface DataModelIds {
  object: (nameSingular: string) => string;
  field: (nameSingular: string, fieldName: string) => string;
}

export const dataModelIds = async (ws: WorkspaceProcess): Promise<DataModelIds> => {
  const listed = await rest(ws, 'GET', '/rest/metadata/objects');
  const objects = metadataListItems(listed.body, 'objects') as Array<{
    id: string;
    nameSingular: string;
    fields: Array<{ id: string; name: string }>;
  }>;
  const objectNamed = (name: string) => {
    const found = objects.find((object) => object.nameSingular === name);
    if (!found) throw new Error(`No object ${name}`);
    return found;
  };
  return {
    object: (name) => objectNamed(name).id,
    field: (objectName, fieldName) => {
      const found = objectNamed(objectName).fields.find((field) => field.name === fieldName);
      if (!found) throw new Error(`No field ${objectName}.${fieldName}`);
      return found.id;
    },
  };
};

export interface RoleSpec {
  label: string;
  /** Role-wide switches; unspecified ones default to true (a Member-like role). */
  roleWide?: Partial<
    Record<
      | 'canReadAllObjectRecords'
      | 'canUpdateAllObjectRecords'
      | 'canSoftDeleteAllObjectRecords'
      | 'canDestroyAllObjectRecords',
      boolean
    >
  >;
  objectPermissions?: Array<{
    objectMetadataId: string;
    canReadObjectRecords?: boolean | null;
    canUpdateObjectRecords?: boolean | null;
    canSoftDeleteObjectRecords?: boolean | null;
    canDestroyObjectRecords?: boolean | null;
  }>;
  fieldPermissions?: Array<{
    objectMetadataId: string;
    fieldMetadataId: string;
    canReadFieldValue?: false | null;
    canUpdateFieldValue?: false | null;
  }>;
}

const ok = (response: { data: Record<string, any> | null; errors?: unknown }, what: string) => {
  if (response.errors || !response.data)
    throw new Error(`${what} failed: ${JSON.stringify(response.errors)}`);
  return response.data;
};

/** Creates the role with its permissions and returns an API-key token that runs with it. */
export const keyWithRole = async (
  ws: WorkspaceProcess,
  session: string,
  spec: RoleSpec,
): Promise<{ roleId: string; token: string }> => {
  const created = ok(
    await metadataGraphql(
      ws,
      `mutation($input: CreateRoleInput!) { createOneRole(createRoleInput: $input) { id } }`,
      {
        input: {
          label: spec.label,
          canBeAssignedToApiKeys: true,
          canReadAllObjectRecords: true,
          canUpdateAllObjectRecords: true,
          canSoftDeleteAllObjectRecords: true,
          canDestroyAllObjectRecords: true,
          ...spec.roleWide,
        },
      },
    ),
    'createOneRole',
  );
  const roleId = created.createOneRole.id as string;
  if (spec.objectPermissions?.length)
    ok(
      await metadataGraphql(
        ws,
        `mutation($input: UpsertObjectPermissionsInput!) { upsertObjectPermissions(upsertObjectPermissionsInput: $input) { objectMetadataId } }`,
        { input: { roleId, objectPermissions: spec.objectPermissions } },
      ),
      'upsertObjectPermissions',
    );
  if (spec.fieldPermissions?.length)
    ok(
      await metadataGraphql(
        ws,
        `mutation($input: UpsertFieldPermissionsInput!) { upsertFieldPermissions(upsertFieldPermissionsInput: $input) { fieldMetadataId } }`,
        { input: { roleId, fieldPermissions: spec.fieldPermissions } },
      ),
      'upsertFieldPermissions',
    );
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const key = ok(
    await metadataGraphql(
      ws,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }`,
      { input: { name: `${spec.label} key`, expiresAt, roleId } },
      session,
    ),
    'createApiKey',
  );
  const minted = ok(
    await metadataGraphql(
      ws,
      `mutation($id: UUID!, $exp: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $exp) { token } }`,
      { id: key.createApiKey.id, exp: expiresAt },
      session,
    ),
    'generateApiKeyToken',
  );
  return { roleId, token: minted.generateApiKeyToken.token as string };
};
