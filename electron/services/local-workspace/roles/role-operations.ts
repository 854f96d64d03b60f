import { randomUUID } from 'node:crypto';
import type { EntityValidationError } from '../metadata/metadata-errors';
import type { MetadataState } from '../metadata/metadata-types';
import type { SqlEngine, SqlExecutor } from '../storage/sql-engine';
import { PERMISSION_FLAG_KEYS } from '../../../../shared/access/role-rules';
import {
  defaultRoleCannotBeDeleted,
  fieldMetadataNotFound,
  invalidInput,
  objectMetadataNotFound,
  onlyFieldRestrictionAllowed,
  ROLE_ERRORS,
  roleHeldByApiKeys,
  roleNotEditable,
  roleNotFound,
  RoleValidationError,
  systemObjectPermission,
  writeOnNonReadableObject,
} from './role-errors';
import {
  apiKeysOfRole,
  defaultRoleId,
  deleteFieldPermissionRow,
  deleteRoleRow,
  fieldPermissionRows,
  findRoleByLabel,
  getRole,
  insertRole,
  objectPermissionRows,
  permissionFlagRows,
  rebindApiKeys,
  replacePermissionFlags,
  ROLE_BOOLEANS,
  updateRole as storeUpdateRole,
  upsertFieldPermissionRow,
  upsertObjectPermissionRow,
  type FieldPermissionRow,
  type ObjectPermissionRow,
  type PermissionFlagRow,
  type RoleRow,
  type RoleValues,
} from './role-store';
import { UUID_TEXT as UUID } from '../../../../shared/domain/uuid';

/**
 * Twenty's role operations (docs/twenty-permissions.md §2.1–§2.3) on the stored rows. Inputs are
 * the SDK 2.43 input types, already validated by GraphQL.
 */
type Nullable<T> = T | null | undefined;

export interface CreateRoleInput {
  id?: Nullable<string>;
  label: string;
  description?: Nullable<string>;
  icon?: Nullable<string>;
  canUpdateAllSettings?: Nullable<boolean>;
  canAccessAllTools?: Nullable<boolean>;
  canReadAllObjectRecords?: Nullable<boolean>;
  canUpdateAllObjectRecords?: Nullable<boolean>;
  canSoftDeleteAllObjectRecords?: Nullable<boolean>;
  canDestroyAllObjectRecords?: Nullable<boolean>;
  canBeAssignedToUsers?: Nullable<boolean>;
  canBeAssignedToAgents?: Nullable<boolean>;
  canBeAssignedToApiKeys?: Nullable<boolean>;
}
export type UpdateRolePayload = Partial<Omit<CreateRoleInput, 'id' | 'label'>> & {
  label?: Nullable<string>;
};

export interface ObjectPermissionInput {
  objectMetadataId: string;
  canReadObjectRecords?: Nullable<boolean>;
  canUpdateObjectRecords?: Nullable<boolean>;
  canSoftDeleteObjectRecords?: Nullable<boolean>;
  canDestroyObjectRecords?: Nullable<boolean>;
}

export interface FieldPermissionInput {
  objectMetadataId: string;
  fieldMetadataId: string;
  canReadFieldValue?: Nullable<boolean>;
  canUpdateFieldValue?: Nullable<boolean>;
}

/** Twenty trims and collapses whitespace in label, description and icon. */
const clean = (value: Nullable<string>): string | null =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : null;

const writeWithoutRead = (values: RoleValues): boolean =>
  !values.canReadAllObjectRecords &&
  (values.canUpdateAllObjectRecords ||
    values.canSoftDeleteAllObjectRecords ||
    values.canDestroyAllObjectRecords);

const labelTaken = async (db: SqlExecutor, label: string, exceptId?: string) => {
  const other = await findRoleByLabel(db, label);
  return other !== null && other.id !== exceptId;
};

export const createRole = async (db: SqlEngine, input: CreateRoleInput): Promise<RoleRow> => {
  if (input.id !== undefined && input.id !== null && !UUID.test(input.id)) {
    throw invalidInput('id must be a UUID', 'INVALID_ARG');
  }
  const id = input.id ?? randomUUID();
  const values: RoleValues = {
    label: clean(input.label) ?? '',
    description: clean(input.description),
    icon: clean(input.icon),
    canUpdateAllSettings: input.canUpdateAllSettings ?? false,
    canAccessAllTools: input.canAccessAllTools ?? false,
    canReadAllObjectRecords: input.canReadAllObjectRecords ?? false,
    canUpdateAllObjectRecords: input.canUpdateAllObjectRecords ?? false,
    canSoftDeleteAllObjectRecords: input.canSoftDeleteAllObjectRecords ?? false,
    canDestroyAllObjectRecords: input.canDestroyAllObjectRecords ?? false,
    canBeAssignedToUsers: input.canBeAssignedToUsers ?? true,
    canBeAssignedToAgents: input.canBeAssignedToAgents ?? true,
    canBeAssignedToApiKeys: input.canBeAssignedToApiKeys ?? true,
  };
  return db.transaction(async (tx) => {
    const errors: EntityValidationError[] = [];
    if (await labelTaken(tx, values.label)) errors.push(ROLE_ERRORS.labelExists);
    if (writeWithoutRead(values)) errors.push(ROLE_ERRORS.writeWithoutRead);
    if (await getRole(tx, id)) errors.push(invalidArg(`Role with id ${id} already exists`));
    if (errors.length > 0) {
      throw new RoleValidationError(
        'create',
        { label: values.label, universalIdentifier: id },
        errors,
      );
    }
    return insertRole(tx, id, values);
  });
};

