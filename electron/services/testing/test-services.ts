import { createLogger } from '../../platform/logging/logger';
import type { SecretStore } from '../../platform/keychain';
import { createServices } from '../create-services';

/**
 * The app's services as browser mode builds them, for tests: a given data dir and keychain,
 * a quiet logger, and a local workspace on a free port without demo data.
 */
export const createTestServices = (dataDir: string, secrets: SecretStore) =>
  createServices({
    dataDir,
    host: 'browser',
    version: 'test',
    openExternal: async () => false,
    secrets,
    logger: createLogger({ console: false }),
    localWorkspace: { port: 0, seedDemoData: false },
  });
