import type { SqlExecutor } from '../storage/sql-engine';
import type { RoleWidePermissions } from '../../../../shared/access/role-rules';

/**
 * A role's permissions as stored (docs/twenty-permissions.md §1), read in one place for the
 * enforcement on core REST/GraphQL (`permissions/`). Pure reader: no defaults are applied here —
 * combining overrides with the role-wide switches (override ?? role-wide, system objects,
 * workflow/workspaceMember rules) is the caller's job (§1.2).
 */

export type { RoleWidePermissions };

/** A per-object override (§1.2): `null` = inherit the role-wide switch; non-null overrides it. */
export interface ObjectPermissionOverride {
  objectMetadataId: string;
  canReadObjectRecords: boolean | null;
  canUpdateObjectRecords: boolean | null;
  canSoftDeleteObjectRecords: boolean | null;
  canDestroyObjectRecords: boolean | null;
}

/** A per-field restriction (§1.3): `false` = restricted, `null` = no restriction (never `true`). */
export interface FieldRestriction {
  objectMetadataId: string;
  fieldMetadataId: string;
  canReadFieldValue: false | null;
  canUpdateFieldValue: false | null;
}

export interface RolePermissions {
  roleId: string;
  label: string;
  isEditable: boolean;
  roleWide: RoleWidePermissions;
  /** Keyed by objectMetadataId. */
  objectPermissions: ReadonlyMap<string, ObjectPermissionOverride>;
  /** Keyed by fieldMetadataId. */
  fieldRestrictions: ReadonlyMap<string, FieldRestriction>;
  /** Permission flag keys assigned to the role one by one (e.g. `ROLES`, `DATA_MODEL`). */
  permissionFlags: ReadonlySet<string>;
}

interface RoleRow extends RoleWidePermissions {
  id: string;
  label: string;
  isEditable: boolean;
}

interface ObjectPermissionRow {
  objectMetadataId: string;
  canReadObjectRecords: boolean | null;
  canUpdateObjectRecords: boolean | null;
  canSoftDeleteObjectRecords: boolean | null;
  canDestroyObjectRecords: boolean | null;
}

interface FieldPermissionRow {
  objectMetadataId: string;
  fieldMetadataId: string;
  canReadFieldValue: boolean | null;
  canUpdateFieldValue: boolean | null;
}

/** A stored `true` cannot come through our API; read it as "no restriction" should one exist. */
const restriction = (value: boolean | null): false | null => (value === false ? false : null);

/** The role's permissions, or null when no role has this id. */
export const loadRolePermissions = async (
  db: SqlExecutor,
  roleId: string,
): Promise<RolePermissions | null> => {
  const roles = await db.query<RoleRow>(
    `SELECT "id", "label", "isEditable", "canUpdateAllSettings", "canAccessAllTools", "canReadAllObjectRecords",
            "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords"
       FROM core."role" WHERE "id"::text = $1`,
    [roleId],
  );
  const role = roles.rows[0];
  if (!role) return null;
  const [objects, fields, flags] = await Promise.all([
    db.query<ObjectPermissionRow>(
      `SELECT "objectMetadataId", "canReadObjectRecords", "canUpdateObjectRecords", "canSoftDeleteObjectRecords", "canDestroyObjectRecords"
         FROM core."objectPermission" WHERE "roleId" = $1`,
      [role.id],
    ),
    db.query<FieldPermissionRow>(
      `SELECT "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue"
         FROM core."fieldPermission" WHERE "roleId" = $1`,
      [role.id],
    ),
    db.query<{ flag: string }>(`SELECT "flag" FROM core."permissionFlag" WHERE "roleId" = $1`, [
      role.id,
    ]),
  ]);
  return {
    roleId: role.id,
    label: role.label,
    isEditable: role.isEditable,
    roleWide: {
      canUpdateAllSettings: role.canUpdateAllSettings,
      canAccessAllTools: role.canAccessAllTools,
      canReadAllObjectRecords: role.canReadAllObjectRecords,
      canUpdateAllObjectRecords: role.canUpdateAllObjectRecords,
      canSoftDeleteAllObjectRecords: role.canSoftDeleteAllObjectRecords,
      canDestroyAllObjectRecords: role.canDestroyAllObjectRecords,
    },
    objectPermissions: new Map(
      objects.rows.map((row) => [
        row.objectMetadataId,
        {
          objectMetadataId: row.objectMetadataId,
          canReadObjectRecords: row.canReadObjectRecords,
          canUpdateObjectRecords: row.canUpdateObjectRecords,
          canSoftDeleteObjectRecords: row.canSoftDeleteObjectRecords,
          canDestroyObjectRecords: row.canDestroyObjectRecords,
        },
      ]),
    ),
    fieldRestrictions: new Map(
      fields.rows.map((row) => [
        row.fieldMetadataId,
        {
          objectMetadataId: row.objectMetadataId,
          fieldMetadataId: row.fieldMetadataId,
          canReadFieldValue: restriction(row.canReadFieldValue),
          canUpdateFieldValue: restriction(row.canUpdateFieldValue),
        },
      ]),
    ),
    permissionFlags: new Set(flags.rows.map((row) => row.flag)),
  };
};
