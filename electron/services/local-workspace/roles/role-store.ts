import { ROLE_BOOLEANS, type RoleBoolean } from '../../../../shared/access/role-rules';
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../storage/sql-engine';
import { MEMBER_ROLE_UNIVERSAL_IDENTIFIER } from './standard-roles';

/**
 * Storage of roles and their permission rows: `core."role"`, `core."objectPermission"`,
 * `core."fieldPermission"`, `core."permissionFlag"` (docs/twenty-permissions.md §1). No rules
 * here; role-operations.ts validates before writing.
 */
export { ROLE_BOOLEANS, type RoleBoolean };

export type RoleRow = {
  id: string;
  universalIdentifier: string | null;
  label: string;
  description: string | null;
  icon: string | null;
  isEditable: boolean;
  createdAt: string;
  updatedAt: string;
} & Record<RoleBoolean, boolean>;

export type RoleValues = Pick<RoleRow, 'label' | 'description' | 'icon' | RoleBoolean>;

export interface ObjectPermissionRow {
  id: string;
  roleId: string;
  objectMetadataId: string;
  canReadObjectRecords: boolean | null;
  canUpdateObjectRecords: boolean | null;
  canSoftDeleteObjectRecords: boolean | null;
  canDestroyObjectRecords: boolean | null;
}

export interface FieldPermissionRow {
  id: string;
  roleId: string;
  objectMetadataId: string;
  fieldMetadataId: string;
  canReadFieldValue: boolean | null;
  canUpdateFieldValue: boolean | null;
}

export interface PermissionFlagRow {
  id: string;
  roleId: string;
  flag: string;
}

export interface ApiKeyOfRole {
  id: string;
  name: string;
  expiresAt: string;
  revokedAt: string | null;
}

const iso = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : (value instanceof Date ? value : new Date(String(value))).toISOString();

const toRoleRow = (row: Record<string, unknown>): RoleRow =>
  ({ ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) }) as RoleRow;

const VALUE_COLUMNS = ['label', 'description', 'icon', ...ROLE_BOOLEANS] as const;
const columnList = VALUE_COLUMNS.map((column) => `"${column}"`).join(', ');

export const listRoles = async (db: SqlExecutor): Promise<RoleRow[]> =>
  (
    await db.query<Record<string, unknown>>(`SELECT * FROM core."role" ORDER BY "label", "id"`)
  ).rows.map(toRoleRow);

/** The role with this id; ids that are not UUIDs simply find nothing. */
export const getRole = async (db: SqlExecutor, id: string): Promise<RoleRow | null> => {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM core."role" WHERE "id"::text = $1`,
    [id],
  );
  return rows[0] ? toRoleRow(rows[0]) : null;
};

export const findRoleByLabel = async (db: SqlExecutor, label: string): Promise<RoleRow | null> => {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM core."role" WHERE "label" = $1 LIMIT 1`,
    [label],
  );
  return rows[0] ? toRoleRow(rows[0]) : null;
};

/** The workspace default role (Member): marked by its identifier, else (older data dirs) by label. */
export const defaultRoleId = async (db: SqlExecutor): Promise<string | null> => {
  const { rows } = await db.query<{ id: string }>(
    `SELECT "id" FROM core."role"
      WHERE "universalIdentifier" = $1 OR ("universalIdentifier" IS NULL AND "label" = 'Member' AND "isEditable")
      ORDER BY ("universalIdentifier" IS NULL), "createdAt" LIMIT 1`,
    [MEMBER_ROLE_UNIVERSAL_IDENTIFIER],
  );
  return rows[0]?.id ?? null;
};

export const insertRole = async (
  db: SqlExecutor,
  id: string,
  values: RoleValues,
): Promise<RoleRow> => {
  const params = VALUE_COLUMNS.map((column) => values[column]);
  const placeholders = params.map((_, index) => `$${index + 2}`).join(', ');
  const { rows } = await db.query<Record<string, unknown>>(
    `INSERT INTO core."role" ("id", "universalIdentifier", "isEditable", ${columnList})
     VALUES ($1, $1, true, ${placeholders}) RETURNING *`,
    [id, ...params],
  );
  return toRoleRow(rows[0]!);
};

export const updateRole = async (
  db: SqlExecutor,
  id: string,
  values: RoleValues,
): Promise<RoleRow> => {
  const params = VALUE_COLUMNS.map((column) => values[column]);
  const assignments = VALUE_COLUMNS.map((column, index) => `"${column}" = $${index + 2}`).join(
    ', ',
  );
  const { rows } = await db.query<Record<string, unknown>>(
    `UPDATE core."role" SET ${assignments}, "updatedAt" = now() WHERE "id" = $1 RETURNING *`,
    [id, ...params],
  );
  return toRoleRow(rows[0]!);
};

export const deleteRoleRow = async (db: SqlExecutor, id: string): Promise<void> => {
  await db.query(`DELETE FROM core."role" WHERE "id" = $1`, [id]);
};

export const objectPermissionRows = async (
  db: SqlExecutor,
  roleId: string,
): Promise<ObjectPermissionRow[]> =>
  (
    await db.query<ObjectPermissionRow>(
      `SELECT "id", "roleId", "objectMetadataId", "canReadObjectRecords", "canUpdateObjectRecords",
              "canSoftDeleteObjectRecords", "canDestroyObjectRecords"
         FROM core."objectPermission" WHERE "roleId" = $1 ORDER BY "createdAt", "id"`,
      [roleId],
    )
  ).rows;

