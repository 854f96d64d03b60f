import { createHash } from 'node:crypto';

/**
 * Twenty rate-limits per workspace, across all API keys (`api:throttler:<workspaceId>-…`, and the
 * main-2026 `{<workspaceId>}:speed:…` buckets). An API-key JWT carries the workspace in `workspaceId`
 * and in `sub` (api-key.service.ts), so two keys of one workspace share one client scheduler. The
 * payload is read without verifying the signature: it only picks a queue, it grants nothing.
 */
export interface KeyIdentity {
  /** `ws:<workspaceId>` from the JWT, or `key:<sha256 prefix>` for opaque tokens. */
  schedulerKey: string;
  workspaceId: string | null;
  /** The API key's id (`jti`) when the token is a Twenty API-key JWT. */
  apiKeyId: string | null;
}

const decodeSegment = (segment: string): Record<string, unknown> | null => {
  try {
    const json = Buffer.from(segment, 'base64url').toString('utf8');
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

export const decodeJwtPayload = (token: string): Record<string, unknown> | null => {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  return decodeSegment(parts[1]);
};

const nonEmpty = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

export const identifyKey = (apiKey: string): KeyIdentity => {
  const payload = decodeJwtPayload(apiKey);
  const workspaceId = payload ? (nonEmpty(payload.workspaceId) ?? nonEmpty(payload.sub)) : null;
  const apiKeyId = payload && payload.type === 'API_KEY' ? nonEmpty(payload.jti) : null;
  if (workspaceId) return { schedulerKey: `ws:${workspaceId}`, workspaceId, apiKeyId };
  const hash = createHash('sha256').update(apiKey).digest('hex').slice(0, 24);
  return { schedulerKey: `key:${hash}`, workspaceId: null, apiKeyId: null };
};
