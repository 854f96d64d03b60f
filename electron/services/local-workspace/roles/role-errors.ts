import {
  MetadataException,
  MetadataValidationError,
  type EntityValidationError,
} from '../metadata/metadata-errors';

/**
 * Twenty's role errors (docs/twenty-permissions.md §2.2–§2.4). Role create/update/delete
 * failures come in the `METADATA_VALIDATION_FAILED` envelope with `metadataName: "role"`;
 * object/field/flag upserts and not-found raise plain PermissionsExceptions, mapped to
 * GraphQL codes as `permission-graphql-api-exception-handler.util.ts` does.
 */
export type RoleOperation = 'create' | 'update' | 'delete';

const VERB: Record<RoleOperation, string> = {
  create: 'creating',
  update: 'updating',
  delete: 'deleting',
};

export class RoleValidationError extends MetadataValidationError {
  constructor(
    readonly operation: RoleOperation,
    readonly role: { label: string; universalIdentifier: string | null },
    readonly roleErrors: EntityValidationError[],
  ) {
    super(`Multiple validation errors occurred while ${VERB[operation]} role`, []);
  }

  override toExtensions(): Record<string, unknown> {
    const first = this.roleErrors[0];
    return {
      code: 'METADATA_VALIDATION_FAILED',
      errors: {
        role: [
          {
            errors: this.roleErrors.map((error) => ({
              ...error,
              userFriendlyMessage: error.userFriendlyMessage ?? error.message,
            })),
            flatEntityMinimalInformation: {
              label: this.role.label,
              universalIdentifier: this.role.universalIdentifier,
            },
            metadataName: 'role',
            status: 'fail',
            type: this.operation,
          },
        ],
      },
      summary: { role: 1, totalErrors: 1 },
      message: 'Validation failed for 1 role',
      userFriendlyMessage: first
        ? (first.userFriendlyMessage ?? first.message)
        : 'Validation failed',
    };
  }
}

export const ROLE_ERRORS = {
  notEditable: {
    code: 'ROLE_NOT_EDITABLE',
    message: 'Role is not editable',
    userFriendlyMessage:
      'This role cannot be modified because it is a system role. Only custom roles can be edited.',
  },
  labelExists: {
    code: 'ROLE_LABEL_ALREADY_EXISTS',
    message: 'A role with this label already exists',
    userFriendlyMessage: 'A role with this label already exists.',
  },
  writeWithoutRead: {
    code: 'CANNOT_GIVE_WRITING_PERMISSION_WITHOUT_READING_PERMISSION',
    message: 'Cannot give writing permission without reading permission',
    userFriendlyMessage:
      'You cannot grant edit permissions without also granting read permissions. Please enable read access first.',
  },
  required: (property: string): EntityValidationError => ({
    code: 'INVALID_ARG_PERMISSIONS',
    message: `Property ${property} is required for role`,
    userFriendlyMessage:
      'Some of the information provided is invalid. Please check your input and try again.',
  }),
} satisfies Record<string, EntityValidationError | ((property: string) => EntityValidationError)>;

/** The settings guard's refusal (`SettingsPermissionGuard(ROLES)`). */
export const permissionDenied = (): MetadataException =>
  new MetadataException(
    'Entity performing the request does not have permission',
    'FORBIDDEN',
    'PERMISSION_DENIED',
    'You do not have permission to access this feature. Please contact your workspace administrator for access.',
  );

export const roleNotFound = (): MetadataException =>
  new MetadataException(
    'Role not found',
    'NOT_FOUND',
    'ROLE_NOT_FOUND',
    'The role you are looking for could not be found. It may have been deleted or you may not have access to it.',
  );

export const roleNotEditable = (): MetadataException =>
  new MetadataException(
    ROLE_ERRORS.notEditable.message,
    'FORBIDDEN',
    ROLE_ERRORS.notEditable.code,
    ROLE_ERRORS.notEditable.userFriendlyMessage,
  );

export const defaultRoleCannotBeDeleted = (): MetadataException =>
  new MetadataException(
    'Default role cannot be deleted',
    'INTERNAL_SERVER_ERROR',
    'DEFAULT_ROLE_CANNOT_BE_DELETED',
    'The default role cannot be deleted as it is required for the workspace to function properly.',
  );

export const roleHeldByApiKeys = (label: string): MetadataException =>
  new MetadataException(
    `Cannot delete role "${label}": the workspace default role cannot be assigned to API keys.`,
    'BAD_USER_INPUT',
    'ROLE_CANNOT_BE_ASSIGNED_TO_API_KEYS',
    'Cannot delete this role: it is still assigned to one or more API keys, and the workspace default role cannot be assigned to API keys. Please reassign these API keys to another role first.',
  );

export const objectMetadataNotFound = (): MetadataException =>
  new MetadataException(
    'Object metadata not found',
    'NOT_FOUND',
    'OBJECT_METADATA_NOT_FOUND_PERMISSIONS',
    'Object metadata not found.',
  );

export const fieldMetadataNotFound = (): MetadataException =>
  new MetadataException(
    'Field metadata not found',
    'NOT_FOUND',
    'FIELD_METADATA_NOT_FOUND',
    'Field metadata not found.',
  );

export const systemObjectPermission = (kind: 'object' | 'field'): MetadataException =>
  new MetadataException(
    `Cannot add ${kind} permission on system object`,
    'FORBIDDEN',
    kind === 'object'
      ? 'CANNOT_ADD_OBJECT_PERMISSION_ON_SYSTEM_OBJECT'
      : 'CANNOT_ADD_FIELD_PERMISSION_ON_SYSTEM_OBJECT',
  );

export const writeOnNonReadableObject = (): MetadataException =>
  new MetadataException(
    'Cannot give update permission to non-readable object',
    'BAD_USER_INPUT',
    'CANNOT_GIVE_WRITING_PERMISSION_ON_NON_READABLE_OBJECT',
    ROLE_ERRORS.writeWithoutRead.userFriendlyMessage,
  );

export const onlyFieldRestrictionAllowed = (): MetadataException =>
  new MetadataException(
    'Field permission can only introduce a restriction',
    'BAD_USER_INPUT',
    'ONLY_FIELD_RESTRICTION_ALLOWED',
    'Field permissions can only be used to restrict access, not to grant additional permissions.',
  );

export const invalidInput = (message: string, subCode = 'INVALID_ARG_PERMISSIONS') =>
  new MetadataException(message, 'BAD_USER_INPUT', subCode, message);
