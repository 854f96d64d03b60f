import pRetry from 'p-retry';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import { mapGraphqlErrors, mapRestError, type RequestInfo } from './error-mapping';
import { performAttempt, type AttemptResult, type FetchLike } from './http-attempt';
import {
  parseGraphqlRateLimit,
  parseRestRateLimit,
  type GraphqlErrorLike,
  type RateLimitAnswer,
} from './rate-limit-answer';
import { isRetryable, type RetrySafety } from './retry-policy';
import type { WorkspaceScheduler } from './workspace-scheduler';

/**
 * Runs one logical request: scheduler slot + tokens, one HTTP attempt, interpretation of Twenty's
 * answer, and p-retry (exponential backoff with jitter) for failures that are safe to repeat.
 * A 429 does not consume a retry nor back off here: the scheduler pauses the workspace instead.
 */
export type ClientEvent =
  | {
      type: 'request-started';
      requestId: number;
      endpoint: RequestInfo['endpoint'];
      method: string;
      path: string;
      attempt: number;
      queuedMs: number;
    }
  | {
      type: 'request-finished';
      requestId: number;
      endpoint: RequestInfo['endpoint'];
      method: string;
      path: string;
      attempt: number;
      ok: boolean;
      status: number | null;
      errorCode?: string;
      durationMs: number;
    }
  | {
      type: 'retry';
      requestId: number;
      method: string;
      path: string;
      attempt: number;
      errorCode: string;
      message: string;
    }
  | {
      type: 'rate-limited';
      requestId: number;
      method: string;
      path: string;
      retryAfterMs: number;
      style: RateLimitAnswer['style'];
    };

export interface ExecutorContext {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  retries: number;
  retryMinDelayMs: number;
  retryMaxDelayMs: number;
  maxRateLimitRetries: number;
  fetch: FetchLike;
  scheduler: WorkspaceScheduler;
  onEvent: ((event: ClientEvent) => void) | undefined;
}

export interface PreparedRequest {
  endpoint: RequestInfo['endpoint'];
  method: string;
  /** Path with query string. */
  path: string;
  /** Used from the second attempt on (e.g. the same batch with `?upsert=true`). */
  retryPath?: string;
  body?: unknown;
  /** Rate-limit tokens (0 = not throttled by Twenty). */
  cost: number;
  safety: RetrySafety;
  signal?: AbortSignal | undefined;
  authenticated: boolean;
  graphql: boolean;
}

export interface ExecutedResponse {
  status: number;
  headers: Headers;
  /** REST: the parsed body; GraphQL: `data`. */
  body: unknown;
}

let nextRequestId = 1;

