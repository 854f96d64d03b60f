import type { RawExchange } from '../../../shared/contract/playground';
import { exchange, type ExchangeRequest } from './raw-exchange';
import { AppError } from '../../../shared/errors/app-error';
import { summarizeClientConfig, type ClientConfigSummary } from './client-config';
import { analyzeOperation } from '../../../shared/domain/graphql-operation';
import type { FetchLike } from './http-attempt';
import { createRecordApi, type RecordApi } from './record-api';
import {
  executeRequest,
  type ClientEvent,
  type ExecutorContext,
  type PreparedRequest,
} from './request-executor';
import { isIdempotentMethod } from './retry-policy';
import { identifyKey } from './workspace-key';
import {
  acquireScheduler,
  DEFAULT_SAFETY,
  releaseScheduler,
  schedulerKey,
  TWENTY_DEFAULT_RATE_LIMIT,
  type RateLimitConfig,
  type WorkspaceScheduler,
} from './workspace-scheduler';

/**
 * The Twenty client: core REST (`/rest/…`), core GraphQL (`/graphql`), metadata GraphQL
 * (`/metadata`) and metadata REST (`/rest/metadata/…`), sharing one per-workspace scheduler.
 */
export interface TwentyClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for failures safe to repeat. Default 3. */
  retries?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  /** 429 answers waited out per request before giving up with RATE_LIMIT. Default 5. */
  maxRateLimitRetries?: number;
  /** The workspace's API limit; default Twenty's 100/1 s + 100/60 s; null = no client-side limit. */
  rateLimit?: RateLimitConfig | null;
  /** Requests in flight per workspace. Default 8. */
  concurrency?: number;
  /** Fraction of the limit the client uses (default 0.95). */
  rateLimitSafety?: number;
  fetch?: FetchLike;
  onEvent?: (event: ClientEvent) => void;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RestRequest {
  method: string;
  /** `/people/…` or `/rest/people/…` (metadata: `/objects` or `/rest/metadata/objects`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Override the method-based default (GET/HEAD/PUT/PATCH/DELETE repeatable, POST not). */
  idempotent?: boolean;
  /** The body's records all carry client ids: retries are re-sent with `?upsert=true`. */
  clientIds?: boolean;
}

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  signal?: AbortSignal;
  /** Declare a mutation safe to repeat (e.g. createXs with client ids and `upsert: true`). */
  idempotent?: boolean;
}

export interface RestApi extends RecordApi {
  request<T = unknown>(request: RestRequest): Promise<T>;
}

export interface TwentyClient {
  readonly baseUrl: string;
  readonly workspaceId: string | null;
  readonly apiKeyId: string | null;
  readonly scheduler: WorkspaceScheduler;
  rest: RestApi;
  graphql<T = Record<string, unknown>>(request: GraphqlRequest): Promise<T>;
  metadataGraphql<T = Record<string, unknown>>(request: GraphqlRequest): Promise<T>;
  metadataRest: { request<T = unknown>(request: RestRequest): Promise<T> };
  /** One request as written and the answer as it came (the playground): no retries. */
  exchange(request: ExchangeRequest): Promise<RawExchange>;
  /** `GET /client-config` (cached after the first success). */
  clientConfig(signal?: AbortSignal): Promise<ClientConfigSummary>;
  /** Lets go of the shared scheduler. */
  close(): void;
}

export const normalizeBaseUrl = (baseUrl: string): string => {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AppError('INVALID_INPUT', `Not a URL: "${baseUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError(
      'INVALID_INPUT',
      `Twenty is reached over http or https, not ${url.protocol}`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

export const buildPath = (prefix: string, path: string, query?: Record<string, QueryValue>) => {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  const full =
    withSlash.startsWith(`${prefix}/`) || withSlash === prefix
      ? withSlash
      : `${prefix}${withSlash}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) params.set(key, String(value));
  const search = params.toString();
  if (!search) return full;
  return `${full}${full.includes('?') ? '&' : '?'}${search}`;
};

