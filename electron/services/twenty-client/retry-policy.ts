import type { AppError } from '../../../shared/errors/app-error';

/**
 * Which failures may be repeated. Safe to repeat: reads and idempotent writes (GET/HEAD, GraphQL
 * queries, PATCH/DELETE by id or by id list) and creates whose records all carry client-chosen ids
 * and are re-sent with `upsert=true` (a repeat updates the same rows instead of inserting twice).
 * Any other create is repeated only when the failure proves nothing reached the server (refused,
 * DNS, connect timeout): a reset, a timeout or a 5xx after sending may hide a committed write.
 */
export interface RetrySafety {
  idempotent: boolean;
  /** Every record has a client id and retries go out with upsert. */
  safeCreate: boolean;
}

const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504]);

export const isRetryable = (error: AppError, safety: RetrySafety): boolean => {
  const details = error.details ?? {};
  const repeatable = safety.idempotent || safety.safeCreate;
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
      return details.notSent === true || repeatable;
    case 'SERVER':
      return (
        repeatable && typeof details.status === 'number' && RETRYABLE_STATUS.has(details.status)
      );
    case 'RATE_LIMIT':
      return true;
    default:
      return false;
  }
};

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

/** By method: PATCH/DELETE address ids or id filters in this client; POST never is. */
export const isIdempotentMethod = (method: string): boolean =>
  IDEMPOTENT_METHODS.has(method.toUpperCase());
