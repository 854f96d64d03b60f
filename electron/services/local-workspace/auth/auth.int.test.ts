import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/api-key-session';
import { metadataGraphql, rest } from '../testing/twenty-http';
import { startWorkspaceProcess, type WorkspaceProcess } from '../testing/workspace-process';

describe('authentication and API keys', () => {
  let ws: WorkspaceProcess;
  beforeAll(async () => {
    ws = await startWorkspaceProcess('pglite');
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  it('answers missing, malformed and wrong tokens as Twenty does (REST)', async () => {
    const missing = await rest(ws, 'GET', '/rest/metadata/objects', undefined, null);
    expect(missing).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        messages: ['Missing authentication token'],
        error: 'FORBIDDEN_EXCEPTION',
      },
    });
    const malformed = await rest(ws, 'GET', '/rest/metadata/objects', undefined, 'not-a-jwt');
    expect(malformed).toEqual({
      status: 401,
      body: { statusCode: 401, messages: ['Token invalid.'], error: 'UNAUTHENTICATED' },
    });
  });

  it('answers auth failures on GraphQL with HTTP 200 and extensions.code', async () => {
    const bad = await metadataGraphql(
      ws,
      '{ objects { edges { node { id } } } }',
      undefined,
      'garbage',
    );
    expect(bad.status).toBe(200);
    expect(bad.errors?.[0]).toMatchObject({
      message: 'Token invalid.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const none = await metadataGraphql(
      ws,
      '{ objects { edges { node { id } } } }',
      undefined,
      null,
    );
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('creates, lists, mints and revokes API keys through Twenty’s operations', async () => {
    // An API key may read keys but not create them: recent Twenty requires a user session.
    const roles = await metadataGraphql(ws, '{ getRoles { id label canBeAssignedToApiKeys } }');
    const admin = roles.data!.getRoles.find((role: any) => role.label === 'Admin');
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id name expiresAt revokedAt role { label } } }`;
    const input = {
      name: 'Reporting',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      roleId: admin.id,
    };
    const refused = await metadataGraphql(ws, create, { input });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This endpoint requires a session access token',
      extensions: { code: 'FORBIDDEN' },
    });

    const session = await signIn(ws);
    const created = await metadataGraphql(ws, create, { input }, session);
    expect(created.errors).toBeUndefined();
    const key = created.data!.createApiKey;
    expect(key).toMatchObject({ name: 'Reporting', revokedAt: null, role: { label: 'Admin' } });

    const minted = await metadataGraphql(
      ws,
      `mutation($id: UUID!, $exp: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $exp) { token } }`,
      { id: key.id, exp: input.expiresAt },
      session,
    );
    const token = minted.data!.generateApiKeyToken.token;
    expect(token.split('.')).toHaveLength(3);
    const withNewKey = await rest(ws, 'GET', '/rest/metadata/objects?limit=1', undefined, token);
    expect(withNewKey.status).toBe(200);

    const listed = await metadataGraphql(ws, '{ apiKeys { id name } }');
    expect(listed.data!.apiKeys.map((k: any) => k.id)).toContain(key.id);

    const revoked = await metadataGraphql(
      ws,
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id revokedAt } }`,
      { input: { id: key.id } },
      session,
    );
    expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
    const afterRevoke = await rest(ws, 'GET', '/rest/metadata/objects?limit=1', undefined, token);
    expect(afterRevoke).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        messages: ['This API Key is revoked'],
        error: 'FORBIDDEN_EXCEPTION',
      },
    });
    const relisted = await metadataGraphql(ws, '{ apiKeys { id } }');
    expect(relisted.data!.apiKeys.map((k: any) => k.id)).not.toContain(key.id);
  });

  it('rejects expired tokens with "Token has expired."', async () => {
    const session = await signIn(ws);
    const roles = await metadataGraphql(ws, '{ getRoles { id label } }');
    const admin = roles.data!.getRoles.find((role: any) => role.label === 'Admin');
    const created = await metadataGraphql(
      ws,
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }`,
      {
        input: {
          name: 'Short-lived',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
          roleId: admin.id,
        },
      },
      session,
    );
    const minted = await metadataGraphql(
      ws,
      `mutation($id: UUID!, $exp: String!) { generateApiKeyToken(apiKeyId: $id, expiresAt: $exp) { token } }`,
      {
        id: created.data!.createApiKey.id,
        exp: new Date(Date.now() - 1_000).toISOString(),
      },
      session,
    );
    const expired = await rest(
      ws,
      'GET',
      '/rest/metadata/objects?limit=1',
      undefined,
      minted.data!.generateApiKeyToken.token,
    );
    expect(expired).toEqual({
      status: 401,
      body: { statusCode: 401, messages: ['Token has expired.'], error: 'UNAUTHENTICATED' },
    });
  });

  it('attributes writes: API keys as API, signed-in users as their workspace member, stated sources kept', async () => {
    const session = await signIn(ws);
    const byUser = await rest(ws, 'POST', '/rest/people', { jobTitle: 'By user' }, session);
    const members = await rest(
      ws,
      'GET',
      `/rest/workspaceMembers?filter=${encodeURIComponent('userEmail[eq]:admin@atelier.local')}`,
    );
    const member = members.body.data.workspaceMembers[0];
    expect(byUser.body.data.createPerson.createdBy).toMatchObject({
      source: 'MANUAL',
      workspaceMemberId: member.id,
      name: `${member.name.firstName} ${member.name.lastName}`,
    });
    const byKey = await rest(ws, 'POST', '/rest/people', {
      jobTitle: 'By key',
      createdBy: { source: 'EMAIL' },
    });
    expect(byKey.body.data.createPerson.createdBy).toMatchObject({
      source: 'EMAIL',
      workspaceMemberId: null,
    });
    const bad = await rest(ws, 'POST', '/rest/people', { createdBy: { source: 'TELEPATHY' } });
    expect(bad.status).toBe(400);
  });

  it('refuses wrong credentials', async () => {
    const login = await metadataGraphql(
      ws,
      `mutation { getLoginTokenFromCredentials(email: "admin@atelier.local", password: "wrong", origin: "x") { loginToken { token } } }`,
      undefined,
      null,
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('renews a session with the refresh token as Twenty does (rotated, not a bearer, unknown refused)', async () => {
    const tokensOf = async () => {
      const login = await metadataGraphql(
        ws,
        `mutation($p: String!) { getLoginTokenFromCredentials(email: "admin@atelier.local", password: $p, origin: "x") { loginToken { token } } }`,
        { p: ws.adminPassword },
        null,
      );
      const pair = await metadataGraphql(
        ws,
        `mutation($t: String!) { getAuthTokensFromLoginToken(loginToken: $t, origin: "x") { tokens { accessOrWorkspaceAgnosticToken { token expiresAt } refreshToken { token expiresAt } } } }`,
        { t: login.data!.getLoginTokenFromCredentials.loginToken.token },
        null,
      );
      return pair.data!.getAuthTokensFromLoginToken.tokens;
    };
    const first = await tokensOf();
    // 30 minutes for the access token, 60 days for the refresh token (Twenty's defaults).
    const ttl = (value: { expiresAt: string }) => Date.parse(value.expiresAt) - Date.now();
    expect(ttl(first.accessOrWorkspaceAgnosticToken)).toBeLessThanOrEqual(30 * 60_000);
    expect(ttl(first.refreshToken)).toBeGreaterThan(59 * 86_400_000);

    const asBearer = await metadataGraphql(
      ws,
      '{ apiKeys { id } }',
      undefined,
      first.refreshToken.token,
    );
    expect(asBearer.errors?.[0]).toMatchObject({
      message: 'Token invalid.',
      extensions: { code: 'UNAUTHENTICATED' },
    });

    const renew = `mutation($t: String!) { renewToken(appToken: $t) { tokens { accessOrWorkspaceAgnosticToken { token } refreshToken { token } } } }`;
    const renewed = await metadataGraphql(ws, renew, { t: first.refreshToken.token }, null);
    const next = renewed.data!.renewToken.tokens;
    expect(next.refreshToken.token).not.toBe(first.refreshToken.token);
    const works = await metadataGraphql(
      ws,
      '{ apiKeys { id } }',
      undefined,
      next.accessOrWorkspaceAgnosticToken.token,
    );
    expect(works.errors).toBeUndefined();

    const garbage = await metadataGraphql(ws, renew, { t: 'nope' }, null);
    expect(garbage.errors?.[0]).toMatchObject({
      message: 'Token invalid.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const empty = await metadataGraphql(ws, renew, { t: '' }, null);
    expect(empty.errors?.[0]).toMatchObject({
      message: 'Refresh token not found',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    // signOut ends the session: the refresh token is revoked (still renewable during Twenty's
    // one-minute cool-down, which guards against two tabs renewing at once).
    const out = await metadataGraphql(
      ws,
      `mutation($t: String) { signOut(refreshToken: $t) }`,
      { t: next.refreshToken.token },
      next.accessOrWorkspaceAgnosticToken.token,
    );
    expect(out.data).toEqual({ signOut: true });
  });
});
