import type { TwentyClient } from '../twenty-client';

/**
 * Twenty's API-key operations on `/metadata` (SDK 2.43: apiKeys, createApiKey, revokeApiKey,
 * generateApiKeyToken). A key's token is minted separately and Twenty never shows it again.
 */
export interface TwentyApiKey {
  id: string;
  name: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
  role: { id: string; label: string; canUpdateAllSettings: boolean } | null;
}

const KEY_FIELDS =
  'id name expiresAt revokedAt createdAt updatedAt role { id label canUpdateAllSettings }';

/** What Twenty stores for "never": its settings page sets the expiry 100 years ahead. */
export const NEVER_EXPIRES_YEARS = 100;
export const neverExpiresAt = () =>
  new Date(Date.now() + NEVER_EXPIRES_YEARS * 365.25 * 86_400_000).toISOString();

export const listApiKeys = async (client: TwentyClient): Promise<TwentyApiKey[]> =>
  (
    await client.metadataGraphql<{ apiKeys: TwentyApiKey[] }>({
      query: `{ apiKeys { ${KEY_FIELDS} } }`,
    })
  ).apiKeys;

export const createApiKey = async (
  client: TwentyClient,
  input: { name: string; expiresAt: string; roleId: string },
): Promise<TwentyApiKey> =>
  (
    await client.metadataGraphql<{ createApiKey: TwentyApiKey }>({
      query: `mutation AtelierCreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { ${KEY_FIELDS} } }`,
      variables: { input },
    })
  ).createApiKey;

export const generateApiKeyToken = async (
  client: TwentyClient,
  apiKeyId: string,
  expiresAt: string,
): Promise<string> =>
  (
    await client.metadataGraphql<{ generateApiKeyToken: { token: string } }>({
      query: `mutation AtelierKeyToken($apiKeyId: UUID!, $expiresAt: String!) { generateApiKeyToken(apiKeyId: $apiKeyId, expiresAt: $expiresAt) { token } }`,
      variables: { apiKeyId, expiresAt },
    })
  ).generateApiKeyToken.token;

export const revokeApiKey = async (
  client: TwentyClient,
  id: string,
): Promise<TwentyApiKey | null> =>
  (
    await client.metadataGraphql<{ revokeApiKey: TwentyApiKey | null }>({
      query: `mutation AtelierRevokeApiKey($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { ${KEY_FIELDS} } }`,
      variables: { input: { id } },
    })
  ).revokeApiKey;
