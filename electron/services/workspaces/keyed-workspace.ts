import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../../platform/keychain';
import type { Logger } from '../../platform/logging/logger';
import type { ForkedWorkspace } from '../local-workspace/forked-workspace';

/**
 * Starts an embedded workspace whose key lives in the keychain like every other key: the
 * API-key JWT the workspace mints on creation (so the key has a real role), or one of ours when
 * that one was lost from this keychain. Used for the local workspace and for every replica.
 */
export const startKeyedWorkspace = async (input: {
  secrets: SecretStore;
  logger: Logger;
  /** Keychain account of the workspace's key. */
  account: string;
  /** Forks the workspace process; with a key it accepts that key, without one it mints one. */
  start: (apiKey: string | undefined) => Promise<ForkedWorkspace>;
}): Promise<{ workspace: ForkedWorkspace; apiKey: string }> => {
  const { secrets, logger, account, start } = input;
  let apiKey = await secrets.get(account);
  if (apiKey) logger.registerSecret(apiKey);
  let workspace = await start(apiKey ?? undefined);
  if (!apiKey) {
    apiKey = workspace.apiKeyToken;
    if (!apiKey) {
      // The workspace existed but its key is gone from this keychain: make a new one valid.
      await workspace.stop();
      apiKey = `atelier_local_${randomBytes(24).toString('base64url')}`;
      workspace = await start(apiKey);
    }
    logger.registerSecret(apiKey);
    await secrets.set(account, apiKey);
  }
  return { workspace, apiKey };
};

/**
 * The admin password of an embedded workspace (Twenty's sign-in, which key minting needs),
 * generated once and kept in the keychain; the workspace process gets it in its environment.
 */
export const embeddedAdminPassword = async (
  secrets: SecretStore,
  logger: Logger,
  account: string,
): Promise<string> => {
  let password = await secrets.get(account);
  if (!password) {
    password = randomBytes(18).toString('base64url');
    await secrets.set(account, password);
  }
  logger.registerSecret(password);
  return password;
};
