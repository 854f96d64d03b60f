import { join } from 'node:path';
import { openPgliteEngine } from './pglite-engine';
import { openPostgresEngine } from './postgres-engine';
import type { SqlEngine } from './sql-engine';

export interface StorageOptions {
  dataDir: string;
  databaseUrl?: string;
}

export const openEngine = ({ dataDir, databaseUrl }: StorageOptions): Promise<SqlEngine> =>
  databaseUrl ? openPostgresEngine(databaseUrl) : openPgliteEngine(join(dataDir, 'pgdata'));