export const upsertObjectPermissionRow = async (
  db: SqlExecutor,
  row: Omit<ObjectPermissionRow, 'id'>,
): Promise<ObjectPermissionRow> =>
  (
    await db.query<ObjectPermissionRow>(
      `INSERT INTO core."objectPermission" ("id", "roleId", "objectMetadataId", "canReadObjectRecords",
              "canUpdateObjectRecords", "canSoftDeleteObjectRecords", "canDestroyObjectRecords")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("roleId", "objectMetadataId") DO UPDATE SET
         "canReadObjectRecords" = EXCLUDED."canReadObjectRecords",
         "canUpdateObjectRecords" = EXCLUDED."canUpdateObjectRecords",
         "canSoftDeleteObjectRecords" = EXCLUDED."canSoftDeleteObjectRecords",
         "canDestroyObjectRecords" = EXCLUDED."canDestroyObjectRecords",
         "updatedAt" = now()
       RETURNING "id", "roleId", "objectMetadataId", "canReadObjectRecords", "canUpdateObjectRecords",
                 "canSoftDeleteObjectRecords", "canDestroyObjectRecords"`,
      [
        randomUUID(),
        row.roleId,
        row.objectMetadataId,
        row.canReadObjectRecords,
        row.canUpdateObjectRecords,
        row.canSoftDeleteObjectRecords,
        row.canDestroyObjectRecords,
      ],
    )
  ).rows[0]!;

export const fieldPermissionRows = async (
  db: SqlExecutor,
  roleId: string,
): Promise<FieldPermissionRow[]> =>
  (
    await db.query<FieldPermissionRow>(
      `SELECT "id", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue"
         FROM core."fieldPermission" WHERE "roleId" = $1 ORDER BY "createdAt", "id"`,
      [roleId],
    )
  ).rows;

export const upsertFieldPermissionRow = async (
  db: SqlExecutor,
  row: Omit<FieldPermissionRow, 'id'>,
): Promise<void> => {
  await db.query(
    `INSERT INTO core."fieldPermission" ("id", "roleId", "objectMetadataId", "fieldMetadataId", "canReadFieldValue", "canUpdateFieldValue")
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ("roleId", "fieldMetadataId") DO UPDATE SET
       "objectMetadataId" = EXCLUDED."objectMetadataId",
       "canReadFieldValue" = EXCLUDED."canReadFieldValue",
       "canUpdateFieldValue" = EXCLUDED."canUpdateFieldValue",
       "updatedAt" = now()`,
    [
      randomUUID(),
      row.roleId,
      row.objectMetadataId,
      row.fieldMetadataId,
      row.canReadFieldValue,
      row.canUpdateFieldValue,
    ],
  );
};

export const deleteFieldPermissionRow = async (
  db: SqlExecutor,
  roleId: string,
  fieldMetadataId: string,
): Promise<void> => {
  await db.query(
    `DELETE FROM core."fieldPermission" WHERE "roleId" = $1 AND "fieldMetadataId" = $2`,
    [roleId, fieldMetadataId],
  );
};

export const permissionFlagRows = async (
  db: SqlExecutor,
  roleId: string,
): Promise<PermissionFlagRow[]> =>
  (
    await db.query<PermissionFlagRow>(
      `SELECT "id", "roleId", "flag" FROM core."permissionFlag" WHERE "roleId" = $1 ORDER BY "flag"`,
      [roleId],
    )
  ).rows;

/** Replaces the role's flags by exactly `flags`. */
export const replacePermissionFlags = async (
  db: SqlExecutor,
  roleId: string,
  flags: readonly string[],
): Promise<void> => {
  await db.query(
    `DELETE FROM core."permissionFlag" WHERE "roleId" = $1 AND NOT ("flag" = ANY($2::text[]))`,
    [roleId, flags],
  );
  for (const flag of flags) {
    await db.query(
      `INSERT INTO core."permissionFlag" ("id", "roleId", "flag") VALUES ($1, $2, $3)
       ON CONFLICT ("roleId", "flag") DO NOTHING`,
      [randomUUID(), roleId, flag],
    );
  }
};

/** Keys bound to the role; `revoked` chooses revoked keys (true), live ones (false) or all. */
export const apiKeysOfRole = async (
  db: SqlExecutor,
  roleId: string,
  revoked?: boolean,
): Promise<ApiKeyOfRole[]> => {
  const filter =
    revoked === undefined
      ? ''
      : revoked
        ? 'AND "revokedAt" IS NOT NULL'
        : 'AND "revokedAt" IS NULL';
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT "id", "name", "expiresAt", "revokedAt" FROM core."apiKey" WHERE "roleId" = $1 ${filter}
      ORDER BY "createdAt", "id"`,
    [roleId],
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    expiresAt: iso(row.expiresAt)!,
    revokedAt: iso(row.revokedAt),
  }));
};

export const rebindApiKeys = async (db: SqlExecutor, fromRoleId: string, toRoleId: string) => {
  await db.query(
    `UPDATE core."apiKey" SET "roleId" = $2, "updatedAt" = now() WHERE "roleId" = $1`,
    [fromRoleId, toRoleId],
  );
};