class AttemptFailure extends Error {
  constructor(
    readonly appError: AppError,
    readonly retryable: boolean,
    readonly rateLimited: boolean,
  ) {
    super(appError.message);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const truncated = (info: RequestInfo, status: number): AppError =>
  new AppError('NETWORK', `The answer from Twenty was cut off or is not JSON (HTTP ${status})`, {
    status,
    method: info.method,
    path: info.path,
    endpoint: info.endpoint,
    phase: 'body',
    notSent: false,
  });

export const executeRequest = async (
  ctx: ExecutorContext,
  request: PreparedRequest,
): Promise<ExecutedResponse> => {
  const requestId = nextRequestId++;
  const info = (path: string): RequestInfo => ({
    method: request.method,
    path,
    endpoint: request.endpoint,
  });
  let rateLimitRetries = 0;
  const emit = (event: ClientEvent) => {
    try {
      ctx.onEvent?.(event);
    } catch {
      // Observability must never break a request.
    }
  };

  const interpret = (result: AttemptResult, requestInfo: RequestInfo): ExecutedResponse => {
    const { status, headers, json, text } = result;
    // Every rate-limit answer pauses the whole workspace and is reported once.
    const onRateLimited = (rateLimit: RateLimitAnswer) => {
      ctx.scheduler.learn(rateLimit);
      emit({
        type: 'rate-limited',
        requestId,
        method: request.method,
        path: requestInfo.path,
        retryAfterMs: rateLimit.retryAfterMs,
        style: rateLimit.style,
      });
    };
    if (request.graphql && isObject(json) && ('data' in json || 'errors' in json)) {
      const errors = Array.isArray(json.errors) ? (json.errors as GraphqlErrorLike[]) : [];
      if (errors.length === 0 && status < 400) return { status, headers, body: json.data };
      const rateLimit = parseGraphqlRateLimit(errors);
      const data = isObject(json.data) ? json.data : null;
      // Twenty throttles per root field: a mutation whose other root fields ran is not repeatable.
      const nothingRan = !data || Object.values(data).every((value) => value === null);
      if (rateLimit) {
        onRateLimited(rateLimit);
        const error = mapGraphqlErrors(errors, requestInfo, {
          status,
          retryAfterMs: rateLimit.retryAfterMs,
          rateLimitStyle: rateLimit.style,
          partial: !nothingRan,
        });
        throw new AttemptFailure(error, nothingRan || request.safety.idempotent, true);
      }
      const error = mapGraphqlErrors(errors, requestInfo, { status, partial: !!data });
      throw new AttemptFailure(error, isRetryable(error, request.safety), false);
    }
    if (status >= 200 && status < 300) {
      if (text.length > 0 && json === undefined) {
        const error = truncated(requestInfo, status);
        throw new AttemptFailure(error, isRetryable(error, request.safety), false);
      }
      if (request.graphql) {
        const error = truncated(requestInfo, status);
        throw new AttemptFailure(error, isRetryable(error, request.safety), false);
      }
      return { status, headers, body: json ?? null };
    }
    const rateLimit = parseRestRateLimit(status, headers, json);
    if (rateLimit) {
      onRateLimited(rateLimit);
      // Twenty throttles before running the operation: a REST 429 never executed anything.
      throw new AttemptFailure(mapRestError(status, json, requestInfo, rateLimit), true, true);
    }
    const error = mapRestError(
      status,
      json ?? (text ? { message: text.slice(0, 300) } : null),
      requestInfo,
    );
    throw new AttemptFailure(error, isRetryable(error, request.safety), false);
  };

  const attempt = async (attemptNumber: number): Promise<ExecutedResponse> => {
    const path = attemptNumber > 1 && request.retryPath ? request.retryPath : request.path;
    const requestInfo = info(path);
    const enqueuedAt = performance.now();
    try {
      return await ctx.scheduler.run(
        request.cost,
        async () => {
          const startedAt = performance.now();
          emit({
            type: 'request-started',
            requestId,
            endpoint: request.endpoint,
            method: request.method,
            path,
            attempt: attemptNumber,
            queuedMs: startedAt - enqueuedAt,
          });
          let status: number | null = null;
          const finished = (outcome: { ok: true } | { ok: false; errorCode: string }) =>
            emit({
              type: 'request-finished',
              requestId,
              endpoint: request.endpoint,
              method: request.method,
              path,
              attempt: attemptNumber,
              status,
              durationMs: performance.now() - startedAt,
              ...outcome,
            });
          try {
            const result = await performAttempt({
              url: `${ctx.baseUrl}${path}`,
              method: request.method,
              headers: {
                Accept: 'application/json',
                ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
                ...(request.authenticated ? { Authorization: `Bearer ${ctx.apiKey}` } : {}),
              },
              body: request.body === undefined ? undefined : JSON.stringify(request.body),
              signal: request.signal,
              timeoutMs: ctx.timeoutMs,
              fetch: ctx.fetch,
              info: requestInfo,
            });
            status = result.status;
            const interpreted = interpret(result, requestInfo);
            finished({ ok: true });
            return interpreted;
          } catch (error) {
            const failure =
              error instanceof AttemptFailure
                ? error
                : isAppError(error)
                  ? new AttemptFailure(error, isRetryable(error, request.safety), false)
                  : new AttemptFailure(
                      new AppError('INTERNAL', String((error as Error)?.message ?? error)),
                      false,
                      false,
                    );
            finished({ ok: false, errorCode: failure.appError.code });
            throw failure;
          }
        },
        { signal: request.signal, priority: attemptNumber > 1 ? 1 : 0 },
      );
    } catch (error) {
      if (error instanceof AttemptFailure) throw error;
      // Aborted while waiting in the queue or for tokens.
      if (request.signal?.aborted)
        throw new AttemptFailure(
          new AppError('CANCELLED', 'The request was cancelled', {
            method: request.method,
            path,
            endpoint: request.endpoint,
          }),
          false,
          false,
        );
      throw error;
    }
  };

  try {
    return await pRetry(attempt, {
      retries: ctx.retries,
      minTimeout: ctx.retryMinDelayMs,
      maxTimeout: ctx.retryMaxDelayMs,
      factor: 2,
      randomize: true,
      ...(request.signal ? { signal: request.signal } : {}),
      shouldConsumeRetry: ({ error }) => {
        if (error instanceof AttemptFailure && error.rateLimited && error.retryable) {
          rateLimitRetries += 1;
          return rateLimitRetries > ctx.maxRateLimitRetries;
        }
        return true;
      },
      shouldRetry: ({ error, attemptNumber }) => {
        const retry = error instanceof AttemptFailure && error.retryable;
        if (retry && error instanceof AttemptFailure)
          emit({
            type: 'retry',
            requestId,
            method: request.method,
            path: request.path,
            attempt: attemptNumber,
            errorCode: error.appError.code,
            message: error.appError.message,
          });
        return retry;
      },
    });
  } catch (error) {
    if (error instanceof AttemptFailure) throw error.appError;
    if (isAppError(error)) throw error;
    if (request.signal?.aborted)
      throw new AppError('CANCELLED', 'The request was cancelled', {
        method: request.method,
        path: request.path,
        endpoint: request.endpoint,
      });
    throw new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
  }
};
