import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { checkCredentials } from '../auth/local-users';
import { MetadataException } from '../metadata/metadata-errors';
import type { WorkspaceRuntime } from '../workspace-runtime';

/**
 * Twenty's credential sign-in, two steps as its front end does it:
 * getLoginTokenFromCredentials(email, password, origin) → short-lived login token;
 * getAuthTokensFromLoginToken(loginToken, origin) → access + refresh tokens;
 * renewToken(appToken) → a new pair, the used refresh token revoked (Twenty's
 * renew-token.service.ts / refresh-token.service.ts); signOut(refreshToken) revokes it.
 */
export const PUBLIC_ROOT_FIELDS = new Set([
  'getLoginTokenFromCredentials',
  'getAuthTokensFromLoginToken',
  'renewToken',
]);

/** Twenty's REFRESH_TOKEN_COOL_DOWN default: a revoked refresh token still renews this long. */
const REFRESH_COOL_DOWN_MS = 60_000;

type Args = Record<string, unknown>;
const LOGIN_TTL_SECONDS = 15 * 60;
const loginKey = (runtime: WorkspaceRuntime) =>
  new TextEncoder().encode(`${runtime.workspace.id}:login:${runtime.workspace.dataSchema}`);

const wrongCredentials = () =>
  new MetadataException('Wrong password', 'FORBIDDEN', 'FORBIDDEN_EXCEPTION', 'Wrong password');

export const authResolvers = {
  getLoginTokenFromCredentials: async (args: Args, context: { runtime: WorkspaceRuntime }) => {
    const userId = await checkCredentials(
      context.runtime.engine,
      String(args.email ?? ''),
      String(args.password ?? ''),
    );
    if (!userId) throw wrongCredentials();
    const expiresAt = new Date(Date.now() + LOGIN_TTL_SECONDS * 1000);
    const token = await new SignJWT({
      type: 'LOGIN',
      userId,
      workspaceId: context.runtime.workspace.id,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(loginKey(context.runtime));
    return { loginToken: { token, expiresAt: expiresAt.toISOString() } };
  },
  getAuthTokensFromLoginToken: async (args: Args, context: { runtime: WorkspaceRuntime }) => {
    let userId: string;
    try {
      const { payload } = await jwtVerify(String(args.loginToken ?? ''), loginKey(context.runtime));
      if (payload.type !== 'LOGIN' || typeof payload.userId !== 'string')
        throw new Error('wrong type');
      userId = payload.userId;
    } catch (error) {
      const message =
        error instanceof joseErrors.JWTExpired ? 'Token has expired.' : 'Token invalid.';
      throw new MetadataException(
        message,
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
        'You must be authenticated to perform this action.',
      );
    }
    return { tokens: await tokenPair(context.runtime, userId) };
  },
  renewToken: async (args: Args, context: { runtime: WorkspaceRuntime }) => {
    const appToken = String(args.appToken ?? '');
    if (!appToken)
      throw new MetadataException('Refresh token not found', 'BAD_USER_INPUT', 'INVALID_INPUT');
    const { userId, tokenId } = await context.runtime.tokens.verifyRefreshToken(appToken);
    const db = context.runtime.engine;
    const { rows } = await db.query<{ revokedAt: Date | null }>(
      `SELECT "revokedAt" FROM core."appToken" WHERE "id" = $1 AND "userId" = $2`,
      [tokenId, userId],
    );
    const token = rows[0];
    if (!token)
      throw new MetadataException(
        "This refresh token doesn't exist",
        'BAD_USER_INPUT',
        'INVALID_INPUT',
      );
    if (
      token.revokedAt &&
      new Date(token.revokedAt).getTime() <= Date.now() - REFRESH_COOL_DOWN_MS
    ) {
      // Reuse of a revoked token: Twenty assumes theft and revokes every refresh token of the user.
      await db.query(
        `UPDATE core."appToken" SET "revokedAt" = now() WHERE "userId" = $1 AND "type" = 'REFRESH_TOKEN' AND "revokedAt" IS NULL`,
        [userId],
      );
      throw new MetadataException(
        'Suspicious activity detected, this refresh token has been revoked. All tokens have been revoked.',
        'FORBIDDEN',
        'FORBIDDEN_EXCEPTION',
      );
    }
    await db.query(`UPDATE core."appToken" SET "revokedAt" = now() WHERE "id" = $1`, [tokenId]);
    return { tokens: await tokenPair(context.runtime, userId) };
  },
  signOut: async (args: Args, context: { runtime: WorkspaceRuntime }) => {
    if (typeof args.refreshToken === 'string' && args.refreshToken) {
      const { tokenId } = await context.runtime.tokens
        .verifyRefreshToken(args.refreshToken)
        .catch(() => ({ tokenId: null }));
      if (tokenId)
        await context.runtime.engine.query(
          `UPDATE core."appToken" SET "revokedAt" = now() WHERE "id" = $1 AND "revokedAt" IS NULL`,
          [tokenId],
        );
    }
    return true;
  },
};

const tokenPair = async (runtime: WorkspaceRuntime, userId: string) => ({
  accessOrWorkspaceAgnosticToken: await runtime.tokens.signAccessToken(userId),
  refreshToken: await runtime.tokens.signRefreshToken(userId),
});
