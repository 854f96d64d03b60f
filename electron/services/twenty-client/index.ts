/** Public entry of the Twenty client (plain Node). */
export { createTwentyClient, normalizeBaseUrl } from './twenty-client';
export type {
  GraphqlRequest,
  QueryValue,
  RestApi,
  RestRequest,
  TwentyClient,
  TwentyClientOptions,
} from './twenty-client';
export { testConnection } from './connection-test';
export type { TestConnectionInput } from './connection-test';
export type { ClientEvent } from './request-executor';
export type { ExchangeRequest } from './raw-exchange';
export type { BulkTarget, ListOptions, RecordApi } from './record-api';
export type { PageInfo, RecordPage, TwentyRecord } from './rest-envelope';
export { TWENTY_DEFAULT_RATE_LIMIT } from './workspace-scheduler';
export type { RateLimitConfig, WorkspaceScheduler } from './workspace-scheduler';
export type { ClientConfigSummary } from './client-config';
