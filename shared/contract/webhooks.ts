import { z } from 'zod';
import { connectionIdSchema } from './connections';

/**
 * The webhook inspector (issue 9): local receivers that log every delivery with its signature
 * checked as Twenty signs it, the log (search, filters, export, retention), replay and live
 * forwarding, webhook management through Twenty's own API, gap detection and test events.
 * Facts about what Twenty sends: docs/webhooks.md.
 */
export const receiverIdSchema = z.string().min(1).max(64);
export const deliveryIdSchema = z.string().min(1).max(64);

export const RECEIVER_STATES = ['stopped', 'starting', 'running', 'error'] as const;

/** `loopback`: 127.0.0.1 only (default). `all`: every interface (0.0.0.0), the admin's choice. */
export const receiverBindSchema = z.enum(['loopback', 'all']);

const publicUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => /^https?:\/\/[^\s]+$/i.test(value),
    'A public URL starts with http:// or https://',
  );

const forwardUrlSchema = publicUrlSchema;

export const receiverSchema = z.object({
  id: receiverIdSchema,
  name: z.string(),
  bind: receiverBindSchema,
  /** The port asked for; null: any free port (the one it got is in `url`). */
  port: z.number().int().nullable(),
  /** The random path segment a delivery must come to: `/hooks/<pathToken>`. */
  pathToken: z.string(),
  state: z.enum(RECEIVER_STATES),
  /** Why it is `error`. */
  message: z.string().nullable(),
  /** Where it listens while running (`http://127.0.0.1:<port>/hooks/<token>`), else null. */
  url: z.string().nullable(),
  /** The tunnel URL the admin runs in front of it: what gets registered in a remote Twenty. */
  publicUrl: z.string().nullable(),
  /** A secret is kept in the keychain (never sent to the renderer). */
  hasSecret: z.boolean(),
  /** During a rotation the previous secret is still accepted until then (ISO time). */
  previousSecretUntil: z.string().nullable(),
  /** Accepted clock difference for the signature timestamp (replay protection). */
  toleranceSeconds: z.number().int(),
  /** Bodies above this are answered 413 and logged as too large. */
  maxBodyBytes: z.number().int(),
  /** Answer 401 to deliveries whose signature is invalid (default: log them and answer 200). */
  rejectInvalid: z.boolean(),
  /** Live forwarding of every delivery (like `stripe listen --forward-to`), or null. */
  forwardTo: z.string().nullable(),
  /** Start it with the app. */
  autoStart: z.boolean(),
});
export type Receiver = z.infer<typeof receiverSchema>;

const receiverOptionsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  bind: receiverBindSchema.default('loopback'),
  port: z.number().int().min(1024).max(65535).nullable().default(null),
  publicUrl: publicUrlSchema.nullable().default(null),
  toleranceSeconds: z.number().int().min(1).max(86_400).default(300),
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  rejectInvalid: z.boolean().default(false),
  forwardTo: forwardUrlSchema.nullable().default(null),
  autoStart: z.boolean().default(true),
});

export const createReceiverInputSchema = receiverOptionsSchema.extend({
  /** The webhook secret to verify with; null: generate one as Twenty does (64 hex characters). */
  secret: z.string().max(500).nullable().default(null),
  /** Start listening at once. */
  start: z.boolean().default(true),
});
export type CreateReceiverInput = z.input<typeof createReceiverInputSchema>;

export const updateReceiverInputSchema = receiverOptionsSchema
  .partial()
  .extend({ id: receiverIdSchema });
export type UpdateReceiverInput = z.input<typeof updateReceiverInputSchema>;

export const receiverRefSchema = z.object({ id: receiverIdSchema });

export const rotateSecretInputSchema = z.object({
  id: receiverIdSchema,
  /** The new secret; null: generate one. */
  secret: z.string().max(500).nullable().default(null),
  /** How long the previous secret stays valid (0: at once). */
  keepPreviousMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
});

/** A secret shown once (after creating a receiver or a webhook, or a rotation). */
export const revealedSecretSchema = z.object({ secret: z.string() });