const invalidArg = (message: string): EntityValidationError => ({
  code: 'INVALID_ARG_PERMISSIONS',
  message,
  userFriendlyMessage:
    'Some of the information provided is invalid. Please check your input and try again.',
});

export const updateRole = async (
  db: SqlEngine,
  id: string,
  update: UpdateRolePayload,
): Promise<RoleRow> =>
  db.transaction(async (tx) => {
    const current = await getRole(tx, id);
    if (!current) throw roleNotFound();
    const errors: EntityValidationError[] = [];
    if (!current.isEditable) errors.push(ROLE_ERRORS.notEditable);
    const next: RoleValues = {
      label: current.label,
      description: current.description,
      icon: current.icon,
      ...Object.fromEntries(ROLE_BOOLEANS.map((name) => [name, current[name]])),
    } as RoleValues;
    if ('label' in update) {
      if (update.label === null || update.label === undefined)
        errors.push(ROLE_ERRORS.required('label'));
      else next.label = clean(update.label) ?? '';
    }
    if ('description' in update) next.description = clean(update.description);
    if ('icon' in update) next.icon = clean(update.icon);
    for (const name of ROLE_BOOLEANS) {
      if (!(name in update)) continue;
      const value = update[name];
      if (value === null || value === undefined) errors.push(ROLE_ERRORS.required(name));
      else next[name] = value;
    }
    if (next.label !== current.label && (await labelTaken(tx, next.label, id))) {
      errors.push(ROLE_ERRORS.labelExists);
    }
    if (writeWithoutRead(next)) errors.push(ROLE_ERRORS.writeWithoutRead);
    if (errors.length > 0) {
      throw new RoleValidationError(
        'update',
        { label: current.label, universalIdentifier: current.universalIdentifier ?? current.id },
        errors,
      );
    }
    return storeUpdateRole(tx, id, next);
  });

/** Deletes a role; its API keys move to the default role, which must accept API keys. */
export const deleteRole = async (db: SqlEngine, id: string): Promise<string> =>
  db.transaction(async (tx) => {
    const role = await getRole(tx, id);
    if (!role) throw roleNotFound();
    if (!role.isEditable) {
      throw new RoleValidationError(
        'delete',
        { label: role.label, universalIdentifier: role.universalIdentifier ?? role.id },
        [ROLE_ERRORS.notEditable],
      );
    }
    const defaultId = await defaultRoleId(tx);
    if (defaultId === role.id) throw defaultRoleCannotBeDeleted();
    const keys = await apiKeysOfRole(tx, role.id);
    if (keys.length > 0) {
      const fallback = defaultId ? await getRole(tx, defaultId) : null;
      if (!fallback?.canBeAssignedToApiKeys) throw roleHeldByApiKeys(role.label);
      await rebindApiKeys(tx, role.id, fallback.id);
    }
    await deleteRoleRow(tx, role.id);
    return role.id;
  });

/** A role that exists and may be edited (object/field/flag upserts: plain exceptions). */
const editableRole = async (db: SqlExecutor, roleId: string): Promise<RoleRow> => {
  const role = await getRole(db, roleId);
  if (!role) throw roleNotFound();
  if (!role.isEditable) throw roleNotEditable();
  return role;
};

type ObjectFlag = Exclude<keyof ObjectPermissionInput, 'objectMetadataId'>;
const OBJECT_FLAGS: readonly ObjectFlag[] = [
  'canReadObjectRecords',
  'canUpdateObjectRecords',
  'canSoftDeleteObjectRecords',
  'canDestroyObjectRecords',
];

