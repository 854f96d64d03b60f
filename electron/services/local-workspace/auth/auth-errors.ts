/**
 * Authentication failures with Twenty's REST status/body and GraphQL code.
 * Source: jwt.auth.strategy.ts, get-auth-exception-rest-status.util.ts, middleware.service.ts.
 */
export class AuthError extends Error {
  constructor(
    message: string,
    /** REST status and `error` field (Twenty's AuthExceptionCode). */
    readonly status: number,
    readonly restError: string,
    /** GraphQL `extensions.code`. */
    readonly graphqlCode: 'UNAUTHENTICATED' | 'FORBIDDEN',
    readonly userFriendlyMessage?: string,
  ) {
    super(message);
  }
}

export const missingToken = () =>
  new AuthError(
    'Missing authentication token',
    403,
    'FORBIDDEN_EXCEPTION',
    'UNAUTHENTICATED',
    'You must be authenticated to perform this action.',
  );
export const invalidToken = () =>
  new AuthError(
    'Token invalid.',
    401,
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'You must be authenticated to perform this action.',
  );
export const expiredToken = () =>
  new AuthError(
    'Token has expired.',
    401,
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'You must be authenticated to perform this action.',
  );
export const revokedKey = () =>
  new AuthError('This API Key is revoked', 403, 'FORBIDDEN_EXCEPTION', 'FORBIDDEN');
export const workspaceNotFound = () =>
  new AuthError('Workspace not found', 401, 'WORKSPACE_NOT_FOUND', 'UNAUTHENTICATED');
