import { AppError } from '../../../shared/errors/app-error';
import type { RequestInfo } from './error-mapping';
import { classifyNetworkError } from './network-errors';

/**
 * One HTTP exchange: per-attempt timeout (AbortSignal.timeout) combined with the caller's signal
 * (AbortSignal.any); the body is read fully inside the same deadline. Failures become AppErrors:
 * caller abort → CANCELLED, deadline → TIMEOUT, transport → NETWORK with `notSent` telling whether
 * the request certainly never reached the server.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface AttemptInput {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  fetch: FetchLike;
  info: RequestInfo;
}

export interface AttemptResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON; undefined when the body is empty or not JSON. */
  json: unknown;
}

const cancelled = (info: RequestInfo, reason: unknown): AppError =>
  new AppError('CANCELLED', 'The request was cancelled', {
    method: info.method,
    path: info.path,
    endpoint: info.endpoint,
    ...(reason instanceof Error && reason.message ? { reason: reason.message } : {}),
  });

const timedOut = (info: RequestInfo, timeoutMs: number, phase: string): AppError =>
  new AppError('TIMEOUT', `No answer from Twenty within ${timeoutMs} ms`, {
    method: info.method,
    path: info.path,
    endpoint: info.endpoint,
    timeoutMs,
    phase,
    notSent: false,
  });

export const performAttempt = async (input: AttemptInput): Promise<AttemptResult> => {
  const { info } = input;
  if (input.signal?.aborted) throw cancelled(info, input.signal.reason);
  const deadline = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
  const fail = (error: unknown, phase: 'connect' | 'body'): AppError => {
    if (input.signal?.aborted) return cancelled(info, input.signal.reason);
    if (deadline.aborted) return timedOut(info, input.timeoutMs, phase);
    const network = classifyNetworkError(error);
    return new AppError(
      network.kind === 'TIMEOUT' ? 'TIMEOUT' : 'NETWORK',
      `${phase === 'body' ? 'The answer was cut off' : 'Could not reach Twenty'}: ${network.message}`,
      {
        method: info.method,
        path: info.path,
        endpoint: info.endpoint,
        networkKind: network.kind,
        ...(network.code ? { networkCode: network.code } : {}),
        // Once a status line came back, the request certainly arrived.
        notSent: phase === 'connect' && network.notSent,
        phase,
      },
    );
  };
  let response: Response;
  try {
    response = await input.fetch(input.url, {
      method: input.method,
      headers: input.headers,
      ...(input.body !== undefined ? { body: input.body } : {}),
      signal,
    });
  } catch (error) {
    throw fail(error, 'connect');
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw fail(error, 'body');
  }
  let json: unknown;
  if (text.length > 0) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, text, json };
};
