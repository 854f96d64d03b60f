import type { AuthContext, TokenService } from './auth/api-key-tokens';
import type { ApiKeyService } from './auth/api-key-service';
import type { MetadataService } from './metadata/metadata-service';
import type { RateLimiter } from './limits/rate-limiter';
import type { RecordEventBus } from './records/record-events';
import type { WorkspaceRow } from './metadata/metadata-types';
import type { SqlEngine } from './storage/sql-engine';
import type { WebhookService } from './webhooks/webhook-service';

/** Everything a request handler of the local workspace may use. */
export interface WorkspaceRuntime {
  engine: SqlEngine;
  workspace: WorkspaceRow;
  metadata: MetadataService;
  tokens: TokenService;
  apiKeys: ApiKeyService;
  /** Committed record changes (webhook delivery listens here). */
  events: RecordEventBus;
  /** Webhooks (Twenty's core."webhook" rows, cached for event matching). */
  webhooks: WebhookService;
  limits: {
    rateLimiter: RateLimiter;
    /** Records per create-many / batch call (Twenty: QUERY_MAX_RECORDS = 200). */
    maxBatch: number;
  };
}

export interface RequestContext {
  runtime: WorkspaceRuntime;
  auth: AuthContext;
}
