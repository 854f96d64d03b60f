import type { ApiKeyInfo } from '../../../shared/contract';

/** The keys a run can act as: not revoked, with their token kept (else Atelier cannot send it). */
export const runAsOptions = (keys: ApiKeyInfo[]) =>
  keys
    .filter((key) => key.revokedAt === null)
    .map((key) => ({
      id: key.id,
      label: `${key.name}${key.roleLabel ? ` (${key.roleLabel})` : ''}${
        key.hasStoredToken ? '' : ' — token not kept'
      }`,
      disabled: !key.hasStoredToken,
    }));

/** The `actAs` of `playground.run`. */
export const actAsOf = (apiKeyId: string | null | undefined) => (apiKeyId ? { apiKeyId } : null);
