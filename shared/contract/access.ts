import { z } from 'zod';
import { connectionIdSchema } from './connections';

/**
 * Access admin (issue 10): a connection's roles with their object and field permissions, edited
 * as a draft and applied as a reviewed plan through Twenty's own role operations; API keys with
 * their roles; the signed-in session some key operations need; effective access of a key or role.
 * Facts about Twenty: docs/twenty-permissions.md.
 */
export const roleIdSchema = z.string().min(1).max(100);
export const apiKeyIdSchema = z.string().uuid();

/** A per-object override: null inherits the role-wide switch. */
export const objectOverrideSchema = z.object({
  canReadObjectRecords: z.boolean().nullable(),
  canUpdateObjectRecords: z.boolean().nullable(),
  canSoftDeleteObjectRecords: z.boolean().nullable(),
  canDestroyObjectRecords: z.boolean().nullable(),
});
export type ObjectOverrideValue = z.infer<typeof objectOverrideSchema>;

/** Twenty's field permissions only restrict: hidden (no read, no write) or read-only. Full = absent. */
export const fieldRestrictionSchema = z.enum(['hidden', 'read-only']);
export type FieldRestrictionKind = z.infer<typeof fieldRestrictionSchema>;

/** What the admin can edit on a role: the same shape in the live roles and in the draft. */
export const roleSettingsSchema = z.object({
  label: z.string().trim().min(1, 'A role needs a label').max(100),
  description: z.string().max(500).nullable(),
  icon: z.string().max(100).nullable(),
  canUpdateAllSettings: z.boolean(),
  canAccessAllTools: z.boolean(),
  canReadAllObjectRecords: z.boolean(),
  canUpdateAllObjectRecords: z.boolean(),
  canSoftDeleteAllObjectRecords: z.boolean(),
  canDestroyAllObjectRecords: z.boolean(),
  canBeAssignedToUsers: z.boolean(),
  canBeAssignedToAgents: z.boolean(),
  canBeAssignedToApiKeys: z.boolean(),
  /** Permission flag keys assigned one by one (ROLES, DATA_MODEL, …). */
  permissionFlags: z.array(z.string().max(100)).max(200),
  /** Keyed by objectMetadataId; objects without an entry inherit. */
  objectPermissions: z.record(z.string(), objectOverrideSchema),
  /** Keyed by fieldMetadataId; fields without an entry have full access. */
  fieldPermissions: z.record(
    z.string(),
    z.object({ objectMetadataId: z.string(), restriction: fieldRestrictionSchema }),
  ),
});
export type RoleSettings = z.infer<typeof roleSettingsSchema>;

export const roleSchema = roleSettingsSchema.extend({
  id: roleIdSchema,
  /** False for Admin: Twenty refuses every change to it. */
  isEditable: z.boolean(),
  /** The workspace's default role (Member): new members get it and it cannot be deleted. */
  isDefault: z.boolean(),
  memberCount: z.number().int(),
  apiKeyIds: z.array(z.string()),
});
export type Role = z.infer<typeof roleSchema>;

export const accessFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  type: z.string(),
  isSystem: z.boolean(),
});

export const accessObjectSchema = z.object({
  id: z.string(),
  nameSingular: z.string(),
  labelSingular: z.string(),
  labelPlural: z.string(),
  isSystem: z.boolean(),
  isCustom: z.boolean(),
  fields: z.array(accessFieldSchema),
});
export type AccessObject = z.infer<typeof accessObjectSchema>;

export const permissionFlagSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['settings', 'tool']),
});

/** Why an API key deserves a second look. */
export const keyWarningSchema = z.enum([
  'no-expiry',
  'expired',
  'admin-role',
  'no-role',
  'expires-soon',
]);
export type KeyWarning = z.infer<typeof keyWarningSchema>;

export const apiKeyInfoSchema = z.object({
  id: apiKeyIdSchema,
  name: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  roleId: z.string().nullable(),
  roleLabel: z.string().nullable(),
  /** When this key replaced another through Atelier's rotate (recorded by Atelier), else null. */
  rotatedAt: z.string().nullable(),
  rotatedFromName: z.string().nullable(),
  /** Atelier connections whose stored key is this key. */
  usedByConnections: z.array(z.object({ id: z.string(), name: z.string() })),
  /** A token of this key is kept in the keychain for "try as this key". */
  hasStoredToken: z.boolean(),
  warnings: z.array(keyWarningSchema),
});
export type ApiKeyInfo = z.infer<typeof apiKeyInfoSchema>;

/** Key operations that recent Twenty servers only accept from a signed-in user. */
export const SESSION_OPERATIONS = ['create', 'rotate', 'revoke', 'try-as'] as const;

