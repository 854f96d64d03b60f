import { Entry } from '@napi-rs/keyring';
import { AppError } from '../../../shared/errors/app-error';
import type { SecretStore } from './secret-store';

/** Service name under which every Atelier entry is filed (macOS Keychain, Windows Credential
 * Manager, Secret Service on Linux); tests pass their own to stay apart from a real install. */
export const DEFAULT_KEYCHAIN_SERVICE = 'dev.atelier.app';

const unavailable = (error: unknown): AppError =>
  new AppError(
    'INTERNAL',
    'The OS keychain is not available' +
      (process.platform === 'linux'
        ? ' (on Linux a Secret Service such as gnome-keyring must be running and unlocked)'
        : '') +
      `: ${(error as Error).message}`,
  );

export const createOsKeychain = (service = DEFAULT_KEYCHAIN_SERVICE): SecretStore => {
  const entry = (account: string) => new Entry(service, account);
  return {
    async get(account) {
      try {
        return entry(account).getPassword() ?? null;
      } catch (error) {
        throw unavailable(error);
      }
    },
    async set(account, secret) {
      try {
        entry(account).setPassword(secret);
      } catch (error) {
        throw unavailable(error);
      }
    },
    async delete(account) {
      try {
        return entry(account).deletePassword();
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
};
