import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../platform/keychain';
import {
  connectionSettingsSchema,
  keychainAccount,
  type StoredConnection,
} from '../services/workspaces/connection-settings';
import { SourceError } from './cli-errors';

/**
 * The app's saved connections, read (never written) from `<data dir>/settings.json`, with their
 * keys from the OS keychain under `connection:<id>`, as the app stores them.
 */
const readConnections = async (dataDir: string): Promise<StoredConnection[]> => {
  const path = join(dataDir, 'settings.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new SourceError(
        `No saved connections: ${path} does not exist (add a connection in the app, or pass --data-dir <the app's data dir>)`,
      );
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const settings = connectionSettingsSchema.safeParse(parsed);
  if (!settings.success) throw new SourceError(`${path} is not Atelier's settings file`);
  return settings.data.connections;
};

/** By exact name, then by name ignoring case, then by id. */
export const findSavedConnection = async (
  dataDir: string,
  name: string,
): Promise<StoredConnection> => {
  const connections = await readConnections(dataDir);
  const lower = name.toLowerCase();
  for (const matches of [
    connections.filter((c) => c.name === name),
    connections.filter((c) => c.name.toLowerCase() === lower),
    connections.filter((c) => c.id === name),
  ]) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1)
      throw new SourceError(
        `${matches.length} saved connections are named "${name}"; name one by id: ${matches
          .map((c) => `connection:${c.id}`)
          .join(', ')}`,
      );
  }
  const known = connections.map((c) => `"${c.name}"`).join(', ');
  throw new SourceError(
    `No saved connection named "${name}" in ${dataDir}` +
      (known ? ` (saved: ${known})` : ' (none saved)') +
      (lower === 'local'
        ? '. The local workspace is not a saved connection: start it with `npm run workspace` and use url:<its URL>'
        : ''),
  );
};

export const savedConnectionKey = async (
  connection: StoredConnection,
  secrets: SecretStore,
  service: string,
): Promise<string> => {
  const key = await secrets.get(keychainAccount(connection.id));
  if (!key)
    throw new SourceError(
      `The key of "${connection.name}" is missing from the OS keychain (service ${service}); enter it again in the app`,
    );
  return key;
};