export const sessionStatusSchema = z.object({
  signedIn: z.boolean(),
  email: z.string().nullable(),
  /** When the refresh token stops working (sign in again after). */
  expiresAt: z.string().nullable(),
  /** The local workspace keeps its admin's password in the keychain: sign-in needs no typing. */
  localAdminEmail: z.string().nullable(),
  /** This server refused key operations with the connection's API key: a session is required. */
  sessionRequired: z.boolean(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const accessOverviewSchema = z.object({
  connectionId: connectionIdSchema,
  roles: z.array(roleSchema),
  objects: z.array(accessObjectSchema),
  permissionFlags: z.array(permissionFlagSchema),
  apiKeys: z.array(apiKeyInfoSchema),
  session: sessionStatusSchema,
  /** The connection's own key may not read roles (no ROLES permission): the message why. */
  rolesProblem: z.string().nullable(),
  keysProblem: z.string().nullable(),
  readAt: z.string(),
});
export type AccessOverview = z.infer<typeof accessOverviewSchema>;

export const connectionInputSchema = z.object({ connectionId: connectionIdSchema });

// ---- draft → plan → apply ----------------------------------------------------------------

/** A role as the admin wants it. New roles carry an id `new:<anything>`. */
export const roleDraftSchema = roleSettingsSchema.extend({ id: roleIdSchema });
export type RoleDraft = z.infer<typeof roleDraftSchema>;

export const reviewAccessInputSchema = z.object({
  connectionId: connectionIdSchema,
  /** Every role the draft changes or adds, whole. Roles not listed are left alone. */
  roles: z.array(roleDraftSchema).max(200),
  deletedRoleIds: z.array(roleIdSchema).max(200).default([]),
});

export const ACCESS_STEP_KINDS = [
  'createRole',
  'updateRole',
  'objectPermissions',
  'fieldPermissions',
  'permissionFlags',
  'deleteRole',
] as const;

export const accessPlanStepSchema = z.object({
  kind: z.enum(ACCESS_STEP_KINDS),
  roleId: z.string(),
  roleLabel: z.string(),
  /** One line: "Role Reporting: company — read ✓, update ✗". */
  summary: z.string(),
  /** One line per changed permission. */
  details: z.array(z.string()),
  /** The Twenty operation the step calls. */
  operation: z.string(),
});
export type AccessPlanStep = z.infer<typeof accessPlanStepSchema>;

export const accessPlanSchema = z.object({
  planId: z.string(),
  connectionId: connectionIdSchema,
  steps: z.array(accessPlanStepSchema),
  /** Twenty would refuse these: the plan cannot be applied until they are fixed in the draft. */
  problems: z.array(z.object({ roleLabel: z.string(), message: z.string() })),
  /** Worth reading before applying: keys and members affected, roles changed since the draft. */
  warnings: z.array(z.string()),
});
export type AccessPlan = z.infer<typeof accessPlanSchema>;

export const applyAccessPlanInputSchema = z.object({ planId: z.string().min(1).max(100) });

export const applyAccessResultSchema = z.object({
  applied: z.number().int(),
  total: z.number().int(),
  /** The step that failed with Twenty's message; steps before it stay applied. */
  failure: z.object({ step: accessPlanStepSchema, message: z.string() }).nullable(),
  /** New roles' draft ids → the ids Twenty gave them. */
  createdRoleIds: z.record(z.string(), z.string()),
});
export type ApplyAccessResult = z.infer<typeof applyAccessResultSchema>;

// ---- API keys ----------------------------------------------------------------------------

/** null = never (Twenty stores a date 100 years ahead, as its own settings page does). */
const expiresAtSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Not a date')
  .nullable();

export const createApiKeyInputSchema = z.object({
  connectionId: connectionIdSchema,
  name: z.string().trim().min(1, 'Give the key a name').max(100),
  expiresAt: expiresAtSchema,
  roleId: roleIdSchema,
  /** Keep the token in the keychain so "try as this key" can use it. */
  storeToken: z.boolean().default(true),
  /** Also add a connection that uses the new key, under this name. */
  saveAsConnection: z.string().trim().min(1).max(100).nullable().default(null),
});

export const createdApiKeySchema = z.object({
  apiKey: apiKeyInfoSchema,
  /** Shown once: Twenty never shows it again. */
  token: z.string(),
  connectionId: z.string().nullable(),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyRefSchema = z.object({
  connectionId: connectionIdSchema,
  apiKeyId: apiKeyIdSchema,
});

export const rotateApiKeyInputSchema = apiKeyRefSchema.extend({
  /** Expiry of the new key; default: as long as the old one had left at creation. */
  expiresAt: expiresAtSchema.optional(),
});

export const rotatedApiKeySchema = createdApiKeySchema.extend({
  /** The old key stays valid until `access.revokeApiKey` after the admin confirms. */
  oldApiKeyId: z.string(),
  /** Connections that used the old key now use the new one. */
  updatedConnections: z.array(z.string()),
});

// ---- session -----------------------------------------------------------------------------

export const signInInputSchema = z.object({
  connectionId: connectionIdSchema,
  email: z.string().trim().min(1, 'Enter the email you sign in to Twenty with').max(320),
  /** Empty on the local workspace: its admin's password is in the keychain. */
  password: z.string().max(1000),
  /** The workspace's own address when it differs from the API URL (Twenty Cloud: https://acme.twenty.com). */
  origin: z.string().url().nullable().default(null),
});

// ---- effective access --------------------------------------------------------------------

export const accessSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), roleId: roleIdSchema }),
  z.object({ kind: z.literal('apiKey'), apiKeyId: apiKeyIdSchema }),
]);
export type AccessSubject = z.infer<typeof accessSubjectSchema>;

export const effectiveAccessInputSchema = z.object({
  connectionId: connectionIdSchema,
  subject: accessSubjectSchema,
});

export const effectiveAccessSchema = z.object({
  roleId: z.string(),
  roleLabel: z.string(),
  objects: z.array(
    z.object({
      objectId: z.string(),
      nameSingular: z.string(),
      label: z.string(),
      isSystem: z.boolean(),
      read: z.boolean(),
      update: z.boolean(),
      softDelete: z.boolean(),
      destroy: z.boolean(),
      source: z.enum(['role-wide', 'override', 'system-object', 'settings-rule', 'tools-rule']),
      /** Every field with what it allows (hidden fields: read false). */
      fields: z.array(
        z.object({
          fieldId: z.string(),
          name: z.string(),
          label: z.string(),
          read: z.boolean(),
          update: z.boolean(),
        }),
      ),
    }),
  ),
  flags: z.array(
    z.object({ key: z.string(), kind: z.enum(['settings', 'tool']), granted: z.boolean() }),
  ),
});
export type EffectiveAccess = z.infer<typeof effectiveAccessSchema>;
