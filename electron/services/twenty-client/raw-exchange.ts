import type { ExchangeEndpoint, RawExchange } from '../../../shared/contract/playground';
import { analyzeOperation } from '../../../shared/domain/graphql-operation';
import { performAttempt } from './http-attempt';
import { parseGraphqlRateLimit, parseRestRateLimit } from './rate-limit-answer';
import type { ExecutorContext } from './request-executor';

/**
 * One request exactly as the admin wrote it, and Twenty's answer exactly as it came (status,
 * headers, body), for the query playground: no retries and no interpretation of errors. It still
 * waits for the workspace's rate-limit tokens like every other request of the key, and a 429 is
 * learned by the shared scheduler, so the playground never pushes an import into throttling.
 */
export interface ExchangeRequest {
  endpoint: ExchangeEndpoint;
  method: string;
  /** Path with query string, from the base URL (`/rest/people?limit=5`, `/graphql`). */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const PREFIX: Record<ExchangeEndpoint, string> = {
  rest: '/rest',
  graphql: '/graphql',
  'metadata-rest': '/rest/metadata',
  metadata: '/metadata',
};

const costOf = (request: ExchangeRequest): number => {
  if (request.endpoint === 'rest') return 1;
  if (request.endpoint !== 'graphql') return 0;
  const body = request.body as { query?: unknown; operationName?: unknown } | undefined;
  if (typeof body?.query !== 'string') return 1;
  try {
    return analyzeOperation(
      body.query,
      typeof body.operationName === 'string' ? body.operationName : undefined,
    ).rootFields;
  } catch {
    return 1;
  }
};

/** Headers the admin may not set: the key is main's, the body's type ours. */
const RESERVED = new Set(['authorization', 'content-type', 'content-length', 'host', 'cookie']);

export const exchange = async (
  ctx: ExecutorContext,
  request: ExchangeRequest,
): Promise<RawExchange> => {
  if (!request.path.startsWith(PREFIX[request.endpoint]))
    throw new Error(`A ${request.endpoint} path starts with ${PREFIX[request.endpoint]}`);
  const info = { method: request.method, path: request.path, endpoint: request.endpoint };
  const extra = Object.fromEntries(
    Object.entries(request.headers ?? {}).filter(([name]) => !RESERVED.has(name.toLowerCase())),
  );
  const queuedAt = performance.now();
  return ctx.scheduler.run(
    costOf(request),
    async () => {
      const startedAt = performance.now();
      const result = await performAttempt({
        url: `${ctx.baseUrl}${request.path}`,
        method: request.method,
        headers: {
          Accept: 'application/json',
          ...extra,
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          Authorization: `Bearer ${ctx.apiKey}`,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal,
        timeoutMs: ctx.timeoutMs,
        fetch: ctx.fetch,
        info,
      });
      const durationMs = performance.now() - startedAt;
      const rateLimit =
        request.endpoint === 'graphql' || request.endpoint === 'metadata'
          ? parseGraphqlRateLimit(
              Array.isArray((result.json as { errors?: unknown })?.errors)
                ? (result.json as { errors: never[] }).errors
                : [],
            )
          : parseRestRateLimit(result.status, result.headers, result.json);
      if (rateLimit) ctx.scheduler.learn(rateLimit);
      const headers: Record<string, string> = {};
      result.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return {
        status: result.status,
        headers,
        body: result.json === undefined ? null : result.json,
        text: result.json === undefined ? result.text : null,
        sizeBytes: Buffer.byteLength(result.text),
        durationMs: Math.round(durationMs * 10) / 10,
        queuedMs: Math.round((startedAt - queuedAt) * 10) / 10,
      };
    },
    { signal: request.signal },
  );
};
