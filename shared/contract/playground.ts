import { z } from 'zod';
import { connectionIdSchema } from './connections';

/**
 * The query playground: requests as the admin writes them, sent by main with the connection's
 * key, and Twenty's answers exactly as they came. Introspected schemas are kept per connection
 * so the editor's completion works offline.
 */
export const EXCHANGE_ENDPOINTS = ['graphql', 'metadata', 'rest', 'metadata-rest'] as const;
export type ExchangeEndpoint = (typeof EXCHANGE_ENDPOINTS)[number];

export const playgroundApiSchema = z.enum(['core', 'metadata']);
export type PlaygroundApi = z.infer<typeof playgroundApiSchema>;

export const REST_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

const headersSchema = z
  .record(z.string().min(1).max(100), z.string().max(4000))
  .refine((headers) => Object.keys(headers).length <= 30, 'At most 30 headers')
  .default({});

export const graphqlRequestSchema = z.object({
  kind: z.literal('graphql'),
  api: playgroundApiSchema,
  query: z.string().min(1, 'Write a query first').max(500_000),
  variables: z.record(z.string(), z.unknown()).nullable().default(null),
  operationName: z.string().max(200).nullable().default(null),
  headers: headersSchema,
});

export const restRequestSchema = z.object({
  kind: z.literal('rest'),
  api: playgroundApiSchema,
  method: z.enum(REST_METHODS),
  /** From the API's root: `/people?limit=5` (core) or `/objects` (metadata). */
  path: z
    .string()
    .min(1)
    .max(20_000)
    .refine((path) => path.startsWith('/') && !path.startsWith('//'), 'The path starts with /'),
  body: z.unknown().nullable().default(null),
  headers: headersSchema,
});

export const playgroundRequestSchema = z.discriminatedUnion('kind', [
  graphqlRequestSchema,
  restRequestSchema,
]);
export type PlaygroundRequest = z.infer<typeof playgroundRequestSchema>;
export type PlaygroundRequestInput = z.input<typeof playgroundRequestSchema>;

export const rawExchangeSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  /** Parsed JSON, or null when the answer is not JSON (then `text`). */
  body: z.unknown(),
  text: z.string().nullable(),
  sizeBytes: z.number(),
  /** From the request leaving to the whole answer read. */
  durationMs: z.number(),
  /** Waiting for a slot or rate-limit tokens of the workspace first. */
  queuedMs: z.number(),
});
export type RawExchange = z.infer<typeof rawExchangeSchema>;

export const rateLimitMeterSchema = z.object({
  /** Twenty's windows as the client sees them: requests left of `limit` per `windowMs`. */
  buckets: z.array(z.object({ limit: z.number(), windowMs: z.number(), remaining: z.number() })),
  /** After a 429, until the workspace may be called again. */
  pausedForMs: z.number(),
});
export type RateLimitMeter = z.infer<typeof rateLimitMeterSchema>;

export const runInputSchema = z.object({
  connectionId: connectionIdSchema,
  request: playgroundRequestSchema,
  /** A mutation on a workspace other than the local one runs only when the admin confirmed it. */
  confirmMutation: z.boolean().default(false),
  /** "Try as this key": run with one of the workspace's API keys instead of the connection's. */
  actAs: z.object({ apiKeyId: z.string().uuid() }).nullable().default(null),
});

export const runOutputSchema = z.object({
  exchange: rawExchangeSchema,
  /** Whether the request could change data (GraphQL mutation, REST other than GET). */
  mutation: z.boolean(),
  /** What Twenty charges against the rate limit for it (record API calls and root fields). */
  cost: z.number(),
  ranAt: z.string(),
  rateLimit: rateLimitMeterSchema,
  /** The key the request ran as, when not the connection's own. */
  actedAs: z.object({ apiKeyId: z.string(), name: z.string() }).nullable(),
});
export type RunOutput = z.infer<typeof runOutputSchema>;

export const introspectInputSchema = z.object({
  connectionId: connectionIdSchema,
  api: playgroundApiSchema,
  refresh: z.boolean().default(false),
});

export const introspectionReadSchema = z.object({
  /** `IntrospectionQuery` (graphql-js) of the endpoint. */
  schema: z.record(z.string(), z.unknown()),
  readAt: z.string(),
  source: z.enum(['live', 'cache']),
  problem: z.string().nullable(),
});
export type IntrospectionRead = z.infer<typeof introspectionReadSchema>;

/** A saved query's name is its file name (without the extension). */
export const savedQueryNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the query a name')
  .max(80, 'Keep the name under 80 characters')
  .regex(/^[\w][\w .()-]*$/, 'Letters, digits, spaces, dots, dashes and brackets only');

export const queryProblemSchema = z.object({
  message: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
});

export const savedQuerySchema = z.object({
  name: z.string(),
  /** File name in the connection's query folder. */
  file: z.string(),
  request: playgroundRequestSchema,
  updatedAt: z.string(),
  /**
   * What no longer matches the workspace's schema as last read (a renamed or deleted field):
   * GraphQL validated against the introspected schema, REST filters and sorts against the model.
   */
  problems: z.array(queryProblemSchema),
  /** False when no schema was read yet for this connection: nothing could be checked. */
  checked: z.boolean(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;

export const savedQueryListSchema = z.object({
  /** Where the files are: a folder the admin can put under git. */
  folder: z.string(),
  queries: z.array(savedQuerySchema),
});

export const saveQueryInputSchema = z.object({
  connectionId: connectionIdSchema,
  name: savedQueryNameSchema,
  request: playgroundRequestSchema,
  /** Replace a query of that name (otherwise a name in use is refused). */
  overwrite: z.boolean().default(false),
});

export const historyEntrySchema = z.object({
  request: playgroundRequestSchema,
  status: z.number().nullable(),
  durationMs: z.number().nullable(),
  ranAt: z.string(),
  /** Why it did not reach Twenty, when it did not. */
  failure: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
