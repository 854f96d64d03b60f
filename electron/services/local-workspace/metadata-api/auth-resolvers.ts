import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { checkCredentials } from '../auth/local-users';
import { MetadataException } from '../metadata/metadata-errors';
import type { WorkspaceRuntime } from '../workspace-runtime';

/**
 * Twenty's credential sign-in, two steps as its front end does it:
 * getLoginTokenFromCredentials(email, password, origin) → short-lived login token;
 * getAuthTokensFromLoginToken(loginToken, origin) → access + refresh tokens.
 */
export const PUBLIC_ROOT_FIELDS = new Set([
  'getLoginTokenFromCredentials',
  'getAuthTokensFromLoginToken',
]);

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
    const access = await context.runtime.tokens.signAccessToken(userId);
    const refresh = await context.runtime.tokens.signAccessToken(userId, 60 * 24 * 3600);
    return { tokens: { accessOrWorkspaceAgnosticToken: access, refreshToken: refresh } };
  },
};
