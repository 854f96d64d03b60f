import type { SqlExecutor } from '../storage/sql-engine';

/**
 * Workspace feature flags, stored as Twenty stores them (`core."featureFlag"`: key, value). A new
 * workspace starts with Twenty's DEFAULT_FEATURE_FLAGS (workspace-manager/constants: the metadata
 * REST API's "new format direct" envelope); a key never set reads as its default.
 */
export const FEATURE_FLAG_DEFAULTS: Readonly<Record<string, boolean>> = {
  IS_REST_METADATA_API_NEW_FORMAT_DIRECT: true,
};

export const ensureFeatureFlagTable = (db: SqlExecutor) =>
  db.query(`CREATE TABLE IF NOT EXISTS core."featureFlag" (
    "key" text PRIMARY KEY,
    "value" boolean NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now()
  )`);

export const readFeatureFlags = async (db: SqlExecutor): Promise<Map<string, boolean>> => {
  const { rows } = await db.query<{ key: string; value: boolean }>(
    `SELECT "key", "value" FROM core."featureFlag"`,
  );
  const flags = new Map(Object.entries(FEATURE_FLAG_DEFAULTS));
  for (const row of rows) flags.set(row.key, row.value);
  return flags;
};

export const isFeatureFlagEnabled = async (db: SqlExecutor, key: string): Promise<boolean> =>
  (await readFeatureFlags(db)).get(key) ?? false;

export const setFeatureFlag = (db: SqlExecutor, key: string, value: boolean) =>
  db.query(
    `INSERT INTO core."featureFlag" ("key", "value") VALUES ($1, $2)
     ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
    [key, value],
  );

/** `--feature-flag KEY=true|false` (repeatable). */
export const parseFeatureFlagArgs = (values: string[]): Array<[string, boolean]> =>
  values.map((raw) => {
    const match = /^([A-Z][A-Z0-9_]*)=(true|false)$/.exec(raw.trim());
    if (!match) throw new Error(`--feature-flag takes KEY=true or KEY=false, got "${raw}"`);
    return [match[1]!, match[2] === 'true'];
  });
