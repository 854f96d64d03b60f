import { z } from 'zod';
import { connectionTestReportSchema } from './connection-test';

/** What the renderer may know about a connection: never the key, only whether one is stored. */
export const rateLimitSchema = z.object({
  shortLimit: z.number().int().min(1).max(100_000),
  shortTtlMs: z.number().int().min(100).max(3_600_000),
  longLimit: z.number().int().min(1).max(1_000_000),
  longTtlMs: z.number().int().min(1000).max(86_400_000),
});
export type RateLimitSettings = z.infer<typeof rateLimitSchema>;

/** Twenty's defaults (API_RATE_LIMITING_SHORT_* / _LONG_*), per workspace, all keys together. */
export const TWENTY_DEFAULT_RATE_LIMIT: RateLimitSettings = {
  shortLimit: 100,
  shortTtlMs: 1000,
  longLimit: 100,
  longTtlMs: 60_000,
};

export const connectionStatusSchema = z.object({
  state: z.enum(['starting', 'ready', 'untested', 'ok', 'failing', 'error']),
  message: z.string(),
});

export const connectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  /** `replica`: a remote's offline copy, a local workspace of its own (see `replica.*`). */
  kind: z.enum(['local', 'remote', 'replica']),
  /** For a replica: the remote connection it copies. */
  replicaOf: z.string().nullable(),
  hasKey: z.boolean(),
  rateLimit: rateLimitSchema,
  /** Atelier refuses to change data through it (the admin's own guard; Twenty is not told). */
  readOnly: z.boolean(),
  status: connectionStatusSchema,
  lastTest: connectionTestReportSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionListSchema = z.object({
  connections: z.array(connectionSchema),
  activeId: z.string(),
});
export type ConnectionList = z.infer<typeof connectionListSchema>;

export const connectionIdSchema = z.string().min(1).max(64);

export const connectionNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the connection a name')
  .max(80, 'Keep the name under 80 characters');

/** http(s) only, no credentials or fragment in the URL; trailing slashes dropped. */
export const baseUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the base URL of the Twenty server')
  .max(2048)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not a URL — e.g. https://crm.example.com' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'Use an http:// or https:// URL' });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'Put the API key in its own field, not in the URL' });
      return z.NEVER;
    }
    url.hash = '';
    url.search = '';
    return url.toString().replace(/\/+$/, '');
  });

/** Twenty keys are JWTs; we only insist on something key-shaped so a paste error is caught. */
export const apiKeySchema = z
  .string()
  .trim()
  .min(1, 'Paste the API key')
  .max(8192, 'That is far longer than a Twenty API key')
  .regex(/^\S+$/, 'An API key has no spaces or line breaks');

export const addConnectionInputSchema = z.object({
  name: connectionNameSchema,
  baseUrl: baseUrlSchema,
  apiKey: apiKeySchema,
  rateLimit: rateLimitSchema.optional(),
});

export const updateConnectionInputSchema = z.object({
  id: connectionIdSchema,
  name: connectionNameSchema.optional(),
  baseUrl: baseUrlSchema.optional(),
  rateLimit: rateLimitSchema.optional(),
  readOnly: z.boolean().optional(),
});

export const replaceKeyInputSchema = z.object({ id: connectionIdSchema, apiKey: apiKeySchema });
export const connectionRefSchema = z.object({ id: connectionIdSchema });
export const testDraftInputSchema = z.object({ baseUrl: baseUrlSchema, apiKey: apiKeySchema });
