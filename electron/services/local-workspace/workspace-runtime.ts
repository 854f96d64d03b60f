import type { AuthContext, TokenService } from './auth/api-key-tokens';
import type { ApiKeyService } from './auth/api-key-service';
import type { MetadataService } from './metadata/metadata-service';
import type { WorkspaceRow } from './metadata/metadata-types';
import type { SqlEngine } from './storage/sql-engine';

/** Everything a request handler of the local workspace may use. */
export interface WorkspaceRuntime {
  engine: SqlEngine;
  workspace: WorkspaceRow;
  metadata: MetadataService;
  tokens: TokenService;
  apiKeys: ApiKeyService;
}

export interface RequestContext {
  runtime: WorkspaceRuntime;
  auth: AuthContext;
}
