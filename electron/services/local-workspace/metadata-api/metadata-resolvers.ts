import { MetadataException } from '../metadata/metadata-errors';
import {
  createField,
  deleteField,
  getFieldOrThrow,
  updateField,
  type CreateFieldInput,
  type UpdateFieldInput,
} from '../metadata/field-operations';
import {
  createObject,
  deleteObject,
  getObjectOrThrow,
  updateObject,
  type CreateObjectInput,
  type UpdateObjectPayload,
} from '../metadata/object-operations';
import type { ApiKeyRow } from '../auth/api-key-service';
import { hasSettingsPermission } from '../permissions/settings-permission';
import { settingsPermissionDenied } from '../webhooks/webhook-errors';
import type { RequestContext } from '../workspace-runtime';
import { readFeatureFlags } from '../workspace/feature-flags';
import { paginate, type CursorPaging } from './cursor-connection';
import { toFieldDto, toIndexDto, toObjectDto } from './metadata-dtos';
import { matchesFilter, type MetadataFilter } from './metadata-filter';
import { listableViews } from '../views/view-dtos';
import { viewCaller } from '../views/view-resolvers';
import { roleDto } from '../roles/role-resolvers';
import { defaultRoleId, getRole } from '../roles/role-store';

/**
 * Resolvers of the metadata API root fields the local workspace implements. Each receives
 * validated GraphQL arguments; domain errors surface as MetadataException / validation errors.
 */
type Args = Record<string, unknown>;
type Resolver = (args: Args, context: RequestContext) => unknown;

const requireDataModelPermission = async (context: RequestContext): Promise<void> => {
  if (!(await hasSettingsPermission(context, 'DATA_MODEL'))) {
    throw new MetadataException(
      'Entity performing the request does not have permission',
      'FORBIDDEN',
      'PERMISSION_DENIED',
      'You do not have permission to perform this action.',
    );
  }
};

/** Every API-key operation: Twenty's `SettingsPermissionGuard(API_KEYS_AND_WEBHOOKS)`. */
export const requireApiKeysPermission = async (context: RequestContext): Promise<void> => {
  if (!(await hasSettingsPermission(context, 'API_KEYS_AND_WEBHOOKS')))
    throw settingsPermissionDenied();
};

/** Twenty 2.x: minting and revoking keys need a signed-in user's session token (checked after the settings permission, as method guards run after the class's). */
export const requireAccessToken = async (context: RequestContext): Promise<void> => {
  await requireApiKeysPermission(context);
  if (context.auth.kind !== 'access') {
    throw new MetadataException(
      'This endpoint requires a session access token',
      'FORBIDDEN',
      'FORBIDDEN_EXCEPTION',
    );
  }
};

const objectsOf = (context: RequestContext) => {
  const state = context.runtime.metadata.snapshot;
  return [...state.objects.values()].map((row) => toObjectDto(state, row));
};

const apiKeyDto = (context: RequestContext, row: ApiKeyRow) => ({
  ...row,
  role: async () => {
    const role = row.roleId ? await getRole(context.runtime.engine, row.roleId) : null;
    return role && roleDto(context, role);
  },
});

const input = (args: Args) => (args.input ?? {}) as Record<string, unknown>;

export const queryResolvers: Record<string, Resolver> = {
  objects: ({ paging, filter }, context) =>
    paginate(
      objectsOf(context).filter((dto) => matchesFilter(dto as never, filter as MetadataFilter)),
      paging as CursorPaging,
    ),
  object: ({ id }, context) => {
    const state = context.runtime.metadata.snapshot;
    return toObjectDto(state, getObjectOrThrow(state, String(id)));
  },
  fields: ({ paging, filter }, context) => {
    const state = context.runtime.metadata.snapshot;
    const fields = [...state.fields.values()].map((row) => toFieldDto(state, row));
    return paginate(
      fields.filter((dto) => matchesFilter(dto as never, filter as MetadataFilter)),
      paging as CursorPaging,
    );
  },
  field: ({ id }, context) => {
    const state = context.runtime.metadata.snapshot;
    return toFieldDto(state, getFieldOrThrow(state, String(id)));
  },
  objectRecordCounts: async (_args, context) => {
    const { countRecordsPerObject } = await import('./object-record-counts');
    return countRecordsPerObject(context.runtime);
  },
  minimalMetadata: (_args, context) => {
    const state = context.runtime.metadata.snapshot;
    return {
      objectMetadataItems: [...state.objects.values()].map((object) => ({
        ...object,
        isRemote: false,
      })),
      views: listableViews(state, viewCaller(context)).map(
        ({ id, type, key, objectMetadataId }) => ({
          id,
          type,
          key,
          objectMetadataId,
        }),
      ),
      collectionHashes: [
        { collectionName: 'objectMetadata', hash: String(state.workspace.metadataVersion) },
        { collectionName: 'fieldMetadata', hash: String(state.workspace.metadataVersion) },
      ],
    };
  },
  currentWorkspace: async (_args, context) => ({
    ...workspaceDto(context),
    featureFlags: [...(await readFeatureFlags(context.runtime.engine))].map(([key, value]) => ({
      key,
      value,
    })),
  }),
  apiKeys: async (_args, context) => {
    await requireApiKeysPermission(context);
    return (await context.runtime.apiKeys.list()).map((row) => apiKeyDto(context, row));
  },
  apiKey: async (args, context) => {
    await requireApiKeysPermission(context);
    const row = await context.runtime.apiKeys.get(String(input(args).id));
    return row ? apiKeyDto(context, row) : null;
  },
};

