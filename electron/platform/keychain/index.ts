export { createOsKeychain, DEFAULT_KEYCHAIN_SERVICE } from './os-keychain';
export type { SecretStore } from './secret-store';
