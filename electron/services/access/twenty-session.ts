import { z } from 'zod';
import { AppError } from '../../../shared/errors/app-error';
import type { SecretStore } from '../../platform/keychain';
import type { Logger } from '../../platform/logging/logger';
import { mapGraphqlErrors } from '../twenty-client/error-mapping';

/**
 * A signed-in Twenty user's session per connection, as Twenty's front end holds one
 * (docs/twenty-permissions.md §3): credentials → login token → access + refresh tokens, renewed
 * with `renewToken`. The refresh token lives in the keychain; the access token only in memory.
 * Recent Twenty servers accept only such a session for minting and revoking API keys.
 */
const storedSessionSchema = z.object({
  email: z.string(),
  refreshToken: z.string(),
  refreshExpiresAt: z.string(),
  origin: z.string().nullable(),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

interface AccessToken {
  token: string;
  expiresAt: number;
}

const TOKENS =
  'tokens { accessOrWorkspaceAgnosticToken { token expiresAt } refreshToken { token expiresAt } }';
const SIGN_IN = `mutation AtelierSignIn($email: String!, $password: String!, $origin: String!) {
  getLoginTokenFromCredentials(email: $email, password: $password, origin: $origin) { loginToken { token expiresAt } }
}`;
const TOKENS_FROM_LOGIN = `mutation AtelierTokens($loginToken: String!, $origin: String!) {
  getAuthTokensFromLoginToken(loginToken: $loginToken, origin: $origin) { ${TOKENS} }
}`;
const RENEW = `mutation AtelierRenew($appToken: String!) { renewToken(appToken: $appToken) { ${TOKENS} } }`;
const SIGN_OUT = `mutation AtelierSignOut($refreshToken: String) { signOut(refreshToken: $refreshToken) }`;

interface TokenPair {
  accessOrWorkspaceAgnosticToken: { token: string; expiresAt: string };
  refreshToken: { token: string; expiresAt: string };
}

/** Renew this long before the access token expires, so a request never carries a dying one. */
const RENEW_MARGIN_MS = 60_000;

export const sessionAccount = (connectionId: string) => `twenty-session:${connectionId}`;

export const needsSession = (message: string) =>
  new AppError('AUTH', message, { needsSession: true });

export interface SessionDeps {
  secrets: SecretStore;
  logger: Logger;
  fetch?: typeof fetch;
}

export const createTwentySessions = ({
  secrets,
  logger,
  fetch: fetchImpl = fetch,
}: SessionDeps) => {
  const accessTokens = new Map<string, AccessToken>();

  /** One metadata GraphQL call without an API key (sign-in calls are public). */
  const call = async <T>(
    baseUrl: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T> => {
    const path = '/metadata';
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new AppError('NETWORK', `Could not reach ${baseUrl}: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as {
      data?: T;
      errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
    } | null;
    if (body?.errors?.length)
      throw mapGraphqlErrors(body.errors, { method: 'POST', path, endpoint: 'metadata' });
    if (!response.ok || !body?.data)
      throw new AppError('SERVER', `Twenty answered HTTP ${response.status} to the sign-in`);
    return body.data;
  };

  const stored = async (connectionId: string): Promise<StoredSession | null> => {
    const text = await secrets.get(sessionAccount(connectionId));
    if (!text) return null;
    const parsed = storedSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  };

  const keep = async (connectionId: string, session: StoredSession, tokens: TokenPair) => {
    logger.registerSecret(tokens.accessOrWorkspaceAgnosticToken.token);
    logger.registerSecret(tokens.refreshToken.token);
    accessTokens.set(connectionId, {
      token: tokens.accessOrWorkspaceAgnosticToken.token,
      expiresAt: Date.parse(tokens.accessOrWorkspaceAgnosticToken.expiresAt),
    });
    const next: StoredSession = {
      ...session,
      refreshToken: tokens.refreshToken.token,
      refreshExpiresAt: tokens.refreshToken.expiresAt,
    };
    await secrets.set(sessionAccount(connectionId), JSON.stringify(next));
    return next;
  };

  const forget = async (connectionId: string) => {
    accessTokens.delete(connectionId);
    await secrets.delete(sessionAccount(connectionId));
  };

  return {
    async signIn(input: {
      connectionId: string;
      baseUrl: string;
      email: string;
      password: string;
      origin: string | null;
    }) {
      const origin = input.origin ?? input.baseUrl;
      const login = await call<{
        getLoginTokenFromCredentials: { loginToken: { token: string } };
      }>(input.baseUrl, SIGN_IN, { email: input.email, password: input.password, origin });
      const loginToken = login.getLoginTokenFromCredentials.loginToken.token;
      logger.registerSecret(loginToken);
      const tokens = await call<{ getAuthTokensFromLoginToken: { tokens: TokenPair } }>(
        input.baseUrl,
        TOKENS_FROM_LOGIN,
        { loginToken, origin },
      );
      const session: StoredSession = {
        email: input.email,
        refreshToken: '',
        refreshExpiresAt: '',
        origin: input.origin,
      };
      await keep(input.connectionId, session, tokens.getAuthTokensFromLoginToken.tokens);
      logger.info('Signed in to Twenty', { connectionId: input.connectionId, email: input.email });
    },

    async signOut(connectionId: string, baseUrl: string) {
      const session = await stored(connectionId);
      const access = accessTokens.get(connectionId)?.token;
      await forget(connectionId);
      if (!session) return;
      // Ending it on the server is a courtesy: the local copy is gone either way.
      await call(baseUrl, SIGN_OUT, { refreshToken: session.refreshToken }, access).catch(
        (error: Error) =>
          logger.warn('Twenty did not confirm the sign-out', { message: error.message }),
      );
    },

    async status(connectionId: string) {
      const session = await stored(connectionId);
      if (!session || Date.parse(session.refreshExpiresAt) <= Date.now())
        return { signedIn: false, email: null, expiresAt: null };
      return { signedIn: true, email: session.email, expiresAt: session.refreshExpiresAt };
    },

    /** A valid access token of the connection's session, renewed when due; else needsSession. */
    async accessToken(connectionId: string, baseUrl: string): Promise<string> {
      const current = accessTokens.get(connectionId);
      if (current && current.expiresAt - RENEW_MARGIN_MS > Date.now()) return current.token;
      const session = await stored(connectionId);
      if (!session || Date.parse(session.refreshExpiresAt) <= Date.now()) {
        if (session) await forget(connectionId);
        throw needsSession('Sign in to Twenty first: this needs a signed-in user, not an API key');
      }
      let renewed: { renewToken: { tokens: TokenPair } };
      try {
        renewed = await call(baseUrl, RENEW, { appToken: session.refreshToken });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'AUTH' || error.code === 'PERMISSION')) {
          await forget(connectionId);
          throw needsSession(`The Twenty session ended (${error.message}): sign in again`);
        }
        throw error;
      }
      await keep(connectionId, session, renewed.renewToken.tokens);
      return accessTokens.get(connectionId)!.token;
    },

    forget,
  };
};

export type TwentySessions = ReturnType<typeof createTwentySessions>;
