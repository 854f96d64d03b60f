import { AppError, type ErrorCode } from '../../../shared/errors/app-error';
import {
  isRateLimitGraphqlError,
  type GraphqlErrorLike,
  type RateLimitAnswer,
} from './rate-limit-answer';

/**
 * Twenty's error answers → AppError, keeping Twenty's own message. REST bodies are
 * `{statusCode, error, messages:[…]}` (+ `code` on main-2026; auth middleware puts the auth code in
 * `error`); v1.x answers 400 for most domain errors (rest-api-exception.filter.ts: "should actually
 * default to 500"), so 400s are refined by message. GraphQL errors come with HTTP 200 and
 * `extensions.code` (graphql-errors.util.ts). Details never carry the key or request headers.
 */
export interface RequestInfo {
  method: string;
  /** Path and query as sent, without the host (it carries no secret). */
  path: string;
  endpoint: 'rest' | 'graphql' | 'metadata' | 'metadata-rest' | 'public';
}

const NOT_FOUND_TEXT =
  /\bnot found\b|could not find any entity|does not exist or has been deleted/i;
const CONFLICT_TEXT = /duplicate|unique constraint|already exists|already in use/i;
const PERMISSION_TEXT = /does not have permission|forbidden resource|permission denied/i;
const AUTH_TEXT = /missing authentication token|api key is revoked|token (invalid|has expired)/i;

const bodyMessage = (body: unknown): string | null => {
  if (!body || typeof body !== 'object') return null;
  const fields = body as Record<string, unknown>;
  if (Array.isArray(fields.messages) && typeof fields.messages[0] === 'string')
    return fields.messages[0];
  if (typeof fields.message === 'string') return fields.message;
  if (Array.isArray(fields.message) && typeof fields.message[0] === 'string')
    return fields.message[0];
  return null;
};

const stringField = (body: unknown, key: string): string | null => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : null;
  return typeof value === 'string' ? value : null;
};

/** By message, for the 400-for-everything era. */
const refineByMessage = (message: string, fallback: ErrorCode): ErrorCode => {
  if (AUTH_TEXT.test(message)) return 'AUTH';
  if (PERMISSION_TEXT.test(message)) return 'PERMISSION';
  if (CONFLICT_TEXT.test(message)) return 'CONFLICT';
  if (NOT_FOUND_TEXT.test(message)) return 'NOT_FOUND';
  return fallback;
};

export const restErrorCode = (status: number, message: string): ErrorCode => {
  if (status === 401) return 'AUTH';
  if (status === 403) return AUTH_TEXT.test(message) ? 'AUTH' : 'PERMISSION';
  if (status === 404) return 'NOT_FOUND';
  if (status === 408) return 'TIMEOUT';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMIT';
  if (status >= 500) return 'SERVER';
  if (status === 400 || status === 422) return refineByMessage(message, 'VALIDATION');
  return status >= 400 ? refineByMessage(message, 'VALIDATION') : 'SERVER';
};

export const mapRestError = (
  status: number,
  body: unknown,
  request: RequestInfo,
  rateLimit: RateLimitAnswer | null = null,
): AppError => {
  const message = bodyMessage(body) ?? `HTTP ${status} from ${request.path}`;
  const twentyCode = stringField(body, 'code') ?? stringField(body, 'error');
  return new AppError(restErrorCode(status, message), message, {
    status,
    ...(twentyCode ? { twentyCode } : {}),
    method: request.method,
    path: request.path,
    endpoint: request.endpoint,
    ...(rateLimit ? { retryAfterMs: rateLimit.retryAfterMs, rateLimitStyle: rateLimit.style } : {}),
  });
};

export const graphqlErrorCode = (error: GraphqlErrorLike): ErrorCode => {
  const ext = error.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (isRateLimitGraphqlError(error)) return 'RATE_LIMIT';
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'AUTH';
    case 'FORBIDDEN':
      return AUTH_TEXT.test(message) ? 'AUTH' : 'PERMISSION';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'TIMEOUT':
      return 'TIMEOUT';
    case 'QUOTA_EXHAUSTED':
      return 'RATE_LIMIT';
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'METHOD_NOT_ALLOWED':
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return refineByMessage(message, 'VALIDATION');
    case 'INTERNAL_SERVER_ERROR':
      return 'SERVER';
    default:
      return refineByMessage(message, code ? 'VALIDATION' : 'SERVER');
  }
};

/**
 * `METADATA_VALIDATION_FAILED` carries the real reasons inside:
 * `extensions.errors.<metadataName>[].errors[].message` (docs/twenty-permissions.md §2.3).
 */
const metadataValidationMessages = (ext: Record<string, unknown>): string[] => {
  if (ext.code !== 'METADATA_VALIDATION_FAILED' || !ext.errors || typeof ext.errors !== 'object')
    return [];
  return Object.values(ext.errors as Record<string, unknown>).flatMap((entries) =>
    Array.isArray(entries)
      ? entries.flatMap((entry: { errors?: Array<{ message?: unknown }> }) =>
          (entry.errors ?? []).flatMap((inner) =>
            typeof inner.message === 'string' ? [inner.message] : [],
          ),
        )
      : [],
  );
};

export const mapGraphqlErrors = (
  errors: GraphqlErrorLike[],
  request: RequestInfo,
  extra: Record<string, unknown> = {},
): AppError => {
  const first = errors[0] ?? { message: 'GraphQL answered with an empty error list' };
  const ext = first.extensions ?? {};
  const message = typeof first.message === 'string' ? first.message : 'GraphQL error';
  const validationMessages = metadataValidationMessages(ext);
  return new AppError(graphqlErrorCode(first), message, {
    ...(validationMessages.length ? { validationMessages } : {}),
    ...(typeof ext.code === 'string' ? { twentyCode: ext.code } : {}),
    ...(typeof ext.subCode === 'string' ? { subCode: ext.subCode } : {}),
    ...(typeof ext.userFriendlyMessage === 'string'
      ? { userFriendlyMessage: ext.userFriendlyMessage }
      : {}),
    method: request.method,
    path: request.path,
    endpoint: request.endpoint,
    errorCount: errors.length,
    ...extra,
  });
};