const workspaceDto = (context: RequestContext) => {
  const { workspace } = context.runtime;
  return {
    id: workspace.id,
    displayName: workspace.displayName,
    logo: null,
    inviteHash: null,
    deletedAt: null,
    createdAt: workspace.createdAt,
    updatedAt: workspace.createdAt,
    allowImpersonation: false,
    isPublicInviteLinkEnabled: false,
    workspaceDiscoverability: 'INVITE_ONLY',
    trashRetentionDays: 14,
    eventLogRetentionDays: 365,
    workspaceMembersCount: 1,
    activationStatus: 'ACTIVE',
    metadataVersion: context.runtime.metadata.snapshot.workspace.metadataVersion,
    databaseSchema: workspace.dataSchema,
    defaultRole: async () => {
      const id = await defaultRoleId(context.runtime.engine);
      const role = id ? await getRole(context.runtime.engine, id) : null;
      return role && roleDto(context, role);
    },
    subdomain: 'local',
    customDomain: null,
    isGoogleAuthEnabled: false,
    isGoogleAuthBypassEnabled: false,
    isTwoFactorAuthenticationEnforced: false,
    isPasswordAuthEnabled: true,
    isPasswordAuthBypassEnabled: false,
    isMicrosoftAuthEnabled: false,
    isMicrosoftAuthBypassEnabled: false,
    isCustomDomainEnabled: false,
    isInternalMessagesImportEnabled: false,
    allowedIframeOrigins: [],
    editableProfileFields: [],
    workspaceCustomApplicationId: workspace.customApplicationId,
    workspaceCustomApplication: {
      id: workspace.customApplicationId,
      name: 'Custom',
      universalIdentifier: workspace.customApplicationId,
    },
    billingSubscriptions: [],
    installedApplications: [],
    billingEntitlements: [],
    hasValidSignedEnterpriseKey: false,
    hasValidEnterpriseValidityToken: false,
    workspaceUrls: { subdomainUrl: 'http://127.0.0.1', customUrl: null },
  };
};

const mutateMetadata = async <T>(
  context: RequestContext,
  work: Parameters<RequestContext['runtime']['metadata']['mutate']>[0],
) => {
  await requireDataModelPermission(context);
  return context.runtime.metadata.mutate(work) as Promise<T>;
};

export const mutationResolvers: Record<string, Resolver> = {
  createOneObject: async (args, context) => {
    const row = await mutateMetadata(context, (draft, now) =>
      createObject(draft, input(args).object as CreateObjectInput, now),
    );
    return toObjectDto(context.runtime.metadata.snapshot, row as never);
  },
  updateOneObject: async (args, context) => {
    const { id, update } = input(args) as { id: string; update: UpdateObjectPayload };
    const row = await mutateMetadata(context, (draft, now) =>
      updateObject(draft, id, update ?? {}, now),
    );
    return toObjectDto(context.runtime.metadata.snapshot, row as never);
  },
  updateManyObjects: async (args, context) => {
    const inputs = (args.inputs ?? []) as Array<{ id: string; update: UpdateObjectPayload }>;
    const rows = await mutateMetadata(context, (draft, now) =>
      inputs.map(({ id, update }) => updateObject(draft, id, update ?? {}, now)),
    );
    return (rows as never[]).map((row) => toObjectDto(context.runtime.metadata.snapshot, row));
  },
  deleteOneObject: async (args, context) => {
    const before = context.runtime.metadata.snapshot;
    const row = await mutateMetadata(context, (draft) =>
      deleteObject(draft, String(input(args).id)),
    );
    return toObjectDto(before, row as never);
  },
  createOneField: async (args, context) => {
    const row = await mutateMetadata(context, (draft, now) =>
      createField(draft, input(args).field as CreateFieldInput, now),
    );
    return toFieldDto(context.runtime.metadata.snapshot, row as never);
  },
  updateOneField: async (args, context) => {
    const { id, update } = input(args) as { id: string; update: UpdateFieldInput };
    const row = await mutateMetadata(context, (draft, now) =>
      updateField(draft, id, update ?? {}, now),
    );
    return toFieldDto(context.runtime.metadata.snapshot, row as never);
  },
  deleteOneField: async (args, context) => {
    const before = context.runtime.metadata.snapshot;
    const row = await mutateMetadata(context, (draft) =>
      deleteField(draft, String(input(args).id)),
    );
    return toFieldDto(before, row as never);
  },
  createApiKey: async (args, context) => {
    await requireAccessToken(context);
    return apiKeyDto(context, await context.runtime.apiKeys.create(input(args)));
  },
  updateApiKey: async (args, context) => {
    await requireAccessToken(context);
    const row = await context.runtime.apiKeys.update(input(args) as { id: string });
    return row ? apiKeyDto(context, row) : null;
  },
  revokeApiKey: async (args, context) => {
    await requireAccessToken(context);
    const row = await context.runtime.apiKeys.revoke(String(input(args).id));
    return row ? apiKeyDto(context, row) : null;
  },
  assignRoleToApiKey: async (args, context) => {
    await requireAccessToken(context);
    return context.runtime.apiKeys.assignRole(String(args.apiKeyId), String(args.roleId));
  },
  generateApiKeyToken: async (args, context) => {
    await requireAccessToken(context);
    return context.runtime.apiKeys.generateToken(String(args.apiKeyId), args.expiresAt);
  },
};

export { toIndexDto };
