import { randomBytes, randomUUID } from 'node:crypto';
import {
  ADMIN_ROLE_UNIVERSAL_IDENTIFIER,
  MEMBER_ROLE_UNIVERSAL_IDENTIFIER,
} from './roles/standard-roles';
import { ensureTokenTables, neverExpires, TokenService } from './auth/api-key-tokens';
import { ensureCoreSchema } from './metadata/core-schema';
import { loadMetadataState, loadWorkspace } from './metadata/metadata-store';
import { MetadataService, persistDiff } from './metadata/metadata-service';
import {
  cloneState,
  type MetadataState,
  type ObjectRow,
  type WorkspaceRow,
} from './metadata/metadata-types';
import { planDdl } from './metadata/plan-ddl';
import { upgradeSearchVectors } from './metadata/search-vector';
import { setFeatureFlag } from './workspace/feature-flags';
import { insertRecords } from './records/insert-records';
import { buildStandardModel } from './seed/build-standard-model';
import { DEMO_DATA } from './seed/demo-data/index';
import { STANDARD_OBJECT_DEFINITIONS } from './seed/standard-objects/index';
import { quoteIdentifier, type SqlEngine } from './storage/sql-engine';
import { addMissingIndexViews } from './views/index-view';
import { emptyViewState } from './views/view-types';

/**
 * Opens (or creates and seeds) the single workspace that a data dir / database holds.
 * Creation runs in one transaction: a crash mid-seed leaves nothing half-made.
 */
export interface OpenedWorkspace {
  workspace: WorkspaceRow;
  metadata: MetadataService;
  tokens: TokenService;
  /** Set only when this call created the workspace and minted its first key. */
  initialApiKeyToken: string | null;
}

export interface BootstrapOptions {
  displayName?: string;
  seedDemoData?: boolean;
  /** Feature flags to set (`--feature-flag`); others keep their value or Twenty's default. */
  featureFlags?: Array<[string, boolean]>;
}

/** Twenty names a workspace schema `workspace_<id as base 36>`. */
export const dataSchemaName = (workspaceId: string): string =>
  `workspace_${BigInt(`0x${workspaceId.replace(/-/g, '')}`).toString(36)}`;

export const ADMIN_ROLE_LABEL = 'Admin';

const STANDARD_SEARCH_FIELDS = new Map(
  STANDARD_OBJECT_DEFINITIONS.map((definition) => [
    definition.nameSingular,
    definition.searchFields,
  ]),
);
const declaredSearchFields = (object: ObjectRow) =>
  object.isCustom ? undefined : STANDARD_SEARCH_FIELDS.get(object.nameSingular);

export const openWorkspace = async (
  engine: SqlEngine,
  options: BootstrapOptions = {},
): Promise<OpenedWorkspace> => {
  await ensureCoreSchema(engine);
  let row = await loadWorkspace(engine);
  let initialApiKeyToken: string | null = null;
  let adminKeyId: string | null = null;
  if (!row) {
    const created = await createWorkspace(engine, options);
    row = created.row;
    adminKeyId = created.adminKeyId;
  }
  await ensureTokenTables(engine);
  for (const [key, value] of options.featureFlags ?? []) await setFeatureFlag(engine, key, value);
  const { jwtSecret, ...workspace } = row;
  const tokens = new TokenService(engine, workspace.id, jwtSecret);
  if (adminKeyId) initialApiKeyToken = await tokens.signApiKeyToken(adminKeyId, neverExpires());
  const state = await loadMetadataState(engine, workspace);
  const metadata = new MetadataService(engine, state);
  if (upgradeSearchVectors(cloneState(state), '', declaredSearchFields) > 0)
    await metadata.mutate((draft, now) => upgradeSearchVectors(draft, now, declaredSearchFields), {
      bumpVersion: false,
    });
  // Data made before views were stored gets the INDEX views Twenty would have created.
  if (state.views.views.size === 0)
    await metadata.mutate((draft, now) => addMissingIndexViews(draft, now), { bumpVersion: false });
  return { workspace, metadata, tokens, initialApiKeyToken };
};

const createWorkspace = async (engine: SqlEngine, options: BootstrapOptions) => {
  const id = randomUUID();
  const now = new Date().toISOString();
  const row: WorkspaceRow & { jwtSecret: string } = {
    id,
    displayName: options.displayName ?? 'Local workspace',
    dataSchema: dataSchemaName(id),
    standardApplicationId: randomUUID(),
    customApplicationId: randomUUID(),
    metadataVersion: 1,
    createdAt: now,
    jwtSecret: randomBytes(32).toString('hex'),
  };
  const empty: MetadataState = {
    workspace: row,
    objects: new Map(),
    fields: new Map(),
    indexes: new Map(),
    views: emptyViewState(),
  };
  const seeded = cloneState(empty);
  buildStandardModel(seeded, STANDARD_OBJECT_DEFINITIONS, now);
  addMissingIndexViews(seeded, now);
  const adminKeyId = randomUUID();
  await engine.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO core."workspace" ("id", "displayName", "dataSchema", "standardApplicationId", "customApplicationId", "metadataVersion", "jwtSecret", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        row.id,
        row.displayName,
        row.dataSchema,
        row.standardApplicationId,
        row.customApplicationId,
        row.metadataVersion,
        row.jwtSecret,
        now,
      ],
    );
    await tx.query(`CREATE SCHEMA ${quoteIdentifier(row.dataSchema)}`);
    await tx.query(`SET LOCAL search_path TO ${quoteIdentifier(row.dataSchema)}, public`);
    await persistDiff(tx, empty, seeded);
    for (const statement of planDdl(empty, seeded)) await tx.query(statement);
    const adminRoleId = randomUUID();
    await tx.query(
      `INSERT INTO core."role" ("id", "label", "description", "icon", "isEditable", "canBeAssignedToUsers", "canBeAssignedToAgents", "canBeAssignedToApiKeys",
        "canUpdateAllSettings", "canAccessAllTools", "canReadAllObjectRecords", "canUpdateAllObjectRecords", "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords", "universalIdentifier")
       VALUES ($1, $2, 'Admin role', 'IconUserCog', false, true, false, true, true, true, true, true, true, true, $4),
              ($3, 'Member', 'Member role', 'IconUser', true, true, false, false, false, true, true, true, true, true, $5)`,
      [
        adminRoleId,
        ADMIN_ROLE_LABEL,
        randomUUID(),
        ADMIN_ROLE_UNIVERSAL_IDENTIFIER,
        MEMBER_ROLE_UNIVERSAL_IDENTIFIER,
      ],
    );
    await tx.query(
      `INSERT INTO core."apiKey" ("id", "name", "expiresAt", "roleId") VALUES ($1, $2, $3, $4)`,
      [adminKeyId, 'Atelier local admin', neverExpires().toISOString(), adminRoleId],
    );
    if (options.seedDemoData !== false) {
      for (const { object, records } of DEMO_DATA) await insertRecords(tx, seeded, object, records);
    }
  });
  return { row, adminKeyId };
};
