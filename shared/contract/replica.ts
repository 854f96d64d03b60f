import { z } from 'zod';
import { connectionIdSchema } from './connections';

/**
 * Offline replicas and workspace copies: a remote workspace's schema and records pulled into a
 * local workspace of its own (a connection of kind `replica`), refreshed by `updatedAt`, and any
 * workspace written to or read from one snapshot file. Long runs are jobs (progress, cancel) and
 * resume from their journal.
 */
export const objectChoiceSchema = z.object({
  /** nameSingular */
  name: z.string().min(1).max(63),
  /** At most this many records (the first in the source's order); null: all of them. */
  recordCap: z.number().int().min(1).max(10_000_000).nullable().default(null),
});
export type ObjectChoice = z.infer<typeof objectChoiceSchema>;

export const schemaModeSchema = z.enum(['mirror', 'additive', 'skip']);

export const objectReportSchema = z.object({
  name: z.string(),
  written: z.number(),
  writtenTrashed: z.number(),
  linked: z.number(),
  trashed: z.number(),
  destroyed: z.number(),
  remapped: z.number(),
});

export const replicaRunSchema = z.object({
  kind: z.enum(['copy', 'refresh', 'import']),
  finishedAt: z.string(),
  /** What the next refresh counts from. */
  syncedAt: z.string(),
  schemaSteps: z.number(),
  objects: z.array(objectReportSchema),
  skipped: z.array(z.object({ nameSingular: z.string(), reason: z.string() })),
  droppedLinks: z.array(z.object({ object: z.string(), field: z.string(), reason: z.string() })),
});
export type ReplicaRun = z.infer<typeof replicaRunSchema>;

export const REPLICA_STATES = [
  'starting',
  'empty',
  'pulling',
  'ready',
  'interrupted',
  'error',
] as const;

export const replicaSchema = z.object({
  /** The replica's own connection id (kind `replica`): select it or run queries on it. */
  connectionId: z.string(),
  /** The remote connection it copies. */
  of: z.string(),
  state: z.enum(REPLICA_STATES),
  /** Why it is `error` or `interrupted`; what it is doing while `pulling`. */
  message: z.string(),
  /** The running pull or refresh (see jobs), to follow its progress or cancel it. */
  jobId: z.string().nullable(),
  /** What a pull copies: null = every object. */
  objects: z.array(objectChoiceSchema).nullable(),
  lastRun: replicaRunSchema.nullable(),
  createdAt: z.string(),
});
export type Replica = z.infer<typeof replicaSchema>;

export const replicaListSchema = z.object({ replicas: z.array(replicaSchema) });
export type ReplicaList = z.infer<typeof replicaListSchema>;

export const pullInputSchema = z.object({
  /** The remote connection. */
  connectionId: connectionIdSchema,
  /** Null: every object. Kept for later refreshes. */
  objects: z.array(objectChoiceSchema).max(2000).nullable().default(null),
});

export const snapshotFileSchema = z.object({
  name: z.string(),
  path: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

export const snapshotNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\w .()-]+$/, 'Use letters, digits, spaces, dots, dashes and underscores');

export const exportSnapshotInputSchema = z.object({
  connectionId: connectionIdSchema,
  /** File name in the snapshots folder, without extension; default: workspace name and time. */
  name: snapshotNameSchema.nullable().default(null),
});

/** An absolute path: a snapshot from the snapshots folder or anywhere the admin keeps one. */
export const snapshotPathSchema = z
  .string()
  .trim()
  .min(2)
  .max(4096)
  .refine((path) => /^(\/|[A-Za-z]:[\\/])/.test(path), 'Give the full path of the snapshot file');

export const importSnapshotInputSchema = z.object({
  path: snapshotPathSchema,
  targetConnectionId: connectionIdSchema,
  /** Required for a remote target: the admin confirmed writing there. */
  confirm: z.boolean().default(false),
});

export const copyWorkspaceInputSchema = z.object({
  sourceConnectionId: connectionIdSchema,
  targetConnectionId: connectionIdSchema,
  objects: z.array(objectChoiceSchema).max(2000).nullable().default(null),
  schema: schemaModeSchema.default('mirror'),
  confirm: z.boolean().default(false),
});
