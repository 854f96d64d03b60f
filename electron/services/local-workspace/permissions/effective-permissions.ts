import { isManyToOne, joinColumnNameOf } from '../metadata/field-columns';
import type { FieldRow, MetadataState } from '../metadata/metadata-types';
import type { RolePermissions } from '../roles/role-permissions';
import { appliesFieldPermissions, objectRecordAccess } from '../../../../shared/access/role-rules';

/**
 * What a role may do with each object and field, computed as Twenty does
 * (`compute-object-record-permissions.util.ts`, `implicit-object-permission-rules.constant.ts`;
 * docs/twenty-permissions.md §1.2–§1.3). Pure: a role's stored permissions
 * (`roles/role-permissions.ts`) + the data model in, a lookup out.
 */
export interface FieldAccess {
  read: boolean;
  update: boolean;
}

export interface ObjectAccess {
  read: boolean;
  update: boolean;
  softDelete: boolean;
  destroy: boolean;
  /** Only restricted fields are listed (by field name); absent = full access. */
  restrictedFields: ReadonlyMap<string, FieldAccess>;
  /** A many-to-one's join column (`companyId`) → its relation field's name (`company`). */
  joinColumns: ReadonlyMap<string, string>;
}

export interface EffectivePermissions {
  /** True when every object and field is fully allowed: callers skip all checks. */
  unrestricted: boolean;
  object: (objectMetadataId: string) => ObjectAccess;
}

const NO_FIELDS: ReadonlyMap<string, FieldAccess> = new Map();
const DENIED: ObjectAccess = {
  read: false,
  update: false,
  softDelete: false,
  destroy: false,
  restrictedFields: NO_FIELDS,
  joinColumns: new Map(),
};

const objectLevel = (
  grants: RolePermissions,
  object: { id: string; nameSingular: string; isSystem: boolean },
): Pick<ObjectAccess, 'read' | 'update' | 'softDelete' | 'destroy'> => {
  const { read, update, softDelete, destroy } = objectRecordAccess(
    grants.roleWide,
    grants.permissionFlags,
    grants.objectPermissions.get(object.id),
    object,
  );
  return { read, update, softDelete, destroy };
};

export const computeEffectivePermissions = (
  grants: RolePermissions,
  state: MetadataState,
): EffectivePermissions => {
  const byObject = new Map<string, ObjectAccess>();
  const fieldsByObject = new Map<string, FieldRow[]>();
  for (const field of state.fields.values())
    fieldsByObject.set(field.objectMetadataId, [
      ...(fieldsByObject.get(field.objectMetadataId) ?? []),
      field,
    ]);
  let unrestricted = true;
  for (const object of state.objects.values()) {
    const level = objectLevel(grants, object);
    const restrictedFields = new Map<string, FieldAccess>();
    const joinColumns = new Map<string, string>();
    for (const field of fieldsByObject.get(object.id) ?? []) {
      if (isManyToOne(field)) joinColumns.set(joinColumnNameOf(field), field.name);
      // Workflow objects do not apply field permissions (appliesFieldPermissions: false).
      if (!appliesFieldPermissions(object.nameSingular)) continue;
      const restriction = grants.fieldRestrictions.get(field.id);
      if (!restriction) continue;
      const access = {
        read: restriction.canReadFieldValue !== false,
        update: restriction.canUpdateFieldValue !== false,
      };
      if (!access.read || !access.update) restrictedFields.set(field.name, access);
    }
    const access = { ...level, restrictedFields, joinColumns };
    if (
      !level.read ||
      !level.update ||
      !level.softDelete ||
      !level.destroy ||
      restrictedFields.size
    )
      unrestricted = false;
    byObject.set(object.id, access);
  }
  return { unrestricted, object: (objectId) => byObject.get(objectId) ?? DENIED };
};

/** The field a record key stands for: itself, or the relation whose join column it is. */
export const fieldNameOfKey = (access: ObjectAccess, key: string): string =>
  access.joinColumns.get(key) ?? key;

export const canReadField = (access: ObjectAccess, key: string): boolean =>
  access.restrictedFields.get(fieldNameOfKey(access, key))?.read ?? true;

export const canUpdateField = (access: ObjectAccess, key: string): boolean =>
  access.restrictedFields.get(fieldNameOfKey(access, key))?.update ?? true;
