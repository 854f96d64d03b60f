import { ensurePermissionTables } from '../permissions/permission-tables';
import type { SqlExecutor } from '../storage/sql-engine';
import { ensureViewTables } from '../views/view-store';
import { UNACCENT_FUNCTION_SQL } from './search-vector';
import { ensureFeatureFlagTable } from '../workspace/feature-flags';

/** Search vectors call `public.unaccent_immutable`, as Twenty's do; made once per database. */
const ensureUnaccent = async (db: SqlExecutor): Promise<void> => {
  const { rows } = await db.query<{ present: boolean }>(
    `SELECT to_regprocedure('public.unaccent_immutable(text)') IS NOT NULL AS "present"`,
  );
  if (rows[0]?.present) return;
  try {
    for (const statement of UNACCENT_FUNCTION_SQL) await db.query(statement);
  } catch (error) {
    throw new Error(
      `Could not install the unaccent extension that search needs (${(error as Error).message}). ` +
        'On PostgreSQL, connect as a user that may CREATE EXTENSION in this database.',
      { cause: error },
    );
  }
};

/**
 * The `core` schema: workspace, data-model metadata, API keys and roles, stored like Twenty's
 * core tables (camelCase quoted columns). Workspace records live in `workspace_<id base36>`.
 */
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS core`,
  `CREATE TABLE IF NOT EXISTS core."workspace" (
    "id" uuid PRIMARY KEY,
    "displayName" text NOT NULL,
    "dataSchema" text NOT NULL,
    "standardApplicationId" uuid NOT NULL,
    "customApplicationId" uuid NOT NULL,
    "metadataVersion" integer NOT NULL DEFAULT 1,
    "jwtSecret" text NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS core."objectMetadata" (
    "id" uuid PRIMARY KEY,
    "universalIdentifier" uuid NOT NULL,
    "standardId" uuid,
    "nameSingular" text NOT NULL UNIQUE,
    "namePlural" text NOT NULL UNIQUE,
    "labelSingular" text NOT NULL,
    "labelPlural" text NOT NULL,
    "description" text,
    "icon" text,
    "shortcut" text,
    "color" text,
    "isCustom" boolean NOT NULL,
    "isRemote" boolean NOT NULL DEFAULT false,
    "isActive" boolean NOT NULL DEFAULT true,
    "isSystem" boolean NOT NULL DEFAULT false,
    "isUIReadOnly" boolean NOT NULL DEFAULT false,
    "isSearchable" boolean NOT NULL DEFAULT false,
    "isLabelSyncedWithName" boolean NOT NULL DEFAULT false,
    "labelIdentifierFieldMetadataId" uuid,
    "imageIdentifierFieldMetadataId" uuid,
    "duplicateCriteria" jsonb,
    "openRecordIn" text NOT NULL DEFAULT 'SIDE_PANEL',
    "applicationId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS core."fieldMetadata" (
    "id" uuid PRIMARY KEY,
    "universalIdentifier" uuid NOT NULL,
    "standardId" uuid,
    "objectMetadataId" uuid NOT NULL REFERENCES core."objectMetadata"("id") ON DELETE CASCADE,
    "type" text NOT NULL,
    "name" text NOT NULL,
    "label" text NOT NULL,
    "description" text,
    "icon" text,
    "isCustom" boolean NOT NULL,
    "isActive" boolean NOT NULL DEFAULT true,
    "isSystem" boolean NOT NULL DEFAULT false,
    "isUIReadOnly" boolean NOT NULL DEFAULT false,
    "isNullable" boolean NOT NULL DEFAULT true,
    "isUnique" boolean NOT NULL DEFAULT false,
    "isLabelSyncedWithName" boolean NOT NULL DEFAULT false,
    "defaultValue" jsonb,
    "options" jsonb,
    "settings" jsonb,
    "relationTargetFieldMetadataId" uuid,
    "relationTargetObjectMetadataId" uuid,
    "morphId" uuid,
    "applicationId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL,
    UNIQUE ("objectMetadataId", "name")
  )`,
  `CREATE TABLE IF NOT EXISTS core."indexMetadata" (
    "id" uuid PRIMARY KEY,
    "objectMetadataId" uuid NOT NULL REFERENCES core."objectMetadata"("id") ON DELETE CASCADE,
    "name" text NOT NULL,
    "isUnique" boolean NOT NULL DEFAULT false,
    "isCustom" boolean NOT NULL DEFAULT false,
    "indexWhereClause" text,
    "indexType" text NOT NULL DEFAULT 'BTREE',
    "fields" jsonb NOT NULL,
    "createdAt" timestamptz NOT NULL,
    "updatedAt" timestamptz NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS core."role" (
    "id" uuid PRIMARY KEY,
    "label" text NOT NULL,
    "description" text,
    "icon" text,
    "isEditable" boolean NOT NULL DEFAULT true,
    "canBeAssignedToUsers" boolean NOT NULL DEFAULT true,
    "canBeAssignedToAgents" boolean NOT NULL DEFAULT false,
    "canBeAssignedToApiKeys" boolean NOT NULL DEFAULT true,
    "canUpdateAllSettings" boolean NOT NULL DEFAULT false,
    "canAccessAllTools" boolean NOT NULL DEFAULT false,
    "canReadAllObjectRecords" boolean NOT NULL DEFAULT false,
    "canUpdateAllObjectRecords" boolean NOT NULL DEFAULT false,
    "canSoftDeleteAllObjectRecords" boolean NOT NULL DEFAULT false,
    "canDestroyAllObjectRecords" boolean NOT NULL DEFAULT false,
    "universalIdentifier" uuid,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS core."apiKey" (
    "id" uuid PRIMARY KEY,
    "name" text NOT NULL,
    "expiresAt" timestamptz NOT NULL,
    "revokedAt" timestamptz,
    "roleId" uuid REFERENCES core."role"("id"),
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now()
  )`,
];

export const ensureCoreSchema = async (db: SqlExecutor): Promise<void> => {
  await ensureUnaccent(db);
  for (const statement of STATEMENTS) await db.query(statement);
  await ensureFeatureFlagTable(db);
  await ensurePermissionTables(db);
  await ensureViewTables(db);
};
