/**
 * Where API keys live. The production store is the OS keychain; nothing else in the app keeps a
 * key beyond the request that uses it.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Returns whether an entry existed. */
  delete(account: string): Promise<boolean>;
}