/** Upserts the listed objects' overrides (omitted key = keep, null = inherit); returns their rows. */
export const upsertObjectPermissions = async (
  db: SqlEngine,
  state: MetadataState,
  roleId: string,
  inputs: readonly ObjectPermissionInput[],
): Promise<ObjectPermissionRow[]> =>
  db.transaction(async (tx) => {
    const role = await editableRole(tx, roleId);
    const existing = new Map(
      (await objectPermissionRows(tx, role.id)).map((row) => [row.objectMetadataId, row]),
    );
    const rows: Array<Omit<ObjectPermissionRow, 'id'>> = [];
    for (const input of inputs) {
      const object = state.objects.get(input.objectMetadataId);
      if (!object) throw objectMetadataNotFound();
      if (object.isSystem) throw systemObjectPermission('object');
      const before = existing.get(object.id);
      const row = { roleId: role.id, objectMetadataId: object.id } as Omit<
        ObjectPermissionRow,
        'id'
      >;
      for (const flag of OBJECT_FLAGS) {
        row[flag] = flag in input ? (input[flag] ?? null) : (before?.[flag] ?? null);
      }
      // Twenty (object-permission.service): readable = new ?? existing ?? role-wide.
      const readable =
        input.canReadObjectRecords ?? before?.canReadObjectRecords ?? role.canReadAllObjectRecords;
      const writes =
        row.canUpdateObjectRecords === true ||
        row.canSoftDeleteObjectRecords === true ||
        row.canDestroyObjectRecords === true;
      if (!readable && writes) throw writeOnNonReadableObject();
      rows.push(row);
    }
    const saved: ObjectPermissionRow[] = [];
    for (const row of rows) saved.push(await upsertObjectPermissionRow(tx, row));
    return saved;
  });

type FieldFlag = 'canReadFieldValue' | 'canUpdateFieldValue';
const FIELD_FLAGS: readonly FieldFlag[] = ['canReadFieldValue', 'canUpdateFieldValue'];

/**
 * Upserts field restrictions (false = restricted, null = none; both null deletes the row).
 * Restrictions on a relation are mirrored on its inverse field unless the input lists it.
 * Returns the role's field permissions afterwards.
 */
export const upsertFieldPermissions = async (
  db: SqlEngine,
  state: MetadataState,
  roleId: string,
  inputs: readonly FieldPermissionInput[],
): Promise<FieldPermissionRow[]> => {
  if (inputs.length === 0) {
    throw invalidInput('fieldPermissions must contain at least 1 elements', 'INVALID_ARG');
  }
  return db.transaction(async (tx) => {
    const role = await editableRole(tx, roleId);
    const existing = new Map(
      (await fieldPermissionRows(tx, role.id)).map((row) => [row.fieldMetadataId, row]),
    );
    const listed = new Set(inputs.map((input) => input.fieldMetadataId));
    const work: FieldPermissionInput[] = [];
    for (const input of inputs) {
      for (const flag of FIELD_FLAGS) {
        if (input[flag] === true) throw onlyFieldRestrictionAllowed();
      }
      const object = state.objects.get(input.objectMetadataId);
      if (!object) throw objectMetadataNotFound();
      const field = state.fields.get(input.fieldMetadataId);
      if (!field || field.objectMetadataId !== object.id) throw fieldMetadataNotFound();
      if (object.isSystem) throw systemObjectPermission('field');
      work.push(input);
      const inverseId = field.relationTargetFieldMetadataId;
      const inverse = inverseId ? state.fields.get(inverseId) : undefined;
      if (inverse && !listed.has(inverse.id)) {
        listed.add(inverse.id);
        const mirrored: FieldPermissionInput = {
          objectMetadataId: inverse.objectMetadataId,
          fieldMetadataId: inverse.id,
        };
        for (const flag of FIELD_FLAGS) if (flag in input) mirrored[flag] = input[flag];
        work.push(mirrored);
      }
    }
    for (const input of work) {
      const before = existing.get(input.fieldMetadataId);
      const next = {} as Record<FieldFlag, boolean | null>;
      for (const flag of FIELD_FLAGS) {
        next[flag] = flag in input ? (input[flag] ?? null) : (before?.[flag] ?? null);
      }
      if (next.canReadFieldValue === null && next.canUpdateFieldValue === null) {
        if (before) await deleteFieldPermissionRow(tx, role.id, input.fieldMetadataId);
        continue;
      }
      await upsertFieldPermissionRow(tx, {
        roleId: role.id,
        objectMetadataId: input.objectMetadataId,
        fieldMetadataId: input.fieldMetadataId,
        ...next,
      });
    }
    return fieldPermissionRows(tx, role.id);
  });
};

/** Sets the role's flags to exactly `keys`; returns the role's flags. */
export const upsertPermissionFlags = async (
  db: SqlEngine,
  roleId: string,
  keys: readonly string[],
): Promise<PermissionFlagRow[]> =>
  db.transaction(async (tx) => {
    const role = await editableRole(tx, roleId);
    for (const key of keys) {
      if (!PERMISSION_FLAG_KEYS.has(key)) {
        throw invalidInput(
          'Invalid permission setting (unknown value)',
          'INVALID_SETTING_PERMISSIONS',
        );
      }
    }
    await replacePermissionFlags(tx, role.id, [...new Set(keys)]);
    return permissionFlagRows(tx, role.id);
  });
