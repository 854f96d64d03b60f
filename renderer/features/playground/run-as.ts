import type { ApiKeyInfo } from '../../../shared/contract';

/**
 * The keys a run can act as: every live key. Without a kept token main mints a short-lived one
 * for the run, which recent Twenty servers allow only to a signed-in user (Access → API keys).
 */
export const runAsOptions = (keys: ApiKeyInfo[]) =>
  keys
    .filter((key) => key.revokedAt === null)
    .map((key) => ({
      id: key.id,
      label: `${key.name}${key.roleLabel ? ` (${key.roleLabel})` : ''}${
        key.hasStoredToken ? '' : ' — short-lived token'
      }`,
      disabled: false,
    }));

/** The `actAs` of `playground.run`. */
export const actAsOf = (apiKeyId: string | null | undefined) => (apiKeyId ? { apiKeyId } : null);
