import type { SqlExecutor } from '../storage/sql-engine';

/**
 * Twenty's permission rows (docs/twenty-permissions.md §1): per-object overrides of a role's
 * role-wide switches (null = inherit), per-field restrictions (false = restricted, null = none),
 * and permission flags granted one by one. Same tables and columns as Twenty's core schema.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS core."objectPermission" (
    "id" uuid PRIMARY KEY,
    "roleId" uuid NOT NULL REFERENCES core."role"("id") ON DELETE CASCADE,
    "objectMetadataId" uuid NOT NULL,
    "canReadObjectRecords" boolean,
    "canUpdateObjectRecords" boolean,
    "canSoftDeleteObjectRecords" boolean,
    "canDestroyObjectRecords" boolean,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    UNIQUE ("roleId", "objectMetadataId")
  )`,
  `CREATE TABLE IF NOT EXISTS core."fieldPermission" (
    "id" uuid PRIMARY KEY,
    "roleId" uuid NOT NULL REFERENCES core."role"("id") ON DELETE CASCADE,
    "objectMetadataId" uuid NOT NULL,
    "fieldMetadataId" uuid NOT NULL,
    "canReadFieldValue" boolean,
    "canUpdateFieldValue" boolean,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    UNIQUE ("roleId", "fieldMetadataId")
  )`,
  `CREATE TABLE IF NOT EXISTS core."permissionFlag" (
    "id" uuid PRIMARY KEY,
    "roleId" uuid NOT NULL REFERENCES core."role"("id") ON DELETE CASCADE,
    "flag" text NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    UNIQUE ("roleId", "flag")
  )`,
];

export const ensurePermissionTables = async (db: SqlExecutor): Promise<void> => {
  for (const statement of STATEMENTS) await db.query(statement);
};