export const VERIFICATION_STATUSES = ['valid', 'invalid', 'unsigned', 'no-secret'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const BODY_KINDS = ['json', 'not-json', 'empty', 'too-large'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const verificationStepSchema = z.object({
  /** What was checked: headers, timestamp, tolerance, signature format, HMAC, a diagnosis. */
  check: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type VerificationStep = z.infer<typeof verificationStepSchema>;

export const verificationSchema = z.object({
  status: z.enum(VERIFICATION_STATUSES),
  /** One line: why it is not valid, or which secret matched. */
  reason: z.string(),
  /** Step by step, on the raw bytes. */
  steps: z.array(verificationStepSchema),
});
export type Verification = z.infer<typeof verificationSchema>;

export const forwardResultSchema = z.object({
  url: z.string(),
  /** HTTP status of the handler's answer; null when none came. */
  status: z.number().int().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  /** The first 4 KB of the answer. */
  responseBody: z.string().nullable(),
  at: z.string(),
});
export type ForwardResult = z.infer<typeof forwardResultSchema>;

export const deliverySummarySchema = z.object({
  id: deliveryIdSchema,
  /** Arrival order. */
  seq: z.number().int(),
  receiverId: z.string(),
  receivedAt: z.string(),
  method: z.string(),
  sizeBytes: z.number().int(),
  bodyKind: z.enum(BODY_KINDS),
  /** What the receiver answered. */
  answerStatus: z.number().int(),
  eventName: z.string().nullable(),
  objectName: z.string().nullable(),
  recordId: z.string().nullable(),
  webhookId: z.string().nullable(),
  verification: z.enum(VERIFICATION_STATUSES),
  verificationReason: z.string(),
  /** The same nonce came before (a replay). */
  repeatedNonce: z.boolean(),
  forwardStatus: z.number().int().nullable(),
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

export const deliveryDetailSchema = deliverySummarySchema.extend({
  path: z.string(),
  remoteAddress: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  /** The body as UTF-8 text (null when it is not valid UTF-8: see `bodyBase64`). */
  bodyText: z.string().nullable(),
  bodyBase64: z.string().nullable(),
  /** Only the start of a too-large body is kept. */
  bodyTruncated: z.boolean(),
  /** The parsed JSON body. */
  payload: z.unknown().nullable(),
  /** Twenty's `updatedFields` with each field's value in the record. */
  updatedFields: z.array(z.object({ field: z.string(), value: z.unknown() })).nullable(),
  verificationDetail: verificationSchema,
  /** Milliseconds from the request to the delivery checked and handed to the log (then answered). */
  answerMs: z.number(),
  forwards: z.array(forwardResultSchema),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const deliveryFilterSchema = z.object({
  /** Words or values anywhere in the delivery (full-text), or a record / webhook id. */
  search: z.string().trim().max(500).nullable().default(null),
  receiverId: receiverIdSchema.nullable().default(null),
  eventName: z.string().max(200).nullable().default(null),
  objectName: z.string().max(100).nullable().default(null),
  recordId: z.string().max(100).nullable().default(null),
  from: z.string().datetime({ offset: true }).nullable().default(null),
  to: z.string().datetime({ offset: true }).nullable().default(null),
  verification: z.array(z.enum(VERIFICATION_STATUSES)).max(4).nullable().default(null),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;

export const listDeliveriesInputSchema = deliveryFilterSchema.extend({
  /** Deliveries older than this seq (the next page); null: the newest. */
  beforeSeq: z.number().int().nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesInputSchema>;

export const deliveryPageSchema = z.object({
  deliveries: z.array(deliverySummarySchema),
  /** Matches in all (the page is the newest `limit` of them). */
  total: z.number().int(),
  hasMore: z.boolean(),
  /** Deliveries received but not yet searchable (the log catches up in the background). */
  pendingIndex: z.number().int(),
});
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

export const exportDeliveriesInputSchema = deliveryFilterSchema;
export const exportFileSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  count: z.number().int(),
  /** The JSON lines, for the renderer to offer as a download (at most 20 MB; else only `path`). */
  text: z.string().nullable(),
});

export const logSettingsSchema = z.object({
  /** Deliveries older than this are deleted; null: kept. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
  /** The newest this many are kept. */
  maxDeliveries: z.number().int().min(100).max(10_000_000),
});
export type LogSettings = z.infer<typeof logSettingsSchema>;

export const logStatsSchema = z.object({
  deliveries: z.number().int(),
  pendingIndex: z.number().int(),
  oldest: z.string().nullable(),
  settings: logSettingsSchema,
});

export const replayInputSchema = z.object({
  deliveryIds: z.array(deliveryIdSchema).min(1).max(1000),
  url: forwardUrlSchema,
  /** `as-recorded`: the headers as they came. `resign`: fresh timestamp and signature. */
  signing: z.enum(['as-recorded', 'resign']).default('resign'),
  /** With `resign`: the receiver whose secret signs (default: each delivery's own receiver). */
  secretFrom: receiverIdSchema.nullable().default(null),
  /** A changed body for a single delivery (signed as is with `resign`). */
  body: z
    .string()
    .max(10 * 1024 * 1024)
    .nullable()
    .default(null),
});
export type ReplayInput = z.input<typeof replayInputSchema>;

export const replayResultSchema = z.object({
  results: z.array(forwardResultSchema.extend({ deliveryId: deliveryIdSchema })),
});

// ——— Twenty's webhooks, per connection ———

export const webhookSchema = z.object({
  id: z.string(),
  targetUrl: z.string(),
  operations: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The receiver its target URL leads to (its local or public URL), if any. */
  receiverId: z.string().nullable(),
  /** Twenty signs its deliveries (its secret is not empty). The secret itself stays in main. */
  signed: z.boolean(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receiver'), receiverId: receiverIdSchema }),
  z.object({ kind: z.literal('url'), url: publicUrlSchema }),
]);
export type WebhookTarget = z.infer<typeof webhookTargetSchema>;

/** `*.*`, `person.*`, `*.created`, `company.updated`… as Twenty matches them. */
export const operationSchema = z
  .string()
  .regex(/^(\*|[a-z][a-zA-Z0-9]*)\.(\*|[a-z]+)$/, 'An operation is <object or *>.<action or *>');

export const createWebhookInputSchema = z.object({
  connectionId: connectionIdSchema,
  target: webhookTargetSchema,
  operations: z.array(operationSchema).min(1).max(200),
  description: z.string().max(500).nullable().default(null),
  /** For a URL target: the secret (null: generated). A receiver target uses the receiver's. */
  secret: z.string().max(500).nullable().default(null),
  /** The admin read the reachability advice and wants it anyway. */
  acknowledgeAdvice: z.boolean().default(false),
});
export type CreateWebhookInput = z.input<typeof createWebhookInputSchema>;

export const updateWebhookInputSchema = z.object({
  connectionId: connectionIdSchema,
  id: z.string().min(1).max(64),
  target: webhookTargetSchema.optional(),
  operations: z.array(operationSchema).min(1).max(200).optional(),
  description: z.string().max(500).nullable().optional(),
  /** Give the webhook a new secret (generated, or the receiver's when it targets one). */
  rotateSecret: z.boolean().default(false),
  acknowledgeAdvice: z.boolean().default(false),
});
export type UpdateWebhookInput = z.input<typeof updateWebhookInputSchema>;

export const webhookRefSchema = z.object({
  connectionId: connectionIdSchema,
  id: z.string().min(1).max(64),
});

export const webhookSavedSchema = z.object({
  webhook: webhookSchema,
  /** Shown once: the secret Twenty will sign with (null when unchanged). */
  secret: z.string().nullable(),
});

export const targetAdviceInputSchema = z.object({
  connectionId: connectionIdSchema,
  target: webhookTargetSchema,
});

export const targetAdviceSchema = z.object({
  /** `ok`: Twenty can reach it. `warning`: it may not. `blocked`: it cannot. */
  level: z.enum(['ok', 'warning', 'blocked']),
  /** The URL that would be registered in Twenty. */
  url: z.string().nullable(),
  message: z.string(),
  /** The ways out, when there is a problem. */
  remedies: z.array(z.string()),
});
export type TargetAdvice = z.infer<typeof targetAdviceSchema>;

// ——— Gaps and test events ———

export const findGapsInputSchema = z.object({
  connectionId: connectionIdSchema,
  /** Compare with the deliveries of this receiver (null: all receivers). */
  receiverId: receiverIdSchema.nullable().default(null),
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  /** nameSingular of the objects to check; null: those the workspace's webhooks subscribe to. */
  objects: z.array(z.string().min(1).max(63)).max(100).nullable().default(null),
});
export type FindGapsInput = z.input<typeof findGapsInputSchema>;

export const missingEventSchema = z.object({
  objectName: z.string(),
  recordId: z.string(),
  /** What the record's timestamps say happened in the window. */
  action: z.enum(['created', 'updated', 'deleted']),
  at: z.string(),
  /** A readable name of the record, when it has one. */
  label: z.string().nullable(),
});

export const gapReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  objects: z.array(z.string()),
  /** Records changed in the window (created, updated or deleted). */
  changed: z.number().int(),
  /** Of those, how many had a delivery for them in the window. */
  delivered: z.number().int(),
  missing: z.array(missingEventSchema),
  /** Objects skipped and why (not readable with this key, …). */
  skipped: z.array(z.object({ objectName: z.string(), reason: z.string() })),
});
export type GapReport = z.infer<typeof gapReportSchema>;

export const fetchRecordsInputSchema = z.object({
  connectionId: connectionIdSchema,
  objectName: z.string().min(1).max(63),
  recordIds: z.array(z.string().min(1).max(64)).min(1).max(200),
});
export const fetchedRecordsSchema = z.object({
  records: z.array(z.record(z.string(), z.unknown())),
});

export const testEventInputSchema = z.object({
  connectionId: connectionIdSchema,
  /** The object to create a test record of (nameSingular). */
  objectName: z.string().min(1).max(63).default('company'),
  /** Which events to cause; the record is destroyed at the end whatever is chosen. */
  actions: z
    .array(z.enum(['created', 'updated', 'deleted']))
    .min(1)
    .default(['created', 'updated', 'deleted']),
  confirm: z.boolean().default(false),
});
export type TestEventInput = z.input<typeof testEventInputSchema>;

export const testEventReportSchema = z.object({
  objectName: z.string(),
  recordId: z.string(),
  steps: z.array(
    z.object({ action: z.string(), at: z.string(), ok: z.boolean(), detail: z.string() }),
  ),
  cleanedUp: z.boolean(),
});
export type TestEventReport = z.infer<typeof testEventReportSchema>;

/** Pushed as deliveries arrive (batched, at most every 100 ms). */
export const deliveriesArrivedSchema = z.object({
  deliveries: z.array(deliverySummarySchema),
});
