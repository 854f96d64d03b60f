import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary's path, or null where its download was skipped
 * (ELECTRON_SKIP_BINARY_DOWNLOAD): the package exports the path and throws when it is absent.
 */
export const electronBinary = (): string | null => {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
};
