import type { WorkspaceProcess } from './workspace-process';
import { metadataGraphql } from './twenty-http';

/**
 * Twenty's session flow for tests that need real API-key tokens: sign in as the local admin
 * (credentials → login token → access token), then create, mint and revoke keys as an admin would.
 */
export const signIn = async (ws: WorkspaceProcess): Promise<string> => {
  const login = await metadataGraphql(
    ws,
    `mutation($email: String!, $password: String!) { getLoginTokenFromCredentials(email: $email, password: $password, origin: "http://localhost") { loginToken { token } } }`,
    { email: 'admin@atelier.local', password: ws.adminPassword },
    null,
  );
  if (login.errors) throw new Error(`Sign-in failed: ${JSON.stringify(login.errors)}`);
  const tokens = await metadataGraphql(
    ws,
    `mutation($loginToken: String!) { getAuthTokensFromLoginToken(loginToken: $loginToken, origin: "http://localhost") { tokens { accessOrWorkspaceAgnosticToken { token } } } }`,
    { loginToken: login.data!.getLoginTokenFromCredentials.loginToken.token },
    null,
  );
  return tokens.data!.getAuthTokensFromLoginToken.tokens.accessOrWorkspaceAgnosticToken.token;
};

/** A new Admin API key and its token (a JWT whose `jti` is the key id, as Twenty mints them). */
export const mintAdminKey = async (
  ws: WorkspaceProcess,
  session: string,
  name: string,
): Promise<{ id: string; token: string }> => {
  const roles = await metadataGraphql(ws, '{ getRoles { id label } }');
  const admin = roles.data!.getRoles.find((role: { label: string }) => role.label === 'Admin');
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const created = await metadataGraphql(
    ws,
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }`,
    { input: { name, expiresAt, roleId: admin.id } },
    session,
  );
  const id = created.data!.createApiKey.id as string;
  const minted = await metadataGraphql(
    ws,
    `mutation($id: UUID!, $exp: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $exp) { token } }`,
    { id, exp: expiresAt },
    session,
  );
  return { id, token: minted.data!.generateApiKeyToken.token as string };
};

export const revokeKey = async (ws: WorkspaceProcess, session: string, id: string) =>
  metadataGraphql(
    ws,
    `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id revokedAt } }`,
    { input: { id } },
    session,
  );