const withUpsert = (path: string): string =>
  /[?&]upsert=/.test(path) ? path : `${path}${path.includes('?') ? '&' : '?'}upsert=true`;

export const createTwentyClient = (options: TwentyClientOptions): TwentyClient => {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const identity = identifyKey(options.apiKey);
  const key = schedulerKey(baseUrl, identity.schedulerKey);
  const scheduler = acquireScheduler(key, {
    rateLimit: options.rateLimit === undefined ? TWENTY_DEFAULT_RATE_LIMIT : options.rateLimit,
    concurrency: options.concurrency ?? 8,
    safety: options.rateLimitSafety ?? DEFAULT_SAFETY,
  });
  const ctx: ExecutorContext = {
    baseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 3,
    retryMinDelayMs: options.retryMinDelayMs ?? 300,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 10_000,
    maxRateLimitRetries: options.maxRateLimitRetries ?? 5,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    scheduler,
    onEvent: options.onEvent,
  };
  let closed = false;

  const restCall = async <T>(
    endpoint: 'rest' | 'metadata-rest',
    request: RestRequest,
  ): Promise<T> => {
    const method = request.method.toUpperCase();
    const path = buildPath(
      endpoint === 'rest' ? '/rest' : '/rest/metadata',
      request.path,
      request.query,
    );
    const prepared: PreparedRequest = {
      endpoint,
      method,
      path,
      ...(request.clientIds && method === 'POST' ? { retryPath: withUpsert(path) } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      // Twenty's throttle counts record operations only (common-base-query-runner.service.ts).
      cost: endpoint === 'rest' ? 1 : 0,
      safety: {
        idempotent: request.idempotent ?? isIdempotentMethod(method),
        safeCreate: request.clientIds === true && method === 'POST',
      },
      signal: request.signal,
      authenticated: true,
      graphql: false,
    };
    return (await executeRequest(ctx, prepared)).body as T;
  };

  const graphqlCall = async <T>(
    endpoint: 'graphql' | 'metadata',
    request: GraphqlRequest,
  ): Promise<T> => {
    const operation = analyzeOperation(request.query, request.operationName);
    const prepared: PreparedRequest = {
      endpoint,
      method: 'POST',
      path: endpoint === 'graphql' ? '/graphql' : '/metadata',
      body: {
        query: request.query,
        ...(request.variables ? { variables: request.variables } : {}),
        ...(request.operationName ? { operationName: request.operationName } : {}),
      },
      cost: endpoint === 'graphql' ? operation.rootFields : 0,
      safety: {
        idempotent: request.idempotent ?? operation.kind === 'query',
        safeCreate: false,
      },
      signal: request.signal,
      authenticated: true,
      graphql: true,
    };
    return (await executeRequest(ctx, prepared)).body as T;
  };

  let config: ClientConfigSummary | null = null;
  const clientConfig = async (signal?: AbortSignal): Promise<ClientConfigSummary> => {
    if (config) return config;
    const response = await executeRequest(ctx, {
      endpoint: 'public',
      method: 'GET',
      path: '/client-config',
      cost: 0,
      safety: { idempotent: true, safeCreate: false },
      signal,
      authenticated: false,
      graphql: false,
    });
    config = summarizeClientConfig(response.body);
    return config;
  };

  const request = <T>(req: RestRequest) => restCall<T>('rest', req);
  const records = createRecordApi({ request, clientConfig });
  return {
    baseUrl,
    workspaceId: identity.workspaceId,
    apiKeyId: identity.apiKeyId,
    scheduler,
    rest: { request, ...records },
    graphql: (req) => graphqlCall('graphql', req),
    metadataGraphql: (req) => graphqlCall('metadata', req),
    metadataRest: { request: (req) => restCall('metadata-rest', req) },
    clientConfig,
    exchange: (req) => exchange(ctx, req),
    close() {
      if (closed) return;
      closed = true;
      releaseScheduler(key, scheduler);
    },
  };
};
