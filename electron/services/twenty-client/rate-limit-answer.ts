/**
 * Recognises every form in which Twenty says "rate limited" and how long to wait:
 * - v1.x REST (throttler-to-rest-api-exception-handler.util.ts): 429, no Retry-After, body
 *   `{statusCode:429, error:"HttpException", messages:["Limit reached (100 tokens per 60000 ms)"]}`;
 * - main-2026 REST (usage-limit-http.exception.ts): 429 + `Retry-After` (seconds), `X-RateLimit-*`,
 *   body `{…, error:"RATE_LIMITED", limit, periodCount, periodUnit, retryAfterSeconds}`;
 * - v1.x GraphQL (throttler-to-graphql-api-exception-handler.util.ts): HTTP 200, `BAD_USER_INPUT`,
 *   message "Limit reached (…)", userFriendlyMessage "Rate limit reached. Please try again later.";
 * - main-2026 GraphQL: `extensions.code` `RATE_LIMITED` with `retryAfterMs`, `limit`, `periodCount`;
 *   older builds named the code `TOO_MANY_REQUESTS`.
 */
export interface LearnedBucket {
  limit: number;
  windowMs: number;
}

export type RateLimitStyle = 'v1-message' | 'retry-after' | 'body-field' | 'unknown';

export interface RateLimitAnswer {
  retryAfterMs: number;
  style: RateLimitStyle;
  /** The bucket the server named, when it did: lets the client tighten its own. */
  bucket: LearnedBucket | null;
  message: string;
}

/** When nothing says how long: Twenty's default long window. */
export const UNKNOWN_RETRY_AFTER_MS = 60_000;

const V1_MESSAGE = /Limit reached \((\d+) tokens? per (\d+) ?ms\)/i;
const V2_MESSAGE = /(\d+) requests? per (\d+) ?(s|sec|second|seconds|ms|m|min|minute|minutes)\b/i;
const RATE_LIMIT_TEXT = /(^|\b)(limit reached|rate limit (reached|exceeded))/i;
const RATE_LIMIT_CODES = new Set(['RATE_LIMITED', 'TOO_MANY_REQUESTS', 'LIMIT_REACHED']);

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
};

export const bucketFromMessage = (message: string): LearnedBucket | null => {
  const v1 = V1_MESSAGE.exec(message);
  if (v1) return { limit: Number(v1[1]), windowMs: Number(v1[2]) };
  const v2 = V2_MESSAGE.exec(message);
  if (v2) return { limit: Number(v2[1]), windowMs: Number(v2[2]) * UNIT_MS[v2[3]!.toLowerCase()]! };
  return null;
};

/** `Retry-After: <seconds>` or `Retry-After: <HTTP-date>` (RFC 9110 §10.2.3). */
export const parseRetryAfter = (value: string | null, now = Date.now()): number | null => {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};

const numberField = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)
      ? Number(value)
      : null;

const bucketFromFields = (fields: Record<string, unknown>): LearnedBucket | null => {
  const limit = numberField(fields.limit);
  const count = numberField(fields.periodCount);
  const unit = typeof fields.periodUnit === 'string' ? fields.periodUnit.toLowerCase() : 'second';
  const unitMs =
    UNIT_MS[unit] ?? (unit === 'hour' ? 3_600_000 : unit === 'day' ? 86_400_000 : null);
  return limit && count && unitMs ? { limit, windowMs: count * unitMs } : null;
};

const firstMessage = (body: Record<string, unknown>): string => {
  if (Array.isArray(body.messages) && typeof body.messages[0] === 'string') return body.messages[0];
  if (typeof body.message === 'string') return body.message;
  return 'Rate limit reached';
};

/** A REST (or any non-GraphQL) HTTP answer: null unless it is a 429. */
export const parseRestRateLimit = (
  status: number,
  headers: Headers,
  body: unknown,
  now = Date.now(),
): RateLimitAnswer | null => {
  if (status !== 429) return null;
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const message = firstMessage(fields);
  const fromMessage = bucketFromMessage(message);
  const bucket = bucketFromFields(fields) ?? fromMessage;
  const header = parseRetryAfter(headers.get('retry-after'), now);
  if (header !== null) return { retryAfterMs: header, style: 'retry-after', bucket, message };
  const seconds = numberField(fields.retryAfterSeconds);
  const ms = numberField(fields.retryAfterMs);
  if (ms !== null || seconds !== null)
    return { retryAfterMs: ms ?? seconds! * 1000, style: 'body-field', bucket, message };
  const reset = numberField(headers.get('x-ratelimit-reset'));
  if (reset !== null) {
    // Epoch seconds or seconds-from-now: both appear in the wild.
    const retryAfterMs = reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
    return { retryAfterMs, style: 'retry-after', bucket, message };
  }
  if (fromMessage && V1_MESSAGE.test(message))
    return { retryAfterMs: fromMessage.windowMs, style: 'v1-message', bucket, message };
  return { retryAfterMs: UNKNOWN_RETRY_AFTER_MS, style: 'unknown', bucket, message };
};

export interface GraphqlErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown> | undefined;
}

export const isRateLimitGraphqlError = (error: GraphqlErrorLike): boolean => {
  const ext = error.extensions ?? {};
  if (typeof ext.code === 'string' && RATE_LIMIT_CODES.has(ext.code)) return true;
  if (ext.subCode === 'LIMIT_REACHED') return true;
  const texts = [error.message, ext.userFriendlyMessage].filter((t) => typeof t === 'string');
  return texts.some((text) => RATE_LIMIT_TEXT.test(text as string));
};

/** GraphQL answers (HTTP 200 with errors): the first rate-limit error, if any. */
export const parseGraphqlRateLimit = (errors: GraphqlErrorLike[]): RateLimitAnswer | null => {
  const error = errors.find(isRateLimitGraphqlError);
  if (!error) return null;
  const ext = error.extensions ?? {};
  const message = typeof error.message === 'string' ? error.message : 'Rate limit reached';
  const fromMessage = bucketFromMessage(message);
  const bucket = bucketFromFields(ext) ?? fromMessage;
  const ms = numberField(ext.retryAfterMs);
  const seconds = numberField(ext.retryAfterSeconds);
  if (ms !== null || seconds !== null)
    return { retryAfterMs: ms ?? seconds! * 1000, style: 'body-field', bucket, message };
  if (fromMessage && V1_MESSAGE.test(message))
    return { retryAfterMs: fromMessage.windowMs, style: 'v1-message', bucket, message };
  return { retryAfterMs: UNKNOWN_RETRY_AFTER_MS, style: 'unknown', bucket, message };
};
